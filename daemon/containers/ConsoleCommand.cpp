#include "containers/ConsoleCommand.h"

namespace lightd::containers {
std::optional<QString> consoleCommand(const QString &raw, QString *why)
{
    QString cmd = raw;
    if (cmd.endsWith(QLatin1StringView("\r\n")))
        cmd.chop(2);
    else if (cmd.endsWith(QLatin1Char('\n')))
        cmd.chop(1);
    if (cmd.size() > kMaxCommandChars) {
        *why = QStringLiteral("must be at most %1 characters").arg(kMaxCommandChars);
        return std::nullopt;
    }
    for (const QChar c : cmd) {
        // Cc: C0 controls, DEL and the C1 controls (U+0080..U+009F, e.g. CSI).
        if (c.category() == QChar::Other_Control) {
            *why = QStringLiteral("must be one line without control characters (found U+%1)")
                       .arg(c.unicode(), 4, 16, QLatin1Char('0'));
            return std::nullopt;
        }
    }
    return cmd;
}
} // namespace lightd::containers
