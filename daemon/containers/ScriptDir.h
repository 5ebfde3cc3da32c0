#pragma once
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace lightd::containers::scriptdir {
// A container's scripts (entrypoint.sh, startup.sh, install.sh) live in a directory the daemon owns,
// <containers_path>/<internal_id>, mounted read-only at /app/data. The root daemon still never writes
// there by path: the directory is opened with O_NOFOLLOW beneath the containers root (a link or file
// in its place is removed and a real directory made), and each script is written to a fresh temp file
// and renamed over its name, so a link left there (e.g. by a container of an earlier version, which
// had this directory read-write) is replaced, never followed.
using Files = QList<QPair<QByteArray, QByteArray>>; // name, content

// False (with *error, for the log) when the directory or a script cannot be written.
bool write(const QString &dataDir, const Files &files, QString *error);
// Removes the directory and what is in it, without following links.
void remove(const QString &dataDir);
} // namespace lightd::containers::scriptdir
