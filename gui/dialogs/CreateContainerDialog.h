#pragma once
#include "lightd/CreateContainerDto.h"
#include "lightd/PortDto.h"
#include "lightd/VolumeDto.h"

#include <QDialog>

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

    void setVolumes(const QList<VolumeDto> &volumes);
    void setPorts(const QList<PortDto> &ports);
    CreateContainerDto form() const;
    QStringList problems() const;

  private:
    void validate();

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
    QPushButton *m_create;
};
} // namespace lightd::gui
