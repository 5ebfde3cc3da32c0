#pragma once
#include "volumes/PathRules.h"

#include <QList>
#include <optional>

namespace lightd::volumes {
class QuotaTracker;
class Sandbox;

enum class ArchiveFormat { Zip, Tar, TarGz, TarBz2 };
std::optional<ArchiveFormat> parseArchiveFormat(const QString &text);
QString archiveExtension(ArchiveFormat format); // "zip", "tar", "tar.gz", "tar.bz2"

// POST compress: blocking, run it on a worker thread. Inputs are read through the sandbox without
// following links (links are stored as links; fifos and devices skipped); the archive is written to
// a temp file beside `output` and renamed into place, each block charged to the quota first.
// Returns the archive's size. Throws DomainError.
qint64 compressPaths(const Sandbox &sandbox, QuotaTracker &quota, const QString &volumeId,
                     const QList<PathParts> &inputs, ArchiveFormat format, const PathParts &output);
} // namespace lightd::volumes
