#include "volumes/Sandbox.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "volumes/FsError.h"
#include "volumes/VolumesLog.h"

#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace lightd::volumes {
namespace {
constexpr int kMaxSymlinks = 40;   // the kernel's own limit
constexpr int kMaxWalkDepth = 256; // the fallback walk keeps one descriptor per level

Sandbox::TestHook &testHook()
{
    static Sandbox::TestHook hook;
    return hook;
}

void hook(const char *stage)
{
    if (testHook())
        testHook()(stage);
}

long openat2(int dirfd, const char *path, int flags)
{
    open_how how{};
    how.flags = quint64(flags);
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    return syscall(SYS_openat2, dirfd, path, &how, sizeof how);
}

QByteArray joinRaw(const PathParts &parts)
{
    QByteArray out;
    for (const auto &p : parts) {
        if (!out.isEmpty())
            out += '/';
        out += p;
    }
    return out;
}

QByteArray readLink(int dirfd, const char *name)
{
    QByteArray buf(4096, Qt::Uninitialized);
    const ssize_t n = readlinkat(dirfd, name, buf.data(), size_t(buf.size()));
    if (n < 0 || n >= buf.size())
        return {};
    buf.truncate(qsizetype(n));
    return buf;
}

UniqueFd dupFd(int fd)
{
    UniqueFd out(fcntl(fd, F_DUPFD_CLOEXEC, 0));
    if (!out.valid())
        throwErrno(errno, {});
    return out;
}
} // namespace

bool Sandbox::kernelHasOpenat2()
{
    static const bool has = [] {
        const long fd = openat2(AT_FDCWD, ".", O_PATH | O_CLOEXEC);
        if (fd >= 0) {
            ::close(int(fd));
            return true;
        }
        // ENOSYS: old kernel; EPERM: a seccomp filter that does not know the call.
        qCInfo(lcVolumes) << "openat2 unavailable (errno" << errno << "), using the O_NOFOLLOW walk";
        return false;
    }();
    return has;
}

void Sandbox::setTestHook(TestHook h)
{
    testHook() = std::move(h);
}

Sandbox::Sandbox(const QString &rootPath, Resolver resolver)
    : m_rootPath(rootPath), m_openat2(resolver == Resolver::Auto && kernelHasOpenat2())
{
    m_root.reset(::open(QFile::encodeName(rootPath).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!m_root.valid()) {
        qCWarning(lcVolumes) << "cannot open volume root" << rootPath << "errno" << errno;
        throw DomainError::internal();
    }
}

UniqueFd Sandbox::resolve(const PathParts &parts, bool followLast) const
{
    UniqueFd fd = parts.isEmpty() ? dupFd(m_root.get()) : resolveAt(parts, followLast, paths::join(parts));
    hook("resolved");
    return fd;
}

UniqueFd Sandbox::resolveAt(const PathParts &parts, bool followLast, const QString &shown) const
{
    if (!m_openat2)
        return walk(parts, followLast, shown);
    const QByteArray path = joinRaw(parts);
    const int flags = O_PATH | O_CLOEXEC | (followLast ? 0 : O_NOFOLLOW);
    for (int attempt = 0;; ++attempt) {
        const long fd = openat2(m_root.get(), path.constData(), flags);
        if (fd >= 0)
            return UniqueFd(int(fd));
        // EAGAIN: a rename raced a `..` step; the kernel asks us to retry.
        if (errno != EAGAIN || attempt >= 16)
            throwErrno(errno, shown);
    }
}

UniqueFd Sandbox::walk(const PathParts &parts, bool followLast, const QString &shown) const
{
    // The stack holds a descriptor for every directory entered, so `..` returns to one we really
    // passed through (never to wherever a concurrent rename moved the current one).
    std::vector<UniqueFd> stack;
    stack.push_back(dupFd(m_root.get()));
    QList<QByteArray> todo = parts;
    int links = 0;
    while (!todo.isEmpty()) {
        const QByteArray comp = todo.takeFirst();
        if (comp.isEmpty() || comp == ".")
            continue;
        if (comp == "..") {
            if (stack.size() == 1)
                throwErrno(EXDEV, shown);
            stack.pop_back();
            continue;
        }
        hook("walk");
        UniqueFd fd(openat(stack.back().get(), comp.constData(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
        if (!fd.valid())
            throwErrno(errno, shown);
        struct stat st
        {
        };
        if (fstat(fd.get(), &st) != 0)
            throwErrno(errno, shown);
        const bool last = todo.isEmpty();
        if (S_ISLNK(st.st_mode) && (!last || followLast)) {
            if (++links > kMaxSymlinks)
                throwErrno(ELOOP, shown);
            const QByteArray target = readLink(fd.get(), "");
            if (target.isEmpty())
                throwErrno(ENOENT, shown);
            if (target.startsWith('/')) // like RESOLVE_BENEATH: absolute targets never resolve
                throwErrno(EXDEV, shown);
            todo = paths::splitTarget(target) + todo;
            continue;
        }
        if (!last && !S_ISDIR(st.st_mode))
            throwErrno(ENOTDIR, shown);
        if (stack.size() >= kMaxWalkDepth)
            throwErrno(ENAMETOOLONG, shown);
        stack.push_back(std::move(fd));
    }
    return std::move(stack.back());
}

UniqueFd Sandbox::resolveDirectory(const PathParts &parts) const
{
    UniqueFd fd = resolve(parts, true);
    struct stat st
    {
    };
    if (fstat(fd.get(), &st) != 0)
        throwErrno(errno, paths::join(parts));
    if (!S_ISDIR(st.st_mode))
        throwErrno(ENOTDIR, paths::join(parts));
    return fd;
}

UniqueFd Sandbox::makeDirectories(const PathParts &parts) const
{
    // Find the deepest existing prefix, then create the rest one level at a time, each mkdirat
    // relative to a freshly resolved parent.
    qsizetype have = parts.size();
    for (; have > 0; --have) {
        try {
            resolveDirectory(parts.mid(0, have));
            break;
        } catch (const DomainError &e) {
            if (e.code() != codes::FileNotFound)
                throw;
        }
    }
    for (qsizetype i = have; i < parts.size(); ++i) {
        const UniqueFd parent = resolveDirectory(parts.mid(0, i));
        if (mkdirat(parent.get(), parts.at(i).constData(), 0755) != 0 && errno != EEXIST)
            throwErrno(errno, paths::join(parts.mid(0, i + 1)));
    }
    return resolveDirectory(parts);
}

Sandbox::Leaf Sandbox::leaf(const PathParts &parts, bool createParents, bool followLast) const
{
    const QString shown = paths::join(parts);
    if (parts.isEmpty())
        throwInvalidPath(QStringLiteral("The volume root cannot be used here"));
    PathParts cur = parts;
    for (int hops = 0;; ++hops) {
        if (hops > kMaxSymlinks)
            throwErrno(ELOOP, shown);
        const PathParts dirParts = cur.mid(0, cur.size() - 1);
        const QByteArray name = cur.last();
        UniqueFd dir = createParents ? makeDirectories(dirParts) : resolveDirectory(dirParts);
        if (name == "..")
            throwErrno(EISDIR, shown);
        if (followLast) {
            struct stat st
            {
            };
            if (fstatat(dir.get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
                const QByteArray target = readLink(dir.get(), name.constData());
                if (target.isEmpty() || target.startsWith('/'))
                    throwErrno(EXDEV, shown);
                cur = dirParts + paths::splitTarget(target);
                if (cur.isEmpty() || cur.last() == "..")
                    throwErrno(EISDIR, shown);
                continue;
            }
        }
        hook("leaf");
        return Leaf{std::move(dir), name};
    }
}

UniqueFd Sandbox::reopen(int pathFd, int flags)
{
    if (flags & O_DIRECTORY)
        return UniqueFd(openat(pathFd, ".", flags | O_CLOEXEC));
    const QByteArray proc = "/proc/self/fd/" + QByteArray::number(pathFd);
    return UniqueFd(::open(proc.constData(), flags | O_CLOEXEC));
}

UniqueFd Sandbox::openDirectory(const PathParts &parts) const
{
    const UniqueFd at = resolveDirectory(parts);
    UniqueFd fd = reopen(at.get(), O_RDONLY | O_DIRECTORY);
    if (!fd.valid())
        throwErrno(errno, paths::join(parts));
    return fd;
}

UniqueFd Sandbox::openRegular(const PathParts &parts, struct stat *stOut) const
{
    const QString shown = paths::join(parts);
    const UniqueFd at = resolve(parts, true);
    struct stat st
    {
    };
    if (fstat(at.get(), &st) != 0)
        throwErrno(errno, shown);
    if (S_ISDIR(st.st_mode))
        throwErrno(EISDIR, shown);
    if (!S_ISREG(st.st_mode)) // fifos and devices are never opened
        throwInvalidPath(QStringLiteral("Not a regular file: %1").arg(shown));
    UniqueFd fd = reopen(at.get(), O_RDONLY);
    if (!fd.valid())
        throwErrno(errno, shown);
    if (stOut)
        *stOut = st;
    return fd;
}
} // namespace lightd::volumes

namespace lightd::volumes {
PathParts Sandbox::physicalParts(int fd) const
{
    auto where = [](int f) {
        const QByteArray proc = "/proc/self/fd/" + QByteArray::number(f);
        return readLink(AT_FDCWD, proc.constData());
    };
    const QByteArray root = where(m_root.get());
    const QByteArray at = where(fd);
    if (root.isEmpty() || at.isEmpty())
        throwErrno(ENOENT, {});
    if (at == root)
        return {};
    if (!at.startsWith(root + '/'))
        throwErrno(EXDEV, {});
    return paths::splitTarget(at.mid(root.size() + 1));
}
} // namespace lightd::volumes
