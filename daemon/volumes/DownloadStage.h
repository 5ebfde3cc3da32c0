#pragma once
#include "volumes/UniqueFd.h"

#include <QObject>
#include <QString>

namespace lightd::volumes {
// Hands the HTTP layer a path for a file the sandbox has already opened, without a TOCTOU: the open
// descriptor is hard-linked (linkat through /proc/self/fd) to a random name in a daemon-private
// directory beside the volumes (<volumes_path>/.lightd-downloads, not inside any volume, so no
// container or client can touch it). The HTTP layer opens that name when the response goes out;
// the name is unlinked after kHoldMs (an open stream keeps reading the inode). A stale name simply
// does not exist any more, so it can never name another file (unlike a reused /proc/self/fd/N).
class DownloadStage final
{
  public:
    static constexpr int kHoldMs = 5 * 60 * 1000;

    explicit DownloadStage(const QString &volumesRoot);
    ~DownloadStage();

    // Throws DomainError on failure (e.g. the file lives on another filesystem).
    QString stage(int fd);

  private:
    QString m_dirPath;
    UniqueFd m_dir;
    QObject m_timers; // context of the unlink timers: they die with this object
};
} // namespace lightd::volumes
