#pragma once
#include <QDialog>
#include <optional>

class QCheckBox;
class QSpinBox;

namespace lightd::gui {
// New volume: unlimited, or with a quota in MiB.
class CreateVolumeDialog final : public QDialog
{
    Q_OBJECT
  public:
    explicit CreateVolumeDialog(QWidget *parent = nullptr);
    std::optional<qint64> quotaMb() const;

  private:
    QCheckBox *m_limit;
    QSpinBox *m_size;
};
} // namespace lightd::gui
