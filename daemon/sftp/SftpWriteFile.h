#pragma once
#include "volumes/AtomicFile.h"
#include "volumes/PathRules.h"
#include "volumes/QuotaTracker.h"
#include "volumes/UniqueFd.h"

#include <memory>
#include <optional>

namespace lightd::volumes {
class Sandbox;
}

namespace lightd::sftp {
// A file opened for writing over SFTP. Created or truncated files are written to a temp file beside
// the target (volumes::AtomicFile) and renamed over it on close, so a write refused by the quota
// leaves the old file intact; writes into an existing file without truncation go in place. Every
// byte a write adds to the volume is charged to the QuotaTracker first (it is thread-safe).
class SftpWriteFile final
{
  public:
    SftpWriteFile(const volumes::Sandbox &sandbox, volumes::QuotaTracker &quota, QString volumeId,
                  const volumes::PathParts &path, uint32_t flags, std::optional<mode_t> mode);
    ~SftpWriteFile();
    SftpWriteFile(const SftpWriteFile &) = delete;
    SftpWriteFile &operator=(const SftpWriteFile &) = delete;

    int fd() const;
    bool readable() const { return !m_temp; }
    void write(quint64 offset, const char *data, qint64 size); // throws SftpFailure
    void truncate(quint64 size);
    // Renames the temp file over the target; a file whose write was refused is dropped instead
    // (and close throws, so the client hears it once more).
    void close();

  private:
    void charge(quint64 end);
    volumes::QuotaTracker &m_quota;
    QString m_volumeId;
    std::optional<volumes::QuotaTracker::WriteScope> m_scope;
    std::unique_ptr<volumes::AtomicFile> m_temp; // replace mode
    volumes::UniqueFd m_fd;                      // in-place mode
    qint64 m_oldSize = 0;                        // replace mode: the file being replaced
    qint64 m_size = 0;                           // what has been charged for
    bool m_failed = false;
    bool m_done = false;
};
} // namespace lightd::sftp
