#include "volumes/VolumeRegistry.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "volumes/QuotaTracker.h"
#include "volumes/Sandbox.h"
#include "volumes/TreeOps.h"
#include "volumes/UniqueFd.h"
#include "volumes/VolumeRecovery.h"
#include "volumes/VolumesLog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThreadPool>
#include <QUuid>
#include <fcntl.h>

namespace lightd::volumes {

VolumeRegistry::VolumeRegistry(storage::Database &db, const QString &volumesPath, QObject *parent)
    : QObject(parent), m_repo(db), m_containers(db), m_root(volumesPath)
{
    QDir().mkpath(m_root);
    const qint64 startedAtMs = QDateTime::currentMSecsSinceEpoch();
    const auto all = m_repo.all();
    // What a kill left behind: renames now (before the API listens), removal off the event loop.
    const recovery::Plan plan = recovery::prepare(m_root, all);
    QStringList paths;
    for (const auto &v : all)
        paths.append(v.path);
    QThreadPool::globalInstance()->start(
        [root = m_root, plan, paths, startedAtMs] { recovery::sweep(root, plan, paths, startedAtMs); });
    m_quota = new QuotaTracker(this);
    for (const auto &v : all) {
        m_volumes.insert(v.volumeId, v);
        m_quota->track(v.volumeId, v.path, v.quotaMb, v.usedBytes);
    }
    connect(m_quota, &QuotaTracker::usageChanged, this, &VolumeRegistry::setUsedBytes);
    connect(m_quota, &QuotaTracker::quotaExceeded, this, &VolumeRegistry::quotaExceeded);
}

std::shared_ptr<Sandbox> VolumeRegistry::sandbox(const QString &id) const
{
    auto it = m_volumes.constFind(id);
    if (it == m_volumes.cend())
        throw DomainError(codes::VolumeNotFound, QStringLiteral("Volume not found"));
    return std::make_shared<Sandbox>(it->path);
}

VolumeDto VolumeRegistry::create(std::optional<qint64> quotaMb)
{
    VolumeDto v;
    v.volumeId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    v.path = QDir(m_root).filePath(v.volumeId);
    v.quotaMb = quotaMb;
    v.createdAt = QDateTime::currentSecsSinceEpoch();
    // `.new-<id>`, the record, then the final name: a kill at any point leaves either nothing
    // visible or a record the next start completes (VolumeRecovery), never an unnamed directory.
    const QString staging = QDir(m_root).filePath(QLatin1StringView(recovery::kNewPrefix) + v.volumeId);
    if (!QDir().mkpath(staging))
        throw DomainError::internal();
    try {
        m_repo.insert(v);
    } catch (...) {
        QDir(staging).removeRecursively();
        throw;
    }
    if (!QDir().rename(staging, v.path)) {
        m_repo.remove(v.volumeId);
        QDir(staging).removeRecursively();
        throw DomainError::internal();
    }
    m_volumes.insert(v.volumeId, v);
    m_quota->track(v.volumeId, v.path, v.quotaMb, 0);
    return v;
}

VolumeDto VolumeRegistry::get(const QString &id) const
{
    auto it = m_volumes.constFind(id);
    if (it != m_volumes.cend())
        return *it;
    if (id.size() >= 8) {
        const VolumeDto *match = nullptr;
        for (const auto &v : m_volumes) {
            if (v.volumeId.startsWith(id)) {
                if (match)
                    throw DomainError(codes::InvalidField,
                                      QStringLiteral("Volume id prefix %1 is ambiguous").arg(id));
                match = &v;
            }
        }
        if (match)
            return *match;
    }
    throw DomainError(codes::VolumeNotFound, QStringLiteral("Volume not found"));
}

void VolumeRegistry::remove(const QString &idOrPrefix)
{
    const VolumeDto v = get(idOrPrefix);
    const QStringList users = m_containers.usingVolume(v.volumeId);
    if (!users.isEmpty())
        throw DomainError(
            codes::VolumeInUse,
            QStringLiteral("Volume is used by container %1").arg(users.join(QStringLiteral(", "))));
    // Rename first, then the record: a kill between leaves the record and `.trash-<id>`, which the
    // next start renames back (the delete was never acknowledged). The (possibly long) tree
    // removal runs off the event loop.
    const QString trash = QDir(m_root).filePath(QLatin1StringView(recovery::kTrashPrefix) + v.volumeId);
    const bool renamed = QDir().rename(v.path, trash);
    m_repo.remove(v.volumeId);
    m_volumes.remove(v.volumeId);
    m_quota->untrack(v.volumeId);
    if (renamed) {
        // Through descriptors at any depth (QDir's path-based removal stops at PATH_MAX).
        QThreadPool::globalInstance()->start([root = m_root, name = QFileInfo(trash).fileName()] {
            const UniqueFd dir(
                ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
            try {
                if (dir.valid())
                    tree::remove(dir.get(), QFile::encodeName(name), name);
            } catch (const std::exception &) {
                qCWarning(lcVolumes).noquote() << "could not remove" << name << "under" << root;
            }
        });
    }
}

void VolumeRegistry::setQuota(const QString &id, std::optional<qint64> quotaMb)
{
    auto it = m_volumes.find(id);
    if (it == m_volumes.end())
        throw DomainError(codes::VolumeNotFound, QStringLiteral("Volume not found"));
    m_repo.setQuota(id, quotaMb);
    it->quotaMb = quotaMb;
    m_quota->setQuotaMb(id, quotaMb);
}

void VolumeRegistry::setUsedBytes(const QString &id, qint64 used)
{
    auto it = m_volumes.find(id);
    if (it == m_volumes.end())
        return;
    m_repo.setUsedBytes(id, used);
    it->usedBytes = used;
}
} // namespace lightd::volumes
