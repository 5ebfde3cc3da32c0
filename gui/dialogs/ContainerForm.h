#pragma once
#include "lightd/CreateContainerDto.h"

#include <QStringList>

namespace lightd::gui {
// Client-side checks mirroring the API's (section 3), so the dialog explains problems before the
// request; the daemon still has the last word. Returns one message per problem, empty when valid.
QStringList validateContainer(const CreateContainerDto &form);
bool isValidInternalId(const QString &id);

// The daemon's limit on startup_command, in UTF-16 code units like its QString check.
inline constexpr qsizetype kMaxStartupCommandLength = 16384;
// One message, or an empty string when the node would accept it. An empty pattern means none.
QString startupCommandProblem(const QString &command);
QString startPatternProblem(const QString &pattern);
} // namespace lightd::gui
