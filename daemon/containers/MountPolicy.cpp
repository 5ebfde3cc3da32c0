#include "containers/MountPolicy.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "volumes/UniqueFd.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <climits>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace lightd::containers::mounts {
using volumes::UniqueFd;

namespace {
bool beneathOrSame(const QString &path, const QString &dir)
{
    return path == dir || dir == QLatin1StringView("/") || path.startsWith(dir + QLatin1Char('/'));
}

QString canonical(const QString &path)
{
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(QDir(path).absolutePath()) : c;
}

// What a container must never see, nor anything above it: the daemon's own state and the engine.
QStringList protectedPaths(const Config &c)
{
    QStringList out{c.storage.basePath,
                    c.storage.volumesPath,
                    c.storage.containersPath,
                    QFileInfo(c.storage.database).absolutePath(),
                    QFileInfo(c.filePath).absolutePath(),
                    QStringLiteral("/var/lib/lightd"),
                    QStringLiteral("/etc/lightd"),
                    QStringLiteral("/var/lib/docker"),
                    QStringLiteral("/var/lib/containerd"),
                    QStringLiteral("/run/docker.sock"),
                    QStringLiteral("/run/containerd")};
    if (!c.docker.socketPath.isEmpty())
        out.append(c.docker.socketPath);
    for (QString &p : out)
        p = canonical(p);
    return out;
}

// O_PATH descriptor of rel beneath rootFd, never through a link (nor "..": rel is normalised).
UniqueFd openNoLinks(int rootFd, const QByteArray &rel)
{
    open_how how{};
    how.flags = O_PATH | O_CLOEXEC; // a final link is refused too (RESOLVE_NO_SYMLINKS)
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    const long fd = syscall(SYS_openat2, rootFd, rel.constData(), &how, sizeof how);
    if (fd >= 0 || errno != ENOSYS)
        return UniqueFd(int(fd));
    // Kernels before 5.6: one component at a time, each opened without following, links refused.
    UniqueFd cur(fcntl(rootFd, F_DUPFD_CLOEXEC, 0));
    for (const QByteArray &part : rel.split('/')) {
        if (part.isEmpty() || part == "." || part == "..") {
            errno = EINVAL;
            return UniqueFd();
        }
        UniqueFd next(openat(cur.get(), part.constData(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
        struct stat st
        {
        };
        if (!next.valid() || fstat(next.get(), &st) != 0)
            return UniqueFd();
        if (S_ISLNK(st.st_mode)) {
            errno = ELOOP;
            return UniqueFd();
        }
        cur = std::move(next);
    }
    return cur;
}

QString realPathOf(int fd)
{
    char buf[PATH_MAX + 1];
    const QByteArray proc = "/proc/self/fd/" + QByteArray::number(fd);
    const ssize_t n = readlink(proc.constData(), buf, PATH_MAX);
    return n > 0 ? QFile::decodeName(QByteArray(buf, int(n))) : QString();
}
} // namespace

QString resolve(const Config &config, const QString &source, QString *why)
{
    if (config.containers.allowedMounts.isEmpty()) {
        *why = QStringLiteral("custom mounts are disabled on this node (containers.allowed_mounts is empty)");
        return {};
    }
    // Each allowed directory the path is written beneath is tried; the first that resolves it wins.
    QString refusal;
    for (const QString &allowed : config.containers.allowedMounts) {
        // The allowed directory comes from the node's own config: its links are the admin's.
        const QString asWritten = QDir::cleanPath(allowed);
        const QString real = canonical(allowed);
        QString rel;
        if (beneathOrSame(source, asWritten))
            rel = source.mid(asWritten == QLatin1StringView("/") ? 1 : asWritten.size() + 1);
        else if (beneathOrSame(source, real))
            rel = source.mid(real == QLatin1StringView("/") ? 1 : real.size() + 1);
        else
            continue;
        const UniqueFd root(open(QFile::encodeName(real).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        if (!root.valid())
            continue;
        const UniqueFd fd = rel.isEmpty() ? UniqueFd(fcntl(root.get(), F_DUPFD_CLOEXEC, 0))
                                          : openNoLinks(root.get(), QFile::encodeName(rel));
        if (!fd.valid()) {
            refusal = errno == ELOOP || errno == EXDEV
                          ? QStringLiteral("host path '%1' goes through a symbolic link").arg(source)
                          : QStringLiteral("host path '%1' does not exist").arg(source);
            continue;
        }
        const QString path = realPathOf(fd.get());
        if (path.isEmpty() || path.contains(QLatin1Char(':')) || !beneathOrSame(path, real)) {
            refusal = QStringLiteral("host path '%1' cannot be resolved").arg(source);
            continue;
        }
        for (const QString &p : protectedPaths(config)) {
            if (beneathOrSame(path, p) || beneathOrSame(p, path)) {
                *why = QStringLiteral("host path '%1' holds or is inside the daemon's own files or the "
                                      "container engine's")
                           .arg(source);
                return {};
            }
        }
        return path;
    }
    *why = !refusal.isEmpty()
               ? refusal
               : QStringLiteral("host path '%1' is not beneath a directory of containers.allowed_mounts")
                     .arg(source);
    return {};
}

QMap<QString, QString> resolveAll(const Config &config, const QMap<QString, QString> &asked,
                                  QLatin1StringView field)
{
    QMap<QString, QString> out;
    for (auto it = asked.cbegin(); it != asked.cend(); ++it) {
        QString why;
        const QString real = resolve(config, it.value(), &why);
        if (real.isEmpty())
            throw DomainError(codes::MountNotAllowed, QStringLiteral("Field '%1': %2").arg(field, why));
        out.insert(it.key(), real);
    }
    return out;
}
} // namespace lightd::containers::mounts
