#include "volumes/UploadSink.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "metrics/Counters.h"
#include "volumes/FsError.h"
#include "volumes/QuotaTracker.h"
#include "volumes/Sandbox.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>

namespace lightd::volumes {
namespace {
DomainError tooLarge(qint64 limit)
{
    return DomainError(codes::PayloadTooLarge,
                       QStringLiteral("Upload exceeds the limit of %1 MB").arg(limit / (1024 * 1024)));
}
} // namespace

UploadSink::UploadSink(const Sandbox &sandbox, QuotaTracker &quota, QString volumeId, const PathParts &path,
                       qint64 limitBytes, qint64 expectedSize)
    : m_quota(quota), m_volumeId(std::move(volumeId)), m_shown(paths::join(path)), m_limit(limitBytes),
      m_expected(expectedSize)
{
    if (m_expected > m_limit)
        throw tooLarge(m_limit);
    const Sandbox::Leaf leaf = sandbox.leaf(path, true, true);
    struct stat st
    {
    };
    mode_t mode = 0644;
    if (fstatat(leaf.dir.get(), leaf.name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
        if (S_ISDIR(st.st_mode))
            throwErrno(EISDIR, m_shown);
        if (!S_ISREG(st.st_mode))
            throwInvalidPath(QStringLiteral("Not a regular file: %1").arg(m_shown));
        m_oldSize = st.st_size;
        mode = st.st_mode & 0777;
    }
    m_scope.emplace(m_quota, m_volumeId);
    m_file = std::make_unique<AtomicFile>(leaf.dir.get(), leaf.name, mode, m_shown);
}

UploadSink::~UploadSink()
{
    if (!m_done)
        abort();
}

void UploadSink::write(const char *data, qint64 size)
{
    if (m_failed)
        throw *m_failed;
    if (m_done)
        return;
    try {
        if (m_file->written() + size > m_limit)
            throw tooLarge(m_limit);
        // Charged with the old file as credit: what counts is the volume's size once renamed.
        m_quota.charge(m_volumeId, size, m_oldSize);
        try {
            m_file->write(data, size);
            metrics::Counters::add(metrics::counters().fileBytesUp, quint64(size));
        } catch (...) {
            m_quota.add(m_volumeId, -size);
            throw;
        }
    } catch (const DomainError &e) {
        m_failed = e;
        throw;
    }
}

UploadSink::Stored UploadSink::finish()
{
    const qint64 size = m_file->written();
    try {
        if (m_failed)
            throw *m_failed;
        if (m_expected >= 0 && size != m_expected) // a cut-short body must not replace the file
            throw DomainError(
                codes::BadRequest,
                QStringLiteral("Upload body ended after %1 of %2 bytes").arg(size).arg(m_expected));
        m_file->commit();
    } catch (...) {
        abort();
        throw;
    }
    m_done = true;
    m_quota.add(m_volumeId, -m_oldSize);
    m_scope.reset();
    return Stored{m_shown, size};
}

void UploadSink::abort()
{
    if (m_done)
        return;
    m_done = true;
    const qint64 size = m_file->written();
    m_file->abort();
    m_quota.add(m_volumeId, -size);
    m_scope.reset();
}
} // namespace lightd::volumes
