#pragma once
#include <QColor>
#include <QString>

namespace lightd::gui {
// How a container state looks everywhere: translated label and badge colour.
QString stateLabel(const QString &state);
QColor stateColor(const QString &state);
} // namespace lightd::gui
