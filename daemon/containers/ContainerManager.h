#pragma once
#include "config/Config.h"
#include "containers/ContainerRuntime.h"
#include "containers/EngineMonitor.h"
#include "docker/ContainerEngine.h"
#include "storage/RemovalTable.h"
#include "storage/Repositories.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace lightd::network {
class PortPool;
}
namespace lightd::volumes {
class VolumeRegistry;
}

namespace lightd::containers {
// The registry of managed containers: creates and deletes them, hands the engine's events to them
// (EngineMonitor keeps the one stream and the liveness), and reconciles every record with Docker
// at start and whenever the engine comes back.
class ContainerManager final : public QObject
{
    Q_OBJECT
  public:
    ContainerManager(docker::ContainerEngine &engine, storage::Database &db, const Config &config,
                     network::PortPool &ports, volumes::VolumeRegistry &volumes, QObject *parent = nullptr);
    ~ContainerManager() override;

    // Loads the records, reconciles them with Docker, opens the events stream.
    void start();
    bool engineAvailable() const { return m_monitor.up(); }
    // Throws 503 docker_unavailable when the engine is down.
    void requireEngine() const;

    QList<ContainerRuntime *> all() const { return m_runtimes.values(); }
    // Where container records are stored (the remote sync hooks state changes there).
    storage::ContainerRepository &repository() { return m_repo; }
    // By internal_id, or by Docker id (full or a 12+ character prefix).
    ContainerRuntime *find(const QString &id) const;
    ContainerRuntime *get(const QString &id) const; // throws 404 container_not_found

    // record: a new one as api/ContainerSpecParser reads it from the request (fields already valid).
    // Checks it against the rest first (400 mounts, 409 id, 404 volume, ports, 503), then records it,
    // claims its ports and starts the installation. Returns the new runtime.
    ContainerRuntime *create(ContainerRecord record);
    // Removes the Docker container(s), frees the ports, deletes the record; the volume stays.
    void remove(const QString &id, std::function<void()> done);
    // Validates and applies new port bindings: old ports freed, new ones marked, container recreated.
    void rebind(const QString &id, const QList<PortBindingDto> &bindings);
    const Config &config() const { return m_config; }

  Q_SIGNALS:
    void containerAdded(lightd::containers::ContainerRuntime *runtime);
    void containerRemoved(const QString &internalId);
    void engineAvailabilityChanged(bool up);

  private:
    // Removes what the engine still holds for deletes a kill interrupted (RemovalTable).
    void finishRemovals();
    ContainerRuntime *adopt(const ContainerRecord &record);
    ContainerPaths pathsFor(const ContainerRecord &record) const;

    docker::ContainerEngine &m_engine;
    storage::ContainerRepository m_repo;
    storage::RemovalTable m_removals; // deletes whose engine containers may still exist
    storage::Database &m_db;
    const Config &m_config;
    network::PortPool &m_ports;
    volumes::VolumeRegistry &m_volumes;
    QMap<QString, ContainerRuntime *> m_runtimes;
    QSet<QString> m_removing; // deleted ids whose engine containers are not all removed yet
    EngineMonitor m_monitor;
    bool m_engineSeen = false; // the engine answered once: its next "up" is a return
};
} // namespace lightd::containers
