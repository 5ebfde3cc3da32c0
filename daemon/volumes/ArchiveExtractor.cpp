#include "volumes/ArchiveExtractor.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "volumes/FsError.h"
#include "volumes/QuotaTracker.h"
#include "volumes/Sandbox.h"
#include "volumes/TreeOps.h"
#include "volumes/VolumesLog.h"

#include <QRandomGenerator>
#include <QScopeGuard>
#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>

namespace lightd::volumes {
namespace {
constexpr qint64 kMaxEntries = 1000000;

[[noreturn]] void badArchive(const QString &why)
{
    throw DomainError(codes::InvalidArchive, why);
}

// An entry name as the archive spells it, held to the same rules as a client path.
PathParts entryParts(const char *raw, const char *what)
{
    const QByteArray name(raw ? raw : "");
    const QString shown = QString::fromUtf8(name);
    if (name.startsWith('/'))
        throwInvalidPath(
            QStringLiteral("Archive %1 has an absolute path: %2").arg(QLatin1StringView(what), shown));
    if (name.size() > paths::kMaxPath)
        throwInvalidPath(QStringLiteral("Archive %1 path is too long").arg(QLatin1StringView(what)));
    PathParts parts;
    for (const QByteArray &c : name.split('/')) {
        if (c.isEmpty() || c == ".")
            continue;
        if (c == "..")
            throwInvalidPath(
                QStringLiteral("Archive %1 leaves the destination: %2").arg(QLatin1StringView(what), shown));
        if (c.size() > paths::kMaxName)
            throwInvalidPath(
                QStringLiteral("Archive %1 has a name over 255 bytes").arg(QLatin1StringView(what)));
        parts.append(c);
    }
    return parts;
}

const char *entryName(archive_entry *e)
{
    const char *n = archive_entry_pathname_utf8(e);
    return n ? n : archive_entry_pathname(e);
}

struct Extractor
{
    const Sandbox &sandbox;
    QuotaTracker &quota;
    QString volumeId;
    int staging = -1;      // O_PATH descriptor of the staging directory
    PathParts destination; // where the staged tree ends up, as really located in the volume
    qint64 charged = 0;
    qint64 freed = 0;

    void charge(qint64 bytes)
    {
        quota.charge(volumeId, bytes);
        charged += bytes;
    }

    // The directory that will hold `parts` inside staging; missing levels are made, and any level
    // that is not a real directory (a link from an earlier entry, a file) refuses the archive.
    UniqueFd parentOf(const PathParts &parts, bool create)
    {
        UniqueFd cur(fcntl(staging, F_DUPFD_CLOEXEC, 0));
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            const QByteArray &c = parts.at(i);
            UniqueFd next(openat(cur.get(), c.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (!next.valid() && errno == ENOENT && create) {
                if (mkdirat(cur.get(), c.constData(), 0755) != 0 && errno != EEXIST)
                    throwErrno(errno, paths::join(parts));
                next.reset(openat(cur.get(), c.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            }
            if (!next.valid()) {
                if (errno == ENOENT)
                    badArchive(QStringLiteral("Archive hardlink points to a missing entry: %1")
                                   .arg(paths::join(parts)));
                throwInvalidPath(
                    QStringLiteral("Archive entry goes through a link or file: %1").arg(paths::join(parts)));
            }
            cur = std::move(next);
        }
        return cur;
    }

    // Makes room for a non-directory entry: an earlier entry of the same name (a duplicate, or a
    // link planted to redirect this one) is removed, never followed.
    void clearName(int dir, const QByteArray &name, const PathParts &parts)
    {
        struct stat st
        {
        };
        if (fstatat(dir, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            return;
        if (S_ISDIR(st.st_mode))
            badArchive(
                QStringLiteral("Archive has both a directory and a file at %1").arg(paths::join(parts)));
        unlinkat(dir, name.constData(), 0);
    }

    void directory(const PathParts &parts)
    {
        const UniqueFd dir = parentOf(parts, true);
        if (mkdirat(dir.get(), parts.last().constData(), 0755) != 0 && errno != EEXIST)
            throwErrno(errno, paths::join(parts));
        struct stat st
        {
        };
        if (fstatat(dir.get(), parts.last().constData(), &st, AT_SYMLINK_NOFOLLOW) != 0 ||
            !S_ISDIR(st.st_mode))
            throwInvalidPath(
                QStringLiteral("Archive entry goes through a link or file: %1").arg(paths::join(parts)));
    }

    void symlink(const PathParts &parts, const char *rawTarget)
    {
        const QByteArray target(rawTarget ? rawTarget : "");
        const QString shown = paths::join(parts);
        if (target.isEmpty())
            return;
        // Where the link will point once it sits in the destination; it must stay in the volume.
        PathParts where = destination + parts.mid(0, parts.size() - 1) + paths::splitTarget(target);
        if (target.startsWith('/') || !paths::normalizeWithin(where))
            throwInvalidPath(QStringLiteral("Archive symlink points outside the volume: %1").arg(shown));
        const UniqueFd dir = parentOf(parts, true);
        clearName(dir.get(), parts.last(), parts);
        if (symlinkat(target.constData(), dir.get(), parts.last().constData()) != 0)
            throwErrno(errno, shown);
    }

    void hardlink(const PathParts &parts, const char *rawTarget)
    {
        const PathParts target = entryParts(rawTarget, "hardlink");
        const QString shown = paths::join(parts);
        if (target.isEmpty())
            throwInvalidPath(
                QStringLiteral("Archive hardlink points outside the destination: %1").arg(shown));
        // Only to an entry already extracted from this archive: staging holds nothing else.
        const UniqueFd from = parentOf(target, false);
        struct stat st
        {
        };
        if (fstatat(from.get(), target.last().constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            badArchive(QStringLiteral("Archive hardlink points to a missing entry: %1").arg(shown));
        if (S_ISDIR(st.st_mode))
            badArchive(QStringLiteral("Archive hardlink points to a directory: %1").arg(shown));
        const UniqueFd dir = parentOf(parts, true);
        clearName(dir.get(), parts.last(), parts);
        if (linkat(from.get(), target.last().constData(), dir.get(), parts.last().constData(), 0) != 0)
            throwErrno(errno, shown);
    }

    void file(archive *a, archive_entry *e, const PathParts &parts)
    {
        const QString shown = paths::join(parts);
        const UniqueFd dir = parentOf(parts, true);
        clearName(dir.get(), parts.last(), parts);
        const UniqueFd out(openat(dir.get(), parts.last().constData(),
                                  O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!out.valid())
            throwErrno(errno, shown);
        qint64 extent = 0; // apparent size so far: what the quota walk will count
        auto grow = [&](qint64 end) {
            if (end > extent) {
                charge(end - extent);
                extent = end;
            }
        };
        for (;;) {
            const void *buf = nullptr;
            size_t size = 0;
            la_int64_t offset = 0;
            const int rc = archive_read_data_block(a, &buf, &size, &offset);
            if (rc == ARCHIVE_EOF)
                break;
            if (rc < ARCHIVE_WARN)
                badArchive(
                    QStringLiteral("Archive is corrupt: %1").arg(QString::fromUtf8(archive_error_string(a))));
            grow(offset + qint64(size));
            const char *p = static_cast<const char *>(buf);
            while (size > 0) {
                const ssize_t n = pwrite(out.get(), p, size, offset);
                if (n < 0) {
                    if (errno == EINTR)
                        continue;
                    throwErrno(errno, shown);
                }
                p += n;
                offset += n;
                size -= size_t(n);
            }
        }
        if (archive_entry_size_is_set(e) && archive_entry_size(e) > extent) { // trailing hole
            grow(archive_entry_size(e));
            if (ftruncate(out.get(), extent) != 0)
                throwErrno(errno, shown);
        }
        fchmod(out.get(), (archive_entry_perm(e) & 0777) ? (archive_entry_perm(e) & 0777) : 0644);
        if (archive_entry_mtime_is_set(e)) {
            const timespec times[2] = {{0, UTIME_OMIT}, {archive_entry_mtime(e), 0}};
            futimens(out.get(), times);
        }
    }

    // Moves the staged tree into the destination: new names by rename, directories merged,
    // anything else replaced (a link at the destination is replaced, never followed).
    void merge(int from, int to, int depth)
    {
        if (depth >= tree::kMaxDepth)
            throwInvalidPath(QStringLiteral("Archive nests directories too deeply"));
        for (const QByteArray &n : tree::entries(from)) {
            if (renameat2(from, n.constData(), to, n.constData(), RENAME_NOREPLACE) == 0)
                continue;
            if (errno != EEXIST)
                throwErrno(errno, QString::fromUtf8(n));
            struct stat src
            {
            }, dst{};
            fstatat(from, n.constData(), &src, AT_SYMLINK_NOFOLLOW);
            fstatat(to, n.constData(), &dst, AT_SYMLINK_NOFOLLOW);
            if (S_ISDIR(src.st_mode) && S_ISDIR(dst.st_mode)) {
                const UniqueFd a(openat(from, n.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
                const UniqueFd b(openat(to, n.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
                if (!a.valid() || !b.valid())
                    throwErrno(errno, QString::fromUtf8(n));
                merge(a.get(), b.get(), depth + 1);
                continue;
            }
            if (S_ISDIR(src.st_mode) || S_ISDIR(dst.st_mode))
                freed += tree::remove(to, n, QString::fromUtf8(n));
            else if (S_ISREG(dst.st_mode) && dst.st_nlink <= 1)
                freed += dst.st_size;
            if (renameat(from, n.constData(), to, n.constData()) != 0)
                throwErrno(errno, QString::fromUtf8(n));
        }
    }
};

archive *openReader(int fd)
{
    archive *a = archive_read_new();
    archive_read_support_format_zip(a);
    archive_read_support_format_tar(a);
    archive_read_support_format_gnutar(a);
    archive_read_support_filter_gzip(a);
    archive_read_support_filter_bzip2(a);
    archive_read_support_filter_xz(a);
    if (archive_read_open_fd(a, fd, 64 * 1024) != ARCHIVE_OK) {
        const QString why = QString::fromUtf8(archive_error_string(a));
        archive_read_free(a);
        badArchive(QStringLiteral("Not a zip or tar archive: %1").arg(why));
    }
    return a;
}
} // namespace

qint64 extractArchive(const Sandbox &sandbox, QuotaTracker &quota, const QString &volumeId,
                      const PathParts &archivePath, const PathParts &destination)
{
    const UniqueFd in = sandbox.openRegular(archivePath);
    bool destExisted = true;
    try {
        sandbox.resolveDirectory(destination);
    } catch (const DomainError &e) {
        if (e.code() != codes::FileNotFound)
            throw;
        destExisted = false;
    }
    const QuotaTracker::WriteScope scope(quota, volumeId); // outlives the staging directory
    const UniqueFd dest = sandbox.makeDirectories(destination);
    const QByteArray stagingName =
        ".lightd-extract-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    if (mkdirat(dest.get(), stagingName.constData(), 0700) != 0)
        throwErrno(errno, paths::join(destination));
    const UniqueFd staging(
        openat(dest.get(), stagingName.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    Extractor x{sandbox, quota, volumeId, staging.get(), sandbox.physicalParts(dest.get())};
    bool merged = false;
    const auto cleanup = qScopeGuard([&] {
        try { // a destructor: nothing may escape
            tree::remove(dest.get(), stagingName, QString());
            if (!merged && !destExisted && !destination.isEmpty()) { // made for this archive: no trace
                const Sandbox::Leaf made = sandbox.leaf(destination);
                unlinkat(made.dir.get(), made.name.constData(), AT_REMOVEDIR);
            }
        } catch (...) {
            qCWarning(lcVolumes) << "could not remove an extraction staging directory";
        }
        if (!merged)
            quota.add(volumeId, -x.charged);
    });
    if (!staging.valid())
        throwErrno(errno, paths::join(destination));

    archive *a = openReader(in.get());
    const auto freeReader = qScopeGuard([a] { archive_read_free(a); });
    qint64 entries = 0;
    for (;;) {
        archive_entry *e = nullptr;
        const int rc = archive_read_next_header(a, &e);
        if (rc == ARCHIVE_EOF)
            break;
        if (rc < ARCHIVE_WARN)
            badArchive(
                QStringLiteral("Archive is corrupt: %1").arg(QString::fromUtf8(archive_error_string(a))));
        if (++entries > kMaxEntries)
            badArchive(QStringLiteral("Archive has more than %1 entries").arg(kMaxEntries));
        const PathParts parts = entryParts(entryName(e), "entry");
        if (parts.isEmpty())
            continue;
        if (const char *link = archive_entry_hardlink(e)) {
            const char *utf8 = archive_entry_hardlink_utf8(e);
            x.hardlink(parts, utf8 ? utf8 : link);
            continue;
        }
        switch (archive_entry_filetype(e)) {
        case AE_IFDIR:
            x.directory(parts);
            break;
        case AE_IFREG:
            x.file(a, e, parts);
            break;
        case AE_IFLNK: {
            const char *utf8 = archive_entry_symlink_utf8(e);
            x.symlink(parts, utf8 ? utf8 : archive_entry_symlink(e));
            break;
        }
        default: // fifos, sockets, devices: never created in a volume
            qCInfo(lcVolumes).noquote() << "skipping special archive entry" << paths::join(parts);
            break;
        }
    }
    x.merge(staging.get(), dest.get(), 0);
    merged = true;
    quota.add(volumeId, -x.freed);
    return x.charged;
}
} // namespace lightd::volumes
