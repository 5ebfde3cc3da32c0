#pragma once

class QApplication;

namespace lightd::gui {
// Fusion with a calm light palette and a dark sidebar: one look on every desktop.
void applyTheme(QApplication &app);
} // namespace lightd::gui
