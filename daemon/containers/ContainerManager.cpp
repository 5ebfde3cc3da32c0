#include "containers/ContainerManager.h"

#include "containers/ContainersLog.h"
#include "containers/MountPolicy.h"
#include "containers/ScriptDir.h"
#include "docker/DockerStream.h"
#include "lightd/ErrorCodes.h"
#include "lightd/Keys.h"
#include "network/PortPool.h"
#include "volumes/VolumeRegistry.h"

#include <QDir>
#include <QJsonArray>

namespace lightd::containers {

ContainerManager::ContainerManager(docker::ContainerEngine &engine, storage::Database &db,
                                   const Config &config, network::PortPool &ports,
                                   volumes::VolumeRegistry &volumes, QObject *parent)
    : QObject(parent), m_engine(engine), m_repo(db), m_removals(db), m_db(db), m_config(config),
      m_ports(ports), m_volumes(volumes), m_monitor(engine)
{
    connect(&m_monitor, &EngineMonitor::availabilityChanged, this, [this](bool up) {
        Q_EMIT engineAvailabilityChanged(up);
        if (!up)
            return;
        // First contact, or the engine came back: adopt what Docker says about every container.
        const bool returned = std::exchange(m_engineSeen, true);
        for (auto *rt : std::as_const(m_runtimes)) {
            if (returned)
                rt->engineReturned();
            rt->reconcile();
        }
        finishRemovals();
    });
    connect(&m_monitor, &EngineMonitor::containerEvent, this,
            [this](const QString &id, const QString &action, const QJsonObject &event) {
                if (auto *rt = m_runtimes.value(id))
                    rt->onEngineEvent(action, event);
            });
}

ContainerManager::~ContainerManager() = default;

ContainerPaths ContainerManager::pathsFor(const ContainerRecord &record) const
{
    QString volumePath;
    try {
        volumePath = m_volumes.get(record.dto.volumeId).path;
    } catch (const DomainError &) {
        volumePath = QDir(m_config.storage.volumesPath).filePath(record.dto.volumeId);
    }
    return ContainerPaths{
        volumePath, QDir(m_config.storage.containersPath).filePath(record.dto.internalId), {}};
}

ContainerRuntime *ContainerManager::adopt(const ContainerRecord &record)
{
    auto *rt = new ContainerRuntime(record, pathsFor(record),
                                    ContainerRuntime::Deps{m_engine, m_repo, m_config,
                                                           [this] { return m_monitor.up(); },
                                                           [this] { return m_monitor.isPodman(); }},
                                    this);
    m_runtimes.insert(record.dto.internalId, rt);
    return rt;
}

void ContainerManager::start()
{
    const auto records = m_repo.all();
    for (const auto &r : records)
        adopt(ContainerRecord::fromRow(r));
    qCInfo(lcContainers) << "loaded" << records.size() << "containers";
    // Know the engine's state before the API listens, so the first requests are not refused with a
    // 503 the engine would not have earned.
    m_monitor.start();
}

void ContainerManager::requireEngine() const
{
    if (!m_monitor.up())
        throw DomainError(codes::DockerUnavailable, QStringLiteral("Docker engine is unavailable"));
}

ContainerRuntime *ContainerManager::find(const QString &id) const
{
    if (auto *rt = m_runtimes.value(id))
        return rt;
    if (id.size() >= 12) {
        for (auto *rt : m_runtimes) {
            if (!rt->record().dto.containerId.isEmpty() && rt->record().dto.containerId.startsWith(id))
                return rt;
        }
    }
    return nullptr;
}

ContainerRuntime *ContainerManager::get(const QString &id) const
{
    auto *rt = find(id);
    if (!rt)
        throw DomainError(codes::ContainerNotFound, QStringLiteral("Container not found"));
    return rt;
}

ContainerRuntime *ContainerManager::create(ContainerRecord r)
{
    mounts::resolveAll(m_config, r.dto.mount, keys::Mount); // 400 mount_not_allowed
    if (m_runtimes.contains(r.dto.internalId))
        throw DomainError(codes::ContainerExists,
                          QStringLiteral("Container %1 already exists").arg(r.dto.internalId));
    if (m_removing.contains(r.dto.internalId)) // its engine containers are still being removed
        throw DomainError(codes::ContainerExists,
                          QStringLiteral("Container %1 is still being deleted").arg(r.dto.internalId));
    r.dto.volumeId = m_volumes.get(r.dto.volumeId).volumeId; // 404 volume_not_found; accepts a unique prefix
    m_ports.check(r.dto.ports, r.dto.internalId);
    requireEngine();
    m_db.transaction([&] {
        m_repo.insert(r.toRow());
        m_ports.claim(r.dto.ports, r.dto.internalId);
    });
    auto *rt = adopt(r);
    Q_EMIT containerAdded(rt);
    rt->install();
    return rt;
}

void ContainerManager::remove(const QString &id, std::function<void()> done)
{
    auto *rt = get(id);
    requireEngine();
    const QString internalId = rt->record().dto.internalId;
    const QString dataDir = rt->paths().dataDir;
    m_runtimes.remove(internalId);
    // The record goes with a tombstone in one transaction: a kill before the engine has removed
    // the containers leaves the tombstone, and the next start finishes the job.
    m_db.transaction([&] {
        m_repo.remove(internalId);
        m_removals.insert(internalId);
        m_ports.releaseAll(internalId);
    });
    m_removing.insert(internalId);
    rt->destroy([this, rt, internalId, dataDir, done] {
        m_removing.remove(internalId);
        m_removals.remove(internalId);
        scriptdir::remove(dataDir);
        Q_EMIT containerRemoved(internalId);
        rt->deleteLater();
        done();
    });
}

void ContainerManager::finishRemovals()
{
    for (const QString &id : m_removals.all()) {
        if (m_removing.contains(id))
            continue; // being removed by this run
        m_removing.insert(id);
        const QJsonObject filters{
            {QStringLiteral("label"), QJsonArray{QStringLiteral("lightd.internal_id=") + id}}};
        m_engine.listContainers(filters, this, [this, id](const docker::DockerResult<QJsonArray> &r) {
            if (!r.ok()) { // the engine is gone again: tried on its return
                m_removing.remove(id);
                return;
            }
            auto left = std::make_shared<int>(int(r.value.size()));
            auto finished = [this, id, left] {
                if (--*left > 0)
                    return;
                m_removing.remove(id);
                m_removals.remove(id);
                scriptdir::remove(QDir(m_config.storage.containersPath).filePath(id));
                qCInfo(lcContainers).noquote() << id << "removal finished after a restart";
            };
            ++*left; // held until every remove is sent
            for (const auto &c : r.value) {
                m_engine.removeContainer(c.toObject().value(QStringLiteral("Id")).toString(), true, true,
                                         this,
                                         [finished](const docker::DockerResult<void> &) { finished(); });
            }
            finished();
        });
    }
}

void ContainerManager::rebind(const QString &id, const QList<PortBindingDto> &bindings)
{
    auto *rt = get(id);
    if (auto refused = rt->admit(Operation::Rebind))
        throw *refused;
    m_ports.check(bindings, rt->record().dto.internalId);
    const QString owner = rt->record().dto.internalId;
    m_db.transaction([&] {
        m_ports.releaseAll(owner);
        m_ports.claim(bindings, owner);
        rt->updateRecord([&](ContainerRecord &rec) { rec.dto.ports = bindings; });
    });
    // A failed container has nothing installed to recreate from: it keeps the new ports for its
    // reinstall instead of becoming ready without an install.
    if (rt->state() == ContainerState::Failed)
        return;
    rt->recreate(false);
}
} // namespace lightd::containers
