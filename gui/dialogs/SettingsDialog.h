#pragma once
#include <QDialog>

class QComboBox;

namespace lightd::gui {
// App preferences: the colour theme (follow the desktop, light, dark; applied at once) and the UI language
// (system default or an override; applied at once).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
  public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    void accept() override;
    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }

  private:
    QComboBox *m_language;
    QComboBox *m_theme;
};
} // namespace lightd::gui
