#include "sftp/SftpWriteFile.h"

#include "lightd/DomainError.h"
#include "sftp/SftpStatus.h"
#include "volumes/Sandbox.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define WITH_SERVER
#include <libssh/sftp.h>

namespace lightd::sftp {
SftpWriteFile::SftpWriteFile(const volumes::Sandbox &sandbox, volumes::QuotaTracker &quota, QString volumeId,
                             const volumes::PathParts &path, uint32_t flags, std::optional<mode_t> mode)
    : m_quota(quota), m_volumeId(std::move(volumeId))
{
    const QString shown = volumes::paths::join(path);
    if (path.isEmpty())
        throw SftpFailure(SSH_FX_FAILURE, "Is a directory");
    try {
        const volumes::Sandbox::Leaf leaf = sandbox.leaf(path, false, true);
        struct stat st
        {
        };
        const bool exists = fstatat(leaf.dir.get(), leaf.name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0;
        if (!exists && errno != ENOENT)
            throw SftpFailure::fromErrno(errno);
        if (exists && (flags & SSH_FXF_EXCL))
            throw SftpFailure(SSH_FX_FAILURE, "Already exists");
        if (!exists && !(flags & SSH_FXF_CREAT))
            throw SftpFailure(SSH_FX_NO_SUCH_FILE, "No such file");
        if (exists && S_ISDIR(st.st_mode))
            throw SftpFailure(SSH_FX_FAILURE, "Is a directory");
        if (exists && !S_ISREG(st.st_mode))
            throw SftpFailure(SSH_FX_PERMISSION_DENIED, "Not a regular file");
        m_scope.emplace(m_quota, m_volumeId);
        if (!exists || (flags & SSH_FXF_TRUNC)) {
            m_oldSize = exists ? st.st_size : 0;
            const mode_t bits = mode.value_or(exists ? (st.st_mode & 0777) : 0644);
            m_temp = std::make_unique<volumes::AtomicFile>(leaf.dir.get(), leaf.name, bits, shown);
        } else {
            // O_NOFOLLOW + O_NONBLOCK: a link or fifo swapped in after the check is refused, never opened.
            m_fd.reset(openat(leaf.dir.get(), leaf.name.constData(),
                              O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
            if (!m_fd.valid())
                throw SftpFailure::fromErrno(errno);
            if (fstat(m_fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
                throw SftpFailure(SSH_FX_PERMISSION_DENIED, "Not a regular file");
            fcntl(m_fd.get(), F_SETFL, fcntl(m_fd.get(), F_GETFL) & ~O_NONBLOCK);
            m_size = st.st_size;
        }
    } catch (const DomainError &e) {
        throw SftpFailure::from(e);
    }
}

SftpWriteFile::~SftpWriteFile()
{
    if (m_done)
        return;
    if (m_temp) {
        m_temp->abort();
        m_quota.add(m_volumeId, -m_size);
    }
}

int SftpWriteFile::fd() const
{
    return m_temp ? m_temp->fd() : m_fd.get();
}

void SftpWriteFile::charge(quint64 end)
{
    if (qint64(end) <= m_size)
        return;
    try {
        // Replace mode: what counts is the volume once the old file is gone (same rule as REST uploads).
        m_quota.charge(m_volumeId, qint64(end) - m_size, m_temp ? m_oldSize : 0);
    } catch (const DomainError &e) {
        m_failed = true;
        throw SftpFailure::from(e);
    }
    m_size = qint64(end);
}

void SftpWriteFile::write(quint64 offset, const char *data, qint64 size)
{
    if (m_failed)
        throw SftpFailure(SSH_FX_FAILURE, "quota exceeded");
    if (offset > quint64(1) << 50)
        throw SftpFailure(SSH_FX_FAILURE, "Offset too large");
    charge(offset + quint64(size));
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = pwrite(fd(), data + done, size_t(size - done), off_t(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw SftpFailure::fromErrno(n < 0 ? errno : ENOSPC);
        done += n;
    }
}

void SftpWriteFile::truncate(quint64 size)
{
    if (m_failed)
        throw SftpFailure(SSH_FX_FAILURE, "quota exceeded");
    charge(size);
    if (ftruncate(fd(), off_t(size)) != 0)
        throw SftpFailure::fromErrno(errno);
    if (qint64(size) < m_size) {
        m_quota.add(m_volumeId, qint64(size) - m_size);
        m_size = qint64(size);
    }
}

void SftpWriteFile::close()
{
    if (m_done)
        return;
    if (m_failed) {
        m_done = true;
        if (m_temp) {
            m_temp->abort();
            m_quota.add(m_volumeId, -m_size);
        }
        m_scope.reset();
        throw SftpFailure(SSH_FX_FAILURE, "quota exceeded: file not written");
    }
    m_done = true;
    if (m_temp) {
        try {
            m_temp->commit();
        } catch (const DomainError &e) {
            m_temp->abort();
            m_quota.add(m_volumeId, -m_size);
            m_scope.reset();
            throw SftpFailure::from(e);
        }
        m_quota.add(m_volumeId, -m_oldSize);
    }
    m_scope.reset();
}
} // namespace lightd::sftp
