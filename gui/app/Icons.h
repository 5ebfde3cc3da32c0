#pragma once
#include <QIcon>
#include <QString>

namespace lightd::gui::icons {
// Icons of resources/icons by base name ("add", "folder", ...), rendered PNGs of the SVG sources.
QIcon get(const QString &name);
// A round status dot, for node states in the sidebar.
QIcon dot(const QColor &color);
} // namespace lightd::gui::icons
