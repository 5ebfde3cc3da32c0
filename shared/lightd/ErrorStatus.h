#pragma once
// The one table from an error code (lightd/ErrorCodes.h) to the HTTP status the contract gives it.
// The daemon's http::errorResponse and the GUI (for WebSocket `error` frames) both read it.
#include <QLatin1StringView>
#include <QStringView>

namespace lightd::codes {
// The status for `code`; `unknown` when the code is not in the table.
int httpStatus(QStringView code, int unknown = 500);
int httpStatus(QLatin1StringView code, int unknown = 500);
} // namespace lightd::codes
