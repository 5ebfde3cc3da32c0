#include "volumes/TreeOps.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "volumes/FsError.h"
#include "volumes/TreeWalk.h"
#include "volumes/UniqueFd.h"
#include "volumes/VolumesLog.h"

#include <QSet>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lightd::volumes::tree {
namespace {
using Inode = QPair<quint64, quint64>;

[[noreturn]] void tooDeep(const QString &shown)
{
    throwInvalidPath(QStringLiteral("Directory tree is nested too deeply to copy: %1").arg(shown));
}

UniqueFd openSubdir(int dirFd, const QByteArray &name)
{
    return UniqueFd(openat(dirFd, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
}

// Regular bytes, hardlinks counted once.
struct Sizer
{
    QSet<Inode> seen;

    qint64 file(const struct stat &st)
    {
        if (!S_ISREG(st.st_mode))
            return 0;
        if (st.st_nlink > 1) {
            const Inode id{quint64(st.st_dev), quint64(st.st_ino)};
            if (seen.contains(id))
                return 0;
            seen.insert(id);
        }
        return st.st_size;
    }
};

[[noreturn]] void treeMoved(const QString &shown)
{
    throwInvalidPath(QStringLiteral("The tree changed during the operation: %1").arg(shown));
}

qint64 removeDir(int parentFd, const QByteArray &name, const QString &shown)
{
    const UniqueFd fd = openSubdir(parentFd, name);
    if (!fd.valid()) {
        if (errno == ELOOP || errno == ENOTDIR) { // swapped for a link or file meanwhile: drop that
            if (unlinkat(parentFd, name.constData(), 0) != 0 && errno != ENOENT)
                throwErrno(errno, shown);
            return 0;
        }
        if (errno == ENOENT)
            return 0;
        throwErrno(errno, shown);
    }
    qint64 freed = 0;
    Walker w;
    w.entry = [&](int dir, const QByteArray &n, const struct stat &st) {
        if (S_ISDIR(st.st_mode))
            return true;
        if (unlinkat(dir, n.constData(), 0) != 0 && errno != ENOENT)
            throwErrno(errno, shown);
        if (S_ISREG(st.st_mode) && st.st_nlink <= 1)
            freed += st.st_size;
        return false;
    };
    w.leave = [&](int dir, const QByteArray &n, const struct stat &) {
        if (unlinkat(dir, n.constData(), AT_REMOVEDIR) == 0 || errno == ENOENT)
            return;
        if (errno == ENOTDIR && unlinkat(dir, n.constData(), 0) == 0)
            return;
        throwErrno(errno, shown);
    };
    if (!w.run(fd.get()))
        treeMoved(shown);
    if (unlinkat(parentFd, name.constData(), AT_REMOVEDIR) != 0 && errno != ENOENT)
        throwErrno(errno, shown);
    return freed;
}

struct Copier
{
    QString shown;
    QSet<Inode> skip; // directories created by this copy: never descend into them (copy into itself)

    qint64 run(int srcDir, const QByteArray &srcName, int dstDir, const QByteArray &dstName, int depth)
    {
        if (depth >= kMaxDepth)
            tooDeep(shown);
        struct stat st
        {
        };
        if (fstatat(srcDir, srcName.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            throwErrno(errno, shown);
        if (S_ISLNK(st.st_mode)) {
            QByteArray target(4096, Qt::Uninitialized);
            const ssize_t n = readlinkat(srcDir, srcName.constData(), target.data(), size_t(target.size()));
            if (n < 0)
                throwErrno(errno, shown);
            target.truncate(qsizetype(n));
            if (symlinkat(target.constData(), dstDir, dstName.constData()) != 0)
                throwErrno(errno, shown);
            return 0;
        }
        if (S_ISREG(st.st_mode)) {
            const UniqueFd in(
                openat(srcDir, srcName.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
            struct stat st2
            {
            };
            if (!in.valid() || fstat(in.get(), &st2) != 0 || !S_ISREG(st2.st_mode))
                return 0; // swapped for something else meanwhile: skip it
            const UniqueFd out(openat(dstDir, dstName.constData(),
                                      O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                                      st.st_mode & 0777));
            if (!out.valid())
                throwErrno(errno, shown);
            return copyData(in.get(), out.get(), shown);
        }
        if (!S_ISDIR(st.st_mode))
            return 0; // fifos, sockets, devices are not copied
        const UniqueFd src = openSubdir(srcDir, srcName);
        if (!src.valid())
            return 0;
        if (mkdirat(dstDir, dstName.constData(), (st.st_mode & 0777) | 0700) != 0)
            throwErrno(errno, shown);
        const UniqueFd dst = openSubdir(dstDir, dstName);
        struct stat dst_st
        {
        };
        if (!dst.valid() || fstat(dst.get(), &dst_st) != 0)
            throwErrno(errno, shown);
        skip.insert({quint64(dst_st.st_dev), quint64(dst_st.st_ino)});
        qint64 total = 0;
        for (const QByteArray &n : entries(src.get())) {
            struct stat cst
            {
            };
            if (fstatat(src.get(), n.constData(), &cst, AT_SYMLINK_NOFOLLOW) != 0)
                continue;
            if (S_ISDIR(cst.st_mode) && skip.contains({quint64(cst.st_dev), quint64(cst.st_ino)}))
                continue;
            total += run(src.get(), n, dst.get(), n, depth + 1);
        }
        return total;
    }
};
} // namespace

QByteArrayList entries(int dirFd)
{
    QByteArrayList out;
    const int fd = openat(dirFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return out;
    DIR *d = fdopendir(fd);
    if (!d) {
        ::close(fd);
        return out;
    }
    while (const dirent *e = readdir(d)) {
        const char *n = e->d_name;
        if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0)))
            continue;
        out.append(QByteArray(n));
    }
    closedir(d);
    return out;
}

qint64 sizeOf(int dirFd, const QByteArray &name, const QString &shown)
{
    struct stat st
    {
    };
    if (fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        throwErrno(errno, shown);
    Sizer s;
    if (!S_ISDIR(st.st_mode))
        return s.file(st);
    const UniqueFd fd = openSubdir(dirFd, name);
    if (!fd.valid())
        throwErrno(errno, shown);
    qint64 total = 0;
    Walker w;
    w.entry = [&](int, const QByteArray &, const struct stat &e) {
        total += s.file(e);
        return S_ISDIR(e.st_mode);
    };
    if (!w.run(fd.get()))
        treeMoved(shown);
    return total;
}

qint64 usage(int rootFd, const std::atomic<bool> *cancel)
{
    struct stat root
    {
    };
    if (fstat(rootFd, &root) != 0)
        return -1;
    Sizer s;
    qint64 total = 0;
    Walker w;
    w.cancel = cancel;
    w.entry = [&](int, const QByteArray &, const struct stat &e) {
        if (e.st_dev != root.st_dev)
            return false; // a mount inside the volume is not the volume's
        total += s.file(e);
        return S_ISDIR(e.st_mode);
    };
    // A tree moved under the walk is walked again: a tenant renaming directories in a loop must not
    // make its bytes vanish from the count.
    for (int attempt = 0; attempt < 5; ++attempt) {
        s.seen.clear();
        total = 0;
        if (w.run(rootFd))
            return total;
        if (cancel && cancel->load())
            return -1;
    }
    qCWarning(lcVolumes) << "quota walk: the tree kept moving during five walks; usage not updated";
    return -1;
}

qint64 remove(int dirFd, const QByteArray &name, const QString &shown)
{
    struct stat st
    {
    };
    if (fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        throwErrno(errno, shown);
    if (S_ISDIR(st.st_mode))
        return removeDir(dirFd, name, shown);
    if (unlinkat(dirFd, name.constData(), 0) != 0)
        throwErrno(errno, shown);
    return S_ISREG(st.st_mode) && st.st_nlink <= 1 ? st.st_size : 0;
}

qint64 copy(int srcDir, const QByteArray &srcName, int dstDir, const QByteArray &dstName,
            const QString &shown)
{
    Copier c;
    c.shown = shown;
    return c.run(srcDir, srcName, dstDir, dstName, 0);
}

void writeAll(int fd, const char *data, qint64 size, const QString &shown)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throwErrno(errno, shown);
        }
        data += n;
        size -= n;
    }
}

qint64 copyData(int in, int out, const QString &shown)
{
    qint64 total = 0;
    for (;;) {
        const ssize_t n = copy_file_range(in, nullptr, out, nullptr, 1 << 30, 0);
        if (n > 0) {
            total += n;
            continue;
        }
        if (n == 0)
            return total;
        if (errno == EINTR)
            continue;
        if (errno != EXDEV && errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
            throwErrno(errno, shown);
        break;
    }
    QByteArray buf(256 * 1024, Qt::Uninitialized);
    for (;;) {
        const ssize_t n = ::read(in, buf.data(), size_t(buf.size()));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throwErrno(errno, shown);
        }
        if (n == 0)
            return total;
        writeAll(out, buf.constData(), n, shown);
        total += n;
    }
}
} // namespace lightd::volumes::tree
