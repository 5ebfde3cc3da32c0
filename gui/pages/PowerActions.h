#pragma once
#include <QString>
#include <QStringList>

namespace lightd::gui {
// Which power verbs make sense in a container state (API.md section 3): start only from ready (or
// after a failure), stop/restart while starting or running, kill whenever something runs,
// suspend while running, resume while suspended.
bool powerAllowed(const QString &state, const QString &verb);
QStringList powerVerbs();
} // namespace lightd::gui
