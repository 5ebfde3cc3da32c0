#include "volumes/AtomicFile.h"

#include "volumes/FsError.h"
#include "volumes/TreeOps.h"

#include <QRandomGenerator>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>

namespace lightd::volumes {
QByteArray AtomicFile::tempName()
{
    return QByteArray(kTempPrefix) + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
}

AtomicFile::AtomicFile(int dirFd, QByteArray name, mode_t mode, QString shown)
    : m_dir(fcntl(dirFd, F_DUPFD_CLOEXEC, 0)), m_name(std::move(name)), m_shown(std::move(shown))
{
    if (!m_dir.valid())
        throwErrno(errno, m_shown);
    for (int attempt = 0; attempt < 8 && !m_fd.valid(); ++attempt) {
        m_temp = tempName();
        m_fd.reset(openat(m_dir.get(), m_temp.constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!m_fd.valid() && errno != EEXIST)
            throwErrno(errno, m_shown);
    }
    if (!m_fd.valid())
        throwErrno(EEXIST, m_shown);
    fchmod(m_fd.get(), mode & 0777); // exact bits, whatever the umask
    struct stat st
    {
    };
    if (fstat(m_fd.get(), &st) == 0) {
        m_dev = st.st_dev;
        m_ino = st.st_ino;
    }
}

AtomicFile::~AtomicFile()
{
    if (!m_done)
        abort();
}

void AtomicFile::write(const char *data, qint64 size)
{
    tree::writeAll(m_fd.get(), data, size, m_shown);
    m_written += size;
}

void AtomicFile::commit()
{
    m_fd.reset();
    // renameat replaces a symlink at `name` itself: it never writes through one.
    if (renameat(m_dir.get(), m_temp.constData(), m_dir.get(), m_name.constData()) != 0) {
        const int err = errno;
        abort();
        throwErrno(err, m_shown);
    }
    m_done = true;
}

void AtomicFile::abort()
{
    m_fd.reset();
    if (!m_done)
        unlinkat(m_dir.get(), m_temp.constData(), 0);
    m_done = true;
}
} // namespace lightd::volumes
