#include "volumes/UploadSink.h"

#include "http/ApiError.h"
#include "lightd/ErrorCodes.h"
#include "lightd/Keys.h"
#include "volumes/FsError.h"
#include "volumes/QuotaTracker.h"
#include "volumes/Sandbox.h"

#include <QJsonObject>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>

namespace lightd::volumes {
UploadSink::UploadSink(const Sandbox &sandbox, QuotaTracker &quota, QString volumeId, const PathParts &path,
                       qint64 limitBytes)
    : m_quota(quota), m_volumeId(std::move(volumeId)), m_shown(paths::join(path)), m_limit(limitBytes)
{
    const Sandbox::Leaf leaf = sandbox.leaf(path, true, true);
    struct stat st{};
    mode_t mode = 0644;
    if (fstatat(leaf.dir.get(), leaf.name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
        if (S_ISDIR(st.st_mode))
            throwErrno(EISDIR, m_shown);
        if (!S_ISREG(st.st_mode))
            throwInvalidPath(QStringLiteral("Not a regular file: %1").arg(m_shown));
        m_oldSize = st.st_size;
        mode = st.st_mode & 0777;
    }
    m_file = std::make_unique<AtomicFile>(leaf.dir.get(), leaf.name, mode, m_shown);
}

UploadSink::~UploadSink()
{
    if (!m_done)
        abort();
}

void UploadSink::write(const char *data, qint64 size)
{
    if (m_done)
        return;
    if (m_file->written() + size > m_limit)
        throw http::ApiError(413, codes::PayloadTooLarge,
                             QStringLiteral("Upload exceeds the limit of %1 MB").arg(m_limit / (1024 * 1024)));
    // Charged with the old file as credit: what counts is the volume's size once the rename is done.
    m_quota.charge(m_volumeId, size, m_oldSize);
    try {
        m_file->write(data, size);
    } catch (...) {
        m_quota.add(m_volumeId, -size);
        throw;
    }
}

http::HttpResponse UploadSink::finish()
{
    const qint64 size = m_file->written();
    try {
        m_file->commit();
    } catch (...) {
        m_done = true;
        m_quota.add(m_volumeId, -size);
        throw;
    }
    m_done = true;
    m_quota.add(m_volumeId, -m_oldSize);
    return http::HttpResponse::json(200, QJsonObject{{keys::Message, QStringLiteral("File uploaded successfully")},
                                                     {keys::Path, m_shown},
                                                     {keys::Size, size}});
}

void UploadSink::abort()
{
    if (m_done)
        return;
    m_done = true;
    const qint64 size = m_file->written();
    m_file->abort();
    m_quota.add(m_volumeId, -size);
}
} // namespace lightd::volumes
