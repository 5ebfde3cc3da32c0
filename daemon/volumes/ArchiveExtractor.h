#pragma once
#include "volumes/PathRules.h"

namespace lightd::volumes {
class QuotaTracker;
class Sandbox;

// POST decompress: blocking, run it on a worker thread. zip, tar, tar.gz, tar.bz2 (and tar.xz).
// Entries are written by us, never by libarchive, into a private staging directory inside the
// destination, through descriptors and without following any link; an entry that would escape
// (absolute name, `..`, a path through a link, a symlink or hardlink pointing out) refuses the whole
// archive (400 invalid_path), as does expanded data past the quota (507). On refusal the staging
// directory is removed and the destination is untouched; on success the staged tree is moved into
// the destination (existing files replaced). Returns the bytes extracted.
qint64 extractArchive(const Sandbox &sandbox, QuotaTracker &quota, const QString &volumeId,
                      const PathParts &archivePath, const PathParts &destination);
} // namespace lightd::volumes
