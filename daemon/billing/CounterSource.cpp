#include "billing/CounterSource.h"

#include "billing/BillingLog.h"
#include "containers/ContainerManager.h"
#include "docker/DockerStream.h"

#include <QJsonObject>
#include <memory>

namespace lightd::billing {
CounterSource::CounterSource(docker::ContainerEngine &engine, QObject *parent)
    : QObject(parent), m_engine(engine)
{}

void CounterSource::follow(containers::ContainerManager &manager)
{
    for (auto *rt : manager.all())
        watch(rt);
    connect(&manager, &containers::ContainerManager::containerAdded, this, &CounterSource::watch);
    connect(&manager, &containers::ContainerManager::containerRemoved, this, &CounterSource::forget);
}

void CounterSource::watch(containers::ContainerRuntime *runtime)
{
    connect(runtime, &containers::ContainerRuntime::stateChanged, this,
            [this, internalId = runtime->record().dto.internalId] { forget(internalId); });
}

int CounterSource::cgroupTargets() const
{
    int n = 0;
    for (const auto &t : m_targets)
        n += t.files ? 1 : 0;
    return n;
}

int CounterSource::statsTargets() const
{
    return int(m_targets.size()) - cgroupTargets();
}

void CounterSource::read(const QString &internalId, const QString &dockerId, Done done, Fallback fallback)
{
    auto it = m_targets.find(internalId);
    if (it != m_targets.end() && it->dockerId == dockerId) {
        if (!it->files) {
            if (fallback == Fallback::None)
                return done(std::nullopt, it->pid);
            return oneShot(dockerId, it->pid, std::move(done));
        }
        if (auto c = it->files->read())
            return done(c, it->pid);
        m_targets.erase(it); // the process is gone (restarted): find the new one
    }
    inspect(internalId, dockerId, std::move(done), fallback);
}

void CounterSource::inspect(const QString &internalId, const QString &dockerId, Done done, Fallback fallback)
{
    m_engine.inspectContainer(dockerId, this, [this, internalId, dockerId, done, fallback](const auto &r) {
        if (!r.ok()) {
            done(std::nullopt, 0);
            return;
        }
        const qint64 pid =
            r.value.value(QStringLiteral("State")).toObject().value(QStringLiteral("Pid")).toInteger();
        if (pid <= 0) {
            done(std::nullopt, 0); // not running
            return;
        }
        Target t{dockerId, pid, nullptr};
        if (const auto paths = resolveCgroup(pid))
            t.files = std::make_shared<CounterFiles>(*paths);
        if (!t.files)
            qCInfo(lcBilling).noquote() << internalId << "cgroup not readable, metering with one-shot stats";
        m_targets.insert(internalId, t);
        if (t.files) {
            if (auto c = t.files->read())
                return done(c, pid);
            m_targets.remove(internalId);
            return done(std::nullopt, pid);
        }
        if (fallback == Fallback::None)
            return done(std::nullopt, pid);
        oneShot(dockerId, pid, done);
    });
}

void CounterSource::oneShot(const QString &dockerId, qint64 run, Done done)
{
    auto *stream = m_engine.stats(dockerId, false, this);
    auto called = std::make_shared<bool>(false);
    connect(stream, &docker::DockerStream::jsonObject, this, [done, run, called](const QJsonObject &o) {
        if (*called)
            return;
        *called = true;
        done(fromEngineStats(o), run);
    });
    connect(stream, &docker::DockerStream::finished, this, [stream, done, run, called] {
        if (!*called) {
            *called = true;
            done(std::nullopt, run);
        }
        stream->deleteLater();
    });
}

std::optional<Counters> CounterSource::fromEngineStats(const QJsonObject &stats)
{
    const QJsonObject cpu = stats.value(QStringLiteral("cpu_stats")).toObject();
    const QJsonObject mem = stats.value(QStringLiteral("memory_stats")).toObject();
    if (!cpu.contains(QStringLiteral("cpu_usage")) || !mem.contains(QStringLiteral("usage")))
        return std::nullopt;
    Counters c;
    c.cpuTotalNs =
        cpu.value(QStringLiteral("cpu_usage")).toObject().value(QStringLiteral("total_usage")).toInteger();
    const QJsonObject memStats = mem.value(QStringLiteral("stats")).toObject();
    const qint64 inactive = memStats.contains(QStringLiteral("inactive_file"))
                                ? memStats.value(QStringLiteral("inactive_file")).toInteger()
                                : memStats.value(QStringLiteral("total_inactive_file")).toInteger();
    const qint64 used = mem.value(QStringLiteral("usage")).toInteger();
    c.memoryBytes = inactive < used ? used - inactive : used;
    const QJsonObject nets = stats.value(QStringLiteral("networks")).toObject();
    for (auto it = nets.constBegin(); it != nets.constEnd(); ++it)
        c.txTotal += it.value().toObject().value(QStringLiteral("tx_bytes")).toInteger();
    return c;
}
} // namespace lightd::billing
