#pragma once
#include "lightd/VolumeDto.h"

#include <QByteArrayList>
#include <QList>
#include <QString>

namespace lightd::volumes::recovery {
// What a kill -9 can leave in the volumes directory (issue 20's crash-consistency findings), put
// right at start. A volume is created as `.new-<id>`, then recorded, then renamed to `<id>`; it is
// deleted by a rename to `.trash-<id>`, then the record is removed, then the tree. So:
//   - a record whose directory is missing beside a `.new-<id>` or `.trash-<id>` gets it back: the
//     request was never acknowledged, and the record decides;
//   - `.new-*` and `.trash-*` that no record names are removed;
//   - a directory no record names (left by a create killed before its record, from before this
//     order) is moved to `.orphaned/` and logged, never deleted: it may hold a tenant's data;
//   - temp and staging names inside volumes (`.lightd-tmp-*`, `.lightd-extract-*`) made before this
//     start are removed, walking without following links (the trees are tenant-written).
inline constexpr char kNewPrefix[] = ".new-";
inline constexpr char kTrashPrefix[] = ".trash-";
inline constexpr char kOrphanDir[] = ".orphaned";

struct Plan
{
    QByteArrayList removeTop; // names directly under the volumes root, removed off the event loop
    int restored = 0;
    int orphaned = 0;
};

// The cheap part, before the API listens: renames back and into `.orphaned/`, and the list of what
// remains to remove (read now, so a delete begun after start is never swept by us).
Plan prepare(const QString &root, const QList<VolumeDto> &volumes);
// The slow part, on a worker thread: removes plan.removeTop and every temp/staging name older than
// startedAtMs (ms since the epoch) inside each volume. Logs one line "volumes: start-up sweep done ..." when
// finished.
void sweep(const QString &root, const Plan &plan, const QStringList &volumePaths, qint64 startedAtMs);
} // namespace lightd::volumes::recovery
