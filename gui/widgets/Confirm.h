#pragma once
#include <QString>
#include <functional>

class QMessageBox;
class QWidget;

namespace lightd::gui {
// A window-modal question that does not block the event loop: onYes runs when the operator
// confirms. The box (object name "confirm") deletes itself when closed.
QMessageBox *confirm(QWidget *parent, const QString &title, const QString &text, const QString &yesText,
                     std::function<void()> onYes);
} // namespace lightd::gui
