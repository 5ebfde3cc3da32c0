#pragma once
#include "billing/CgroupReader.h"
#include "docker/ContainerEngine.h"

#include <QHash>
#include <QObject>
#include <functional>
#include <memory>

namespace lightd::containers {
class ContainerManager;
class ContainerRuntime;
} // namespace lightd::containers

namespace lightd::billing {
// The raw counters of running containers. One inspect per container start gives the init pid and,
// from it, the cgroup files, held open while the container runs; after that every read is a few
// preads. Where the cgroup cannot be read (another cgroup layout, a remote engine) the meter asks the
// engine for one stats sample instead — never a stream. One instance per daemon: the meter and the
// GUI's summary route read through it, so a container has one set of open files and one inspect;
// it follows the containers itself, so the files close whether or not the meter runs.
class CounterSource final : public QObject
{
    Q_OBJECT
  public:
    using Done = std::function<void(std::optional<Counters> counters, qint64 run)>;

    explicit CounterSource(docker::ContainerEngine &engine, QObject *parent = nullptr);

    enum class Fallback { EngineStats, None };
    // done runs once: at once when the cgroup is known, else after the engine answered. With
    // Fallback::None a container whose cgroup cannot be read answers nullopt (no stats call).
    void read(const QString &internalId, const QString &dockerId, Done done,
              Fallback fallback = Fallback::EngineStats);
    // The container stopped, started again or was deleted: its pid and cgroup are to be found anew
    // (its files close).
    void forget(const QString &internalId) { m_targets.remove(internalId); }
    // Forgets each container of `manager` on every state change and when it is deleted. Call once,
    // after the manager has loaded its containers.
    void follow(containers::ContainerManager &manager);

    int cgroupTargets() const;
    int statsTargets() const;

    // The counters in one engine stats answer (cumulative values only: precpu is not needed).
    static std::optional<Counters> fromEngineStats(const QJsonObject &stats);

  private:
    struct Target
    {
        QString dockerId;
        qint64 pid = 0;
        std::shared_ptr<CounterFiles> files; // held open while it runs; empty: one-shot stats
    };
    void watch(containers::ContainerRuntime *runtime);
    void inspect(const QString &internalId, const QString &dockerId, Done done, Fallback fallback);
    void oneShot(const QString &dockerId, qint64 run, Done done);

    docker::ContainerEngine &m_engine;
    QHash<QString, Target> m_targets;
};
} // namespace lightd::billing
