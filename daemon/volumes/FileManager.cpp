#include "volumes/FileManager.h"

#include "lightd/DomainError.h"
#include "lightd/Keys.h"
#include "volumes/AtomicFile.h"
#include "volumes/FsError.h"
#include "volumes/QuotaTracker.h"
#include "volumes/Sandbox.h"
#include "volumes/TreeOps.h"

#include <QHash>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>

namespace lightd::volumes {
namespace {
bool isInternal(const QByteArray &name)
{
    return name.startsWith(AtomicFile::kTempPrefix) || name.startsWith(".lightd-extract-");
}

// The names the upstream docs list, which panels written for the earlier daemon expect (API.md
// section 12), where the shared MIME database says otherwise.
QString upstreamName(const QString &mime)
{
    if (mime == QLatin1StringView("application/x-shellscript"))
        return QStringLiteral("text/x-shellscript");
    if (mime == QLatin1StringView("text/x-log"))
        return QStringLiteral("text/plain");
    return mime;
}

// Glob matching costs tens of microseconds a name; a listing asks for the same few suffixes
// thousands of times, so answers are cached per suffix (everything after the first dot).
class MimeCache
{
  public:
    QString forName(const QByteArray &name)
    {
        const qsizetype dot = name.indexOf('.', 1);
        if (dot < 0)
            return lookup(name);
        const QByteArray suffix = name.mid(dot).toLower();
        auto it = m_cache.constFind(suffix);
        if (it != m_cache.cend())
            return *it;
        return *m_cache.insert(suffix, lookup(name));
    }

  private:
    QString lookup(const QByteArray &name) const
    {
        return upstreamName(
            m_db.mimeTypeForFile(QString::fromUtf8(name), QMimeDatabase::MatchExtension).name());
    }
    QMimeDatabase m_db;
    QHash<QByteArray, QString> m_cache;
};
} // namespace

FileManager::FileManager(std::shared_ptr<const Sandbox> sandbox, QuotaTracker &quota, QString volumeId)
    : m_sandbox(std::move(sandbox)), m_quota(quota), m_volumeId(std::move(volumeId))
{}

mode_t FileManager::parseMode(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^0?[0-7]{3}$"));
    if (!re.match(text).hasMatch())
        throw DomainError::invalidField(
            keys::Mode, QStringLiteral("must be an octal permission string such as \"0644\""));
    return mode_t(text.toUInt(nullptr, 8)) & 0777;
}

QString FileManager::modeString(mode_t mode)
{
    return QStringLiteral("%1").arg(uint(mode & 07777), 4, 8, QLatin1Char('0'));
}

QList<FileEntryDto> FileManager::list(const PathParts &dir) const
{
    const UniqueFd fd = m_sandbox->openDirectory(dir);
    MimeCache mime;
    QList<FileEntryDto> out;
    for (const QByteArray &name : tree::entries(fd.get())) {
        if (isInternal(name))
            continue;
        struct stat st
        {
        };
        if (fstatat(fd.get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; // removed meanwhile
        FileEntryDto e;
        e.name = QString::fromUtf8(name);
        e.size = st.st_size;
        e.mode = modeString(st.st_mode);
        e.modifiedAt = st.st_mtim.tv_sec;
        if (S_ISDIR(st.st_mode)) {
            e.type = QStringLiteral("directory");
            e.mimetype = QStringLiteral("inode/directory");
        } else if (S_ISLNK(st.st_mode)) {
            e.type = QStringLiteral("symlink");
            e.mimetype = QStringLiteral("inode/symlink");
        } else {
            e.type = QStringLiteral("file");
            e.mimetype = mime.forName(name);
        }
        out.append(std::move(e));
    }
    std::sort(out.begin(), out.end(), [](const FileEntryDto &a, const FileEntryDto &b) {
        if (a.isDirectory() != b.isDirectory())
            return a.isDirectory();
        const int c = a.name.compare(b.name, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.name < b.name;
    });
    return out;
}

FileManager::OpenFile FileManager::openForRead(const PathParts &path) const
{
    OpenFile f;
    struct stat st
    {
    };
    f.fd = m_sandbox->openRegular(path, &st);
    f.size = st.st_size;
    f.name = path.isEmpty() ? QByteArray() : path.last();
    QByteArray head(512, Qt::Uninitialized);
    const ssize_t n = pread(f.fd.get(), head.data(), size_t(head.size()), 0);
    head.truncate(n > 0 ? qsizetype(n) : 0);
    f.mimetype =
        upstreamName(QMimeDatabase().mimeTypeForFileNameAndData(QString::fromUtf8(f.name), head).name())
            .toUtf8();
    return f;
}

void FileManager::write(const PathParts &path, const QByteArray &content)
{
    const QString shown = paths::join(path);
    const Sandbox::Leaf leaf = m_sandbox->leaf(path, true, true);
    struct stat st
    {
    };
    qint64 oldSize = 0;
    mode_t mode = 0644;
    if (fstatat(leaf.dir.get(), leaf.name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
        if (S_ISDIR(st.st_mode))
            throwErrno(EISDIR, shown);
        if (!S_ISREG(st.st_mode))
            throwInvalidPath(QStringLiteral("Not a regular file: %1").arg(shown));
        oldSize = st.st_size;
        mode = st.st_mode & 0777;
    }
    const QuotaTracker::WriteScope scope(m_quota, m_volumeId);
    m_quota.charge(m_volumeId, content.size(), oldSize);
    try {
        AtomicFile file(leaf.dir.get(), leaf.name, mode, shown);
        file.write(content.constData(), content.size());
        file.commit();
    } catch (...) {
        m_quota.add(m_volumeId, -content.size());
        throw;
    }
    m_quota.add(m_volumeId, -oldSize);
}

void FileManager::remove(const PathParts &path)
{
    const Sandbox::Leaf leaf = m_sandbox->leaf(path);
    const QuotaTracker::WriteScope scope(m_quota, m_volumeId);
    const qint64 freed = tree::remove(leaf.dir.get(), leaf.name, paths::join(path));
    m_quota.add(m_volumeId, -freed);
}

void FileManager::makeDirectory(const PathParts &path)
{
    const Sandbox::Leaf leaf = m_sandbox->leaf(path, true);
    if (mkdirat(leaf.dir.get(), leaf.name.constData(), 0755) != 0)
        throwErrno(errno, paths::join(path));
}

void FileManager::copy(const PathParts &source, const PathParts &destination)
{
    const QString shownSrc = paths::join(source);
    const QString shownDst = paths::join(destination);
    const Sandbox::Leaf src = m_sandbox->leaf(source);
    const qint64 size = tree::sizeOf(src.dir.get(), src.name, shownSrc);
    const Sandbox::Leaf dst = m_sandbox->leaf(destination, true);
    struct stat st
    {
    };
    if (fstatat(dst.dir.get(), dst.name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0)
        throwErrno(EEXIST, shownDst);
    const QuotaTracker::WriteScope scope(m_quota, m_volumeId);
    m_quota.charge(m_volumeId, size);
    // Copied under a hidden temp name beside the destination, then renamed to it in one step: a
    // failure or a kill never leaves a partial copy under the final name (the next start removes
    // a `.lightd-tmp-*` left behind).
    const QByteArray staging = AtomicFile::tempName();
    try {
        const qint64 copied = tree::copy(src.dir.get(), src.name, dst.dir.get(), staging, shownSrc);
        if (renameat2(dst.dir.get(), staging.constData(), dst.dir.get(), dst.name.constData(),
                      RENAME_NOREPLACE) != 0)
            throwErrno(errno, shownDst);
        m_quota.add(m_volumeId, copied - size);
    } catch (...) {
        try {
            tree::remove(dst.dir.get(), staging, shownDst);
        } catch (...) { // best effort: the first error is the one to report
        }
        m_quota.add(m_volumeId, -size);
        throw;
    }
}

void FileManager::rename(const PathParts &source, const PathParts &destination)
{
    const QString shownSrc = paths::join(source);
    const Sandbox::Leaf src = m_sandbox->leaf(source);
    struct stat st
    {
    };
    if (fstatat(src.dir.get(), src.name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        throwErrno(errno, shownSrc);
    const Sandbox::Leaf dst = m_sandbox->leaf(destination, true);
    if (renameat2(src.dir.get(), src.name.constData(), dst.dir.get(), dst.name.constData(),
                  RENAME_NOREPLACE) != 0)
        throwErrno(errno, errno == EEXIST ? paths::join(destination) : shownSrc);
}

void FileManager::chmod(const PathParts &path, mode_t mode)
{
    const QString shown = paths::join(path);
    const UniqueFd at = m_sandbox->resolve(path, true);
    struct stat st
    {
    };
    if (fstat(at.get(), &st) != 0)
        throwErrno(errno, shown);
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        throwInvalidPath(QStringLiteral("Not a regular file or directory: %1").arg(shown));
    const UniqueFd fd = Sandbox::reopen(at.get(), S_ISDIR(st.st_mode) ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (!fd.valid() || fchmod(fd.get(), mode & 0777) != 0)
        throwErrno(errno, shown);
}
} // namespace lightd::volumes
