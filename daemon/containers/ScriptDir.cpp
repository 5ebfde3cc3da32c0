#include "containers/ScriptDir.h"

#include "containers/ContainersLog.h"
#include "volumes/AtomicFile.h"
#include "volumes/TreeOps.h"
#include "volumes/UniqueFd.h"

#include <QDir>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>

namespace lightd::containers::scriptdir {
using volumes::UniqueFd;

namespace {
QString errnoText(const char *what, int err)
{
    return QStringLiteral("%1: %2").arg(QLatin1StringView(what), QString::fromLocal8Bit(strerror(err)));
}

// The containers root (daemon config, never inside anything a container can write).
UniqueFd openRoot(const QString &dataDir, QByteArray *name)
{
    const QFileInfo fi(dataDir);
    *name = QFile::encodeName(fi.fileName());
    QDir().mkpath(fi.path());
    return UniqueFd(open(QFile::encodeName(fi.path()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
}

UniqueFd openOwnDir(int rootFd, const QByteArray &name)
{
    const int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    UniqueFd fd(openat(rootFd, name.constData(), flags));
    if (fd.valid())
        return fd;
    if (errno == ELOOP || errno == ENOTDIR) { // not ours: drop it, whatever it points to
        qCWarning(lcContainers).noquote() << "replacing a non-directory at the scripts directory of" << name;
        if (unlinkat(rootFd, name.constData(), 0) != 0)
            return UniqueFd();
    } else if (errno != ENOENT) {
        return UniqueFd();
    }
    if (mkdirat(rootFd, name.constData(), 0755) != 0 && errno != EEXIST)
        return UniqueFd();
    return UniqueFd(openat(rootFd, name.constData(), flags));
}

// A fresh temp file (O_EXCL | O_NOFOLLOW: never an existing name or link) renamed over the script;
// renameat replaces a link at the name itself. Returns 0 or an errno.
int replaceFile(int dirFd, const QByteArray &file, const QByteArray &content)
{
    const QByteArray temp = volumes::AtomicFile::tempName();
    UniqueFd fd(openat(dirFd, temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!fd.valid())
        return errno;
    int err = 0;
    for (qsizetype done = 0; done < content.size() && err == 0;) {
        const ssize_t n = ::write(fd.get(), content.constData() + done, size_t(content.size() - done));
        if (n < 0 && errno != EINTR)
            err = errno;
        else if (n > 0)
            done += n;
    }
    if (err == 0 && fchmod(fd.get(), 0644) != 0)
        err = errno;
    fd.reset();
    if (err == 0 && renameat(dirFd, temp.constData(), dirFd, file.constData()) != 0)
        err = errno;
    if (err != 0)
        unlinkat(dirFd, temp.constData(), 0);
    return err;
}
} // namespace

bool write(const QString &dataDir, const Files &files, QString *error)
{
    QByteArray name;
    const UniqueFd root = openRoot(dataDir, &name);
    if (!root.valid()) {
        *error = errnoText("cannot open the containers directory", errno);
        return false;
    }
    const UniqueFd dir = openOwnDir(root.get(), name);
    if (!dir.valid()) {
        *error = errnoText("cannot open the scripts directory", errno);
        return false;
    }
    fchmod(dir.get(), 0755); // readable by a container's non-root user, writable by nobody else
    for (const auto &[file, content] : files) {
        if (const int err = replaceFile(dir.get(), file, content)) {
            *error = errnoText(file.constData(), err);
            return false;
        }
    }
    return true;
}

void remove(const QString &dataDir)
{
    QByteArray name;
    const UniqueFd root = openRoot(dataDir, &name);
    if (!root.valid())
        return;
    try {
        volumes::tree::remove(root.get(), name, QString::fromUtf8(name));
    } catch (const std::exception &e) {
        qCWarning(lcContainers).noquote() << "cannot remove the scripts directory of" << name << e.what();
    }
}
} // namespace lightd::containers::scriptdir
