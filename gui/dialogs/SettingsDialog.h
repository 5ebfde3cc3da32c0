#pragma once
#include <QDialog>

class QComboBox;

namespace lightd::gui {
// App preferences: the UI language (system default or an override; applies after a restart).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
  public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    void accept() override;

  private:
    QComboBox *m_language;
};
} // namespace lightd::gui
