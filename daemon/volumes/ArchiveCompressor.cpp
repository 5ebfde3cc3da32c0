#include "volumes/ArchiveCompressor.h"

#include "lightd/DomainError.h"
#include "volumes/AtomicFile.h"
#include "volumes/FsError.h"
#include "volumes/QuotaTracker.h"
#include "volumes/Sandbox.h"
#include "volumes/TreeOps.h"
#include "volumes/VolumesLog.h"

#include <QScopeGuard>
#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <exception>
#include <fcntl.h>
#include <sys/stat.h>
#include <vector>

namespace lightd::volumes {
namespace {
struct Writer
{
    QuotaTracker &quota;
    QString volumeId;
    qint64 credit = 0; // size of the archive being replaced
    AtomicFile *file = nullptr;
    std::exception_ptr error;
    archive *a = nullptr;
    QString shown;

    static la_ssize_t onWrite(archive *, void *self, const void *buf, size_t len)
    {
        auto *w = static_cast<Writer *>(self);
        try { // nothing may be thrown through libarchive's C frames
            w->quota.charge(w->volumeId, qint64(len), w->credit);
            w->file->write(static_cast<const char *>(buf), qint64(len));
            return la_ssize_t(len);
        } catch (...) {
            w->error = std::current_exception();
            return -1;
        }
    }

    void check(int rc)
    {
        if (rc >= ARCHIVE_WARN)
            return;
        if (error)
            std::rethrow_exception(error);
        qCWarning(lcVolumes) << "archive write failed:" << archive_error_string(a);
        throw DomainError::internal();
    }

    void header(archive_entry *e) { check(archive_write_header(a, e)); }

    void add(int dirFd, const QByteArray &name, const QByteArray &entryName, int depth)
    {
        if (depth >= tree::kMaxDepth)
            throwInvalidPath(QStringLiteral("Directory tree is nested too deeply: %1").arg(shown));
        struct stat st
        {
        };
        if (fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            return; // vanished meanwhile
        if (st.st_dev == file->device() && st.st_ino == file->inode())
            return; // the archive being written
        archive_entry *e = archive_entry_new();
        const auto freeEntry = qScopeGuard([e] { archive_entry_free(e); });
        archive_entry_set_pathname_utf8(e, entryName.constData());
        archive_entry_set_perm(e, st.st_mode & 0777);
        archive_entry_set_mtime(e, st.st_mtim.tv_sec, 0);
        if (S_ISLNK(st.st_mode)) {
            QByteArray target(4096, Qt::Uninitialized);
            const ssize_t n = readlinkat(dirFd, name.constData(), target.data(), size_t(target.size()));
            if (n < 0)
                return;
            target.truncate(qsizetype(n));
            archive_entry_set_filetype(e, AE_IFLNK);
            archive_entry_set_symlink_utf8(e, target.constData());
            header(e);
        } else if (S_ISREG(st.st_mode)) {
            const UniqueFd in(
                openat(dirFd, name.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
            struct stat st2
            {
            };
            if (!in.valid() || fstat(in.get(), &st2) != 0 || !S_ISREG(st2.st_mode))
                return;
            archive_entry_set_filetype(e, AE_IFREG);
            archive_entry_set_size(e, st2.st_size);
            header(e);
            QByteArray buf(256 * 1024, Qt::Uninitialized);
            qint64 left = st2.st_size; // a file growing meanwhile is cut at the size announced
            while (left > 0) {
                const ssize_t n = ::read(in.get(), buf.data(), size_t(std::min<qint64>(left, buf.size())));
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0)
                    break; // shrank: libarchive pads the entry
                if (archive_write_data(a, buf.constData(), size_t(n)) < 0)
                    check(ARCHIVE_FATAL);
                left -= n;
            }
            check(archive_write_finish_entry(a));
        } else if (S_ISDIR(st.st_mode)) {
            archive_entry_set_filetype(e, AE_IFDIR);
            header(e);
            const UniqueFd sub(
                openat(dirFd, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (!sub.valid())
                return;
            for (const QByteArray &child : tree::entries(sub.get()))
                add(sub.get(), child, entryName + '/' + child, depth + 1);
        }
        // fifos, sockets and devices are not archived
    }
};
} // namespace

std::optional<ArchiveFormat> parseArchiveFormat(const QString &text)
{
    if (text == QLatin1StringView("zip"))
        return ArchiveFormat::Zip;
    if (text == QLatin1StringView("tar"))
        return ArchiveFormat::Tar;
    if (text == QLatin1StringView("tar.gz") || text == QLatin1StringView("tgz"))
        return ArchiveFormat::TarGz;
    if (text == QLatin1StringView("tar.bz2") || text == QLatin1StringView("tbz2"))
        return ArchiveFormat::TarBz2;
    return std::nullopt;
}

QString archiveExtension(ArchiveFormat format)
{
    switch (format) {
    case ArchiveFormat::Zip:
        return QStringLiteral("zip");
    case ArchiveFormat::Tar:
        return QStringLiteral("tar");
    case ArchiveFormat::TarGz:
        return QStringLiteral("tar.gz");
    case ArchiveFormat::TarBz2:
        return QStringLiteral("tar.bz2");
    }
    return QString();
}

qint64 compressPaths(const Sandbox &sandbox, QuotaTracker &quota, const QString &volumeId,
                     const QList<PathParts> &inputs, ArchiveFormat format, const PathParts &output)
{
    // Resolve every input before writing anything, so a bad path fails fast and leaves nothing.
    std::vector<Sandbox::Leaf> leaves;
    QByteArrayList names;
    for (const PathParts &in : inputs) {
        if (in.isEmpty()) { // the volume root: its entries, without a leading directory
            for (const QByteArray &n : tree::entries(sandbox.rootFd())) {
                leaves.push_back(Sandbox::Leaf{sandbox.resolve({}), n});
                names.append(n);
            }
            continue;
        }
        Sandbox::Leaf l = sandbox.leaf(in);
        struct stat st
        {
        };
        if (fstatat(l.dir.get(), l.name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            throwErrno(errno, paths::join(in));
        leaves.push_back(std::move(l));
        names.append(paths::join(in).toUtf8());
    }
    const QString shownOut = paths::join(output);
    const Sandbox::Leaf out = sandbox.leaf(output, true, true);
    qint64 oldSize = 0;
    struct stat st
    {
    };
    if (fstatat(out.dir.get(), out.name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
        if (S_ISDIR(st.st_mode))
            throwErrno(EISDIR, shownOut);
        if (!S_ISREG(st.st_mode))
            throwInvalidPath(QStringLiteral("Not a regular file: %1").arg(shownOut));
        oldSize = st.st_size;
    }

    const QuotaTracker::WriteScope scope(quota, volumeId); // outlives the temp file
    AtomicFile file(out.dir.get(), out.name, 0644, shownOut);
    Writer w{quota, volumeId, oldSize, &file, nullptr, archive_write_new(), shownOut};
    const auto freeArchive = qScopeGuard([&w] { archive_write_free(w.a); });
    try {
        switch (format) {
        case ArchiveFormat::Zip:
            archive_write_set_format_zip(w.a);
            break;
        case ArchiveFormat::Tar:
            archive_write_set_format_pax_restricted(w.a);
            break;
        case ArchiveFormat::TarGz:
            archive_write_set_format_pax_restricted(w.a);
            archive_write_add_filter_gzip(w.a);
            break;
        case ArchiveFormat::TarBz2:
            archive_write_set_format_pax_restricted(w.a);
            archive_write_add_filter_bzip2(w.a);
            break;
        }
        archive_write_set_bytes_in_last_block(w.a, 1);
        w.check(archive_write_open2(w.a, &w, nullptr, &Writer::onWrite, nullptr, nullptr));
        for (size_t i = 0; i < leaves.size(); ++i)
            w.add(leaves[i].dir.get(), leaves[i].name, names[qsizetype(i)], 0);
        w.check(archive_write_close(w.a));
        file.commit();
    } catch (...) {
        quota.add(volumeId, -file.written());
        throw;
    }
    quota.add(volumeId, -oldSize);
    return file.written();
}
} // namespace lightd::volumes
