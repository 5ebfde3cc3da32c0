#pragma once
#include <QString>

class QApplication;
class QPalette;

namespace lightd::gui {
// Fusion with a calm light palette and a dark sidebar, or its dark twin: one look on every desktop.
// The setting "ui/theme" is "system" (default: follow the desktop's colour scheme), "light" or "dark".
void applyTheme(QApplication &app);
void applyTheme(QApplication &app, bool dark);

namespace theme {
QString configured();
void setConfigured(const QString &mode);
// Whether mode asks for dark, given the desktop's own palette (for "system").
bool wantsDark(const QString &mode, const QPalette &desktop);
bool isDark(); // what was applied last
} // namespace theme
} // namespace lightd::gui
