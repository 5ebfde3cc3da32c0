#pragma once
#include <QByteArray>
#include <QList>
#include <QString>

namespace lightd::volumes {
// A client path split into validated components (raw bytes of the UTF-8 name). Empty = volume root.
using PathParts = QList<QByteArray>;

namespace paths {
inline constexpr int kMaxName = 255;
inline constexpr int kMaxPath = 4096;

// Splits a client path and refuses what no route may accept (400 invalid_path): absolute paths,
// `..` components, NUL bytes, names over 255 bytes, paths over 4096 bytes. `.` and empty components
// are dropped. The text is taken as it is: it is never percent-decoded here.
PathParts parse(const QString &clientPath);
// Splits a symlink target the same way, keeping `..` (resolution decides whether it stays inside).
PathParts splitTarget(const QByteArray &target);
QString join(const PathParts &parts);
// Lexically applies `..` components; false when they climb above the start.
bool normalizeWithin(PathParts &parts);
} // namespace paths
} // namespace lightd::volumes
