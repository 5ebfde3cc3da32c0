#pragma once
#include <QDialog>
#include <optional>

class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace lightd::gui {
// New volume: a name (kept by the app), unlimited or with a quota in MiB.
class CreateVolumeDialog final : public QDialog
{
    Q_OBJECT
  public:
    explicit CreateVolumeDialog(QWidget *parent = nullptr);
    std::optional<qint64> quotaMb() const;
    QString name() const;

  private:
    QLineEdit *m_name;
    QCheckBox *m_limit;
    QSpinBox *m_size;
};
} // namespace lightd::gui
