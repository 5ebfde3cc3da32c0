#include "volumes/VolumeRecovery.h"

#include "volumes/AtomicFile.h"
#include "volumes/TreeOps.h"
#include "volumes/TreeWalk.h"
#include "volumes/UniqueFd.h"
#include "volumes/VolumesLog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lightd::volumes::recovery {
namespace {
constexpr int kDirFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

bool exists(int dirFd, const QByteArray &name)
{
    struct stat st
    {
    };
    return fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

bool isScratch(const QByteArray &name)
{
    return name.startsWith(AtomicFile::kTempPrefix) || name.startsWith(".lightd-extract-");
}
} // namespace

Plan prepare(const QString &root, const QList<VolumeDto> &volumes)
{
    Plan plan;
    const UniqueFd rootFd(::open(QFile::encodeName(root).constData(), kDirFlags));
    if (!rootFd.valid())
        return plan;
    QSet<QByteArray> ids;
    for (const auto &v : volumes) {
        if (QFileInfo(v.path).absolutePath() != QFileInfo(root).absoluteFilePath())
            continue; // a volume elsewhere is not this directory's business
        const QByteArray id = QFile::encodeName(QFileInfo(v.path).fileName());
        ids.insert(id);
        if (exists(rootFd.get(), id))
            continue;
        for (const QByteArray &from : {kNewPrefix + id, kTrashPrefix + id}) {
            if (exists(rootFd.get(), from) &&
                renameat(rootFd.get(), from.constData(), rootFd.get(), id.constData()) == 0) {
                ++plan.restored;
                qCWarning(lcVolumes).noquote() << "volume" << v.volumeId << "restored from" << from
                                               << "(its create or delete was interrupted)";
                break;
            }
        }
    }
    for (const QByteArray &name : tree::entries(rootFd.get())) {
        if (name.startsWith(kNewPrefix) || name.startsWith(kTrashPrefix)) {
            plan.removeTop.append(name);
            continue;
        }
        if (name.startsWith('.') || ids.contains(name))
            continue;
        // Never deleted: a directory no record names may still be someone's data.
        if (mkdirat(rootFd.get(), kOrphanDir, 0700) != 0 && errno != EEXIST)
            continue;
        const UniqueFd orphans(openat(rootFd.get(), kOrphanDir, kDirFlags));
        QByteArray to = name;
        if (orphans.valid() && exists(orphans.get(), to))
            to += '-' + QByteArray::number(QDateTime::currentSecsSinceEpoch());
        if (orphans.valid() && renameat(rootFd.get(), name.constData(), orphans.get(), to.constData()) == 0) {
            ++plan.orphaned;
            qCWarning(lcVolumes).noquote()
                << "no volume record names" << name << "- moved to"
                << QStringLiteral("%1/%2/%3").arg(root, QLatin1StringView(kOrphanDir), QString::fromUtf8(to));
        }
    }
    return plan;
}

void sweep(const QString &root, const Plan &plan, const QStringList &volumePaths, qint64 startedAtMs)
{
    QElapsedTimer timer;
    timer.start();
    int removed = 0, scratch = 0;
    const UniqueFd rootFd(::open(QFile::encodeName(root).constData(), kDirFlags));
    for (const QByteArray &name : plan.removeTop) {
        try {
            if (rootFd.valid()) {
                tree::remove(rootFd.get(), name, QString::fromUtf8(name));
                ++removed;
            }
        } catch (const std::exception &) {
            qCWarning(lcVolumes).noquote() << "could not remove" << name << "under" << root;
        }
    }
    for (const QString &path : volumePaths) {
        const UniqueFd volume(::open(QFile::encodeName(path).constData(), kDirFlags));
        if (!volume.valid())
            continue;
        tree::Walker walker;
        walker.entry = [&](int dirFd, const QByteArray &name, const struct stat &st) {
            if (!isScratch(name))
                return true;
            const qint64 mtimeMs = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
            if (mtimeMs < startedAtMs) { // one made after this start belongs to a request now
                try {
                    tree::remove(dirFd, name, QString::fromUtf8(name));
                    ++scratch;
                } catch (const std::exception &) {
                    qCWarning(lcVolumes).noquote() << "could not remove" << name << "in" << path;
                }
            }
            return false;
        };
        walker.run(volume.get());
    }
    qCInfo(lcVolumes).noquote() << QStringLiteral("volumes: start-up sweep done in %1 ms: %2 restored, %3 "
                                                  "removed, %4 orphaned, %5 temp/staging names removed")
                                       .arg(timer.elapsed())
                                       .arg(plan.restored)
                                       .arg(removed)
                                       .arg(plan.orphaned)
                                       .arg(scratch);
}
} // namespace lightd::volumes::recovery
