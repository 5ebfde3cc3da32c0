#pragma once
#include <QDialog>

class QComboBox;

namespace lightd::gui {
// App preferences: the UI language (system default or an override; applied at once).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
  public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    void accept() override;
    QComboBox *languageBox() const { return m_language; }

  private:
    QComboBox *m_language;
};
} // namespace lightd::gui
