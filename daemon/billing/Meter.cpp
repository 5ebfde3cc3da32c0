#include "billing/Meter.h"

#include "billing/BillingLog.h"
#include "billing/UsageMath.h"
#include "containers/ContainerManager.h"
#include "volumes/QuotaTracker.h"
#include "volumes/VolumeRegistry.h"

#include <QDateTime>

namespace lightd::billing {
Meter::Meter(storage::Database &db, CounterSource &source, containers::ContainerManager &containers,
             volumes::VolumeRegistry &volumes, const Config::Monitoring &config, QObject *parent)
    : QObject(parent), m_db(db), m_table(db), m_containers(containers), m_volumes(volumes), m_config(config),
      m_source(source)
{
    m_timer.setInterval(m_config.intervalMs);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Meter::tick);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(std::max(500, m_config.intervalMs / 2));
    connect(&m_deadline, &QTimer::timeout, this, [this] { commit(m_generation); });
}

void Meter::start()
{
    // The newest sample of each container is the baseline its next delta is taken against.
    for (const auto &row : m_table.latest())
        m_baselines.insert(row.container, Baseline{row.atMs, row.cpuTotalNs, row.txTotal, row.run});
    // The counter source forgets a container's files itself (CounterSource::follow).
    connect(&m_containers, &containers::ContainerManager::containerRemoved, this,
            [this](const QString &id) { m_baselines.remove(id); });
    m_timer.start();
    qCInfo(lcBilling) << "metering every" << m_config.intervalMs << "ms";
}

void Meter::tick()
{
    if (m_waiting > 0)
        return; // the previous tick still waits on the engine
    m_tickClock.start();
    m_readings.clear();
    const quint64 generation = ++m_generation;
    m_collecting = true; // answers given at once are only counted until every container is asked
    const auto runtimes = m_containers.all();
    for (auto *rt : runtimes) {
        const auto &rec = rt->record();
        const QString id = rec.dto.internalId;
        m_readings.insert(id, Reading{rec.dto.volumeId, std::nullopt, 0, false});
        const auto s = rt->state();
        const bool live = s == ContainerState::Running || s == ContainerState::Starting ||
                          s == ContainerState::Stopping || s == ContainerState::Suspended;
        if (!live || rec.dto.containerId.isEmpty())
            continue;
        m_readings[id].live = true;
        ++m_waiting;
        m_source.read(id, rec.dto.containerId, [this, id, generation](std::optional<Counters> c, qint64 run) {
            if (generation != m_generation)
                return;
            auto it = m_readings.find(id);
            if (it != m_readings.end()) {
                it->counters = c;
                it->run = run;
            }
            if (--m_waiting == 0 && !m_collecting)
                commit(generation);
        });
    }
    m_collecting = false;
    if (m_waiting == 0)
        commit(generation);
    else
        m_deadline.start();
}

storage::UsageSampleRow Meter::sampleFor(const QString &id, const Reading &r, qint64 nowMs) const
{
    storage::UsageSampleRow row;
    row.container = id;
    row.atMs = nowMs;
    row.storageBytes = m_volumes.quota().usedBytes(r.volumeId);
    const auto b = m_baselines.value(id);
    const bool hasBaseline = m_baselines.contains(id);
    // After a gap (daemon down) the sample stands for at most two intervals of memory and storage;
    // CPU time and bytes sent are exact whatever the gap.
    row.durationMs =
        hasBaseline ? std::min<qint64>(nowMs - b.atMs, 2LL * m_config.intervalMs) : m_config.intervalMs;
    if (r.counters) {
        row.memoryBytes = r.counters->memoryBytes;
        row.cpuNs = counterDelta(b.cpuTotalNs, b.run, r.counters->cpuTotalNs, r.run);
        row.txBytes = counterDelta(b.txTotal, b.run, r.counters->txTotal, r.run);
        row.cpuTotalNs = r.counters->cpuTotalNs;
        row.txTotal = r.counters->txTotal;
        row.run = r.run;
    } else {
        row.cpuTotalNs = b.cpuTotalNs.value_or(0);
        row.txTotal = b.txTotal.value_or(0);
        row.run = b.run;
    }
    return row;
}

void Meter::commit(quint64 generation)
{
    if (generation != m_generation)
        return;
    m_deadline.stop();
    m_waiting = 0;
    ++m_generation; // answers still on their way belong to a finished tick
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QList<storage::UsageSampleRow> rows;
    QList<Baseline> next;
    rows.reserve(m_readings.size());
    for (auto it = m_readings.constBegin(); it != m_readings.constEnd(); ++it) {
        auto row = sampleFor(it.key(), it.value(), nowMs);
        if (row.durationMs <= 0)
            continue;
        Baseline b{row.atMs, row.cpuTotalNs, row.txTotal, row.run};
        if (!it->counters && it->live && !m_baselines.contains(it.key()))
            b.cpuTotalNs = b.txTotal = std::nullopt; // running, never read yet: no baseline to count from
        rows.append(row);
        next.append(b);
    }
    try {
        m_db.transaction([&] {
            m_table.insert(rows);
            if (m_hook) {
                for (const auto &row : rows)
                    m_hook(row);
            }
            if (nowMs - m_lastPruneMs > 3600 * 1000) {
                const int n = m_table.pruneBefore(nowMs - qint64(m_config.retentionDays) * 86400 * 1000);
                if (n > 0)
                    qCInfo(lcBilling)
                        << "pruned" << n << "samples older than" << m_config.retentionDays << "days";
            }
        });
        if (nowMs - m_lastPruneMs > 3600 * 1000)
            m_lastPruneMs = nowMs;
        for (qsizetype i = 0; i < rows.size(); ++i)
            m_baselines.insert(rows[i].container, next[i]);
    } catch (const std::exception &e) {
        qCWarning(lcBilling) << "cannot store usage samples:" << e.what();
    }
    m_readings.clear();
    ++m_ticks;
    m_lastTickUs = m_tickClock.nsecsElapsed() / 1000;
}
} // namespace lightd::billing
