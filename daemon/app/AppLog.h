#pragma once
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApp) // lightd.app

namespace lightd {
enum class LogFormat {
    Plain, // "<time> <LEVEL> <category>: <message>" (journald, people)
    Json,  // one object a line: time, level, category, message, request_id (log shippers)
};
// Timestamped, category-tagged lines on stderr, written without per-line flush storms.
void installLogHandler(LogFormat format = LogFormat::Plain);
// One line in the given format (the handler's output, for tests).
QByteArray formatLogLine(LogFormat format, QtMsgType type, const char *category, const QString &message,
                         const QString &requestId);
} // namespace lightd
