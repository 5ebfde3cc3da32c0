#pragma once
// WebSocket event names of API.md section 6.
#include <QLatin1StringView>

namespace lightd::events {
using E = QLatin1StringView;
// server -> client
inline constexpr E State{"event"};
inline constexpr E Console{"console"};
inline constexpr E Install{"install"};
inline constexpr E Stats{"stats"};
inline constexpr E Logs{"logs"};
inline constexpr E DaemonMessage{"daemon_message"};
inline constexpr E Error{"error"};
// client -> server
inline constexpr E SendCommand{"send_command"};
inline constexpr E Power{"power"};
inline constexpr E RequestLogs{"request_logs"};
inline constexpr E RequestStats{"request_stats"};
// frame fields
inline constexpr E FieldEvent{"event"};
inline constexpr E FieldData{"data"};
// Console lines' sequence numbers: `seq` on a console frame, `seqs` beside a logs frame's lines.
inline constexpr E FieldSeq{"seq"};
inline constexpr E FieldSeqs{"seqs"};
} // namespace lightd::events
