#pragma once
#include <QStringList>

class QWidget;

namespace lightd::gui {
// What a screenshot would show cut off: a one-line label or a button narrower than its text, a
// table with a horizontal scrollbar, a child sticking out of its visible parent. Labels that elide
// on purpose (ElidedLabel) and word-wrapped ones are fine. One line per problem, naming the widget.
QStringList clippedWidgets(QWidget *root);
} // namespace lightd::gui
