#pragma once
#include <QString>
#include <optional>

namespace lightd::containers {
// The one rule for a console command, shared by REST `/command` and the WebSocket `send_command`
// (API.md sections 3 and 6): one trailing "\n" or "\r\n" is stripped (the upstream docs tell clients
// to end commands with it), then the command must be at most kMaxCommandChars characters with no
// control character at all (CR, NUL, ESC, BEL, DEL, C1...), since stdin of a console takes them as
// terminal input. Returns the command to write, or nullopt with `why` set.
inline constexpr qsizetype kMaxCommandChars = 4096;
std::optional<QString> consoleCommand(const QString &raw, QString *why);
} // namespace lightd::containers
