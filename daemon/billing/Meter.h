#pragma once
#include "billing/CounterSource.h"
#include "config/Config.h"
#include "storage/UsageSampleTable.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>

namespace lightd::containers {
class ContainerManager;
}
namespace lightd::volumes {
class VolumeRegistry;
}

namespace lightd::billing {
// Every monitoring.interval_ms: one usage sample per managed container, all written in one
// transaction (with whatever the sample hook adds to it, e.g. the remote's billing events). CPU time
// and bytes sent are stored as deltas against the previous sample of the same container run, so a
// restart of the container or of the daemon never counts anything twice or negative.
class Meter final : public QObject
{
    Q_OBJECT
  public:
    using SampleHook = std::function<void(const storage::UsageSampleRow &row)>;

    Meter(storage::Database &db, CounterSource &source, containers::ContainerManager &containers,
          volumes::VolumeRegistry &volumes, const Config::Monitoring &config, QObject *parent = nullptr);

    void start();
    void setSampleHook(SampleHook hook) { m_hook = std::move(hook); }
    // Runs one tick now (tests and the first sample after start).
    void tick();

    // For /metrics and the bench.
    quint64 ticks() const { return m_ticks; }
    qint64 lastTickUs() const { return m_lastTickUs; }

  private:
    struct Baseline
    {
        qint64 atMs = 0;
        std::optional<qint64> cpuTotalNs, txTotal;
        qint64 run = 0;
    };
    struct Reading
    {
        QString volumeId;
        std::optional<Counters> counters;
        qint64 run = 0;
        bool live = false; // the container has a process to read
    };
    void commit(quint64 generation);
    storage::UsageSampleRow sampleFor(const QString &id, const Reading &r, qint64 nowMs) const;

    storage::Database &m_db;
    storage::UsageSampleTable m_table;
    containers::ContainerManager &m_containers;
    volumes::VolumeRegistry &m_volumes;
    Config::Monitoring m_config;
    CounterSource &m_source;
    SampleHook m_hook;
    QTimer m_timer;
    QTimer m_deadline; // a tick waiting on the engine commits what it has by then
    QHash<QString, Baseline> m_baselines;
    QHash<QString, Reading> m_readings; // of the tick under way
    int m_waiting = 0;
    quint64 m_generation = 0;
    bool m_collecting = false;
    QElapsedTimer m_tickClock;
    quint64 m_ticks = 0;
    qint64 m_lastTickUs = 0;
    qint64 m_lastPruneMs = 0;
};
} // namespace lightd::billing
