#pragma once
#include "lightd/CreateContainerDto.h"
#include "lightd/PortDto.h"
#include "lightd/VolumeDto.h"

#include <QDialog>
#include <QHash>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace lightd::gui {
// New container: every field checked as the operator types (validateContainer), volume and host
// ports chosen from what the node has (only free ports are offered).
class CreateContainerDialog final : public QDialog
{
    Q_OBJECT
  public:
    explicit CreateContainerDialog(QWidget *parent = nullptr);

    // names: what the operator called them (NameStore), shown beside the id.
    void setVolumes(const QList<VolumeDto> &volumes, const QHash<QString, QString> &names = {});
    // A volume made from here (newVolumeRequested) joins the list, selected.
    void addVolume(const VolumeDto &volume, const QString &name = {});
    // Only free ports are offered; with none a hint says where ports come from.
    void setPorts(const QList<PortDto> &ports);
    QLabel *poolHint() const { return m_poolHint; }
    CreateContainerDto form() const;
    QStringList problems() const;

  Q_SIGNALS:
    // "New volume" beside the volume list: the page creates one (optionally with a quota) and
    // calls addVolume, or volumeFailed with the node's reason.
    void newVolumeRequested(std::optional<qint64> quotaMb, const QString &name);

  public Q_SLOTS:
    void volumeFailed(const QString &message);

  private:
    void validate();
    static QString volumeLabel(const VolumeDto &v, const QString &name);

    QLineEdit *m_id;
    QLineEdit *m_image;
    QLineEdit *m_startup;
    QLineEdit *m_pattern;
    QComboBox *m_volume;
    QListWidget *m_ports;
    QSpinBox *m_memory;
    QDoubleSpinBox *m_cpu;
    QPlainTextEdit *m_env;
    QPlainTextEdit *m_install;
    QLabel *m_problems;
    QLabel *m_poolHint;
    QLabel *m_volumeHint;
    QPushButton *m_create;
};
} // namespace lightd::gui
