#pragma once
#include "volumes/UniqueFd.h"

#include <QByteArray>
#include <QString>
#include <sys/types.h>

namespace lightd::volumes {
// A new version of (dir, name): written to a hidden temp file in the same directory, then renamed
// over the name in one step, so readers see the old file or the new one, never half of either.
// Destroying it without commit() removes the temp file.
class AtomicFile final
{
  public:
    static constexpr char kTempPrefix[] = ".lightd-tmp-";
    // A fresh hidden temp name: kTempPrefix and 64 random bits in hex (what the next start removes).
    static QByteArray tempName();

    AtomicFile(int dirFd, QByteArray name, mode_t mode, QString shown);
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    int fd() const { return m_fd.get(); }
    qint64 written() const { return m_written; }
    void write(const char *data, qint64 size);
    void noteWritten(qint64 size) { m_written += size; } // for writers that use fd() directly
    void commit();
    void abort();
    // The temp file's identity (archives skip it when it lies inside what they compress).
    dev_t device() const { return m_dev; }
    ino_t inode() const { return m_ino; }

  private:
    UniqueFd m_dir;
    QByteArray m_name;
    QByteArray m_temp;
    QString m_shown;
    UniqueFd m_fd;
    qint64 m_written = 0;
    bool m_done = false;
    dev_t m_dev = 0;
    ino_t m_ino = 0;
};
} // namespace lightd::volumes
