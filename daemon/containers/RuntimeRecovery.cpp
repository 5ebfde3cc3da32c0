#include "containers/ContainerRuntime.h"

#include "containers/ContainersLog.h"
#include "docker/DockerStream.h"

#include <QJsonArray>

// ContainerRuntime's side of the engine's events and of recovery: crashes (judged by
// CrashPolicy), reconcile after a daemon restart or the engine's return, recreate and destroy.
namespace lightd::containers {
void ContainerRuntime::onEngineEvent(const QString &action, const QJsonObject &event)
{
    if (action == QLatin1StringView("oom")) {
        m_record.oomKilled = true;
        persist();
        return;
    }
    if (action != QLatin1StringView("die"))
        return;
    const auto attrs =
        event.value(QStringLiteral("Actor")).toObject().value(QStringLiteral("Attributes")).toObject();
    m_record.exitCode = attrs.value(QStringLiteral("exitCode")).toString().toInt();
    persist();
    // The end of an earlier run (e.g. the stop of a restart) reported after the new start: no crash.
    const qint64 at = event.value(QStringLiteral("timeNano")).toInteger();
    if (at > 0 && at < m_startRequestedNs)
        return;
    if (m_startInFlight && !m_expectExit) {
        // Died before the engine even answered the start: judged when that answer comes.
        m_diedDuringStart = true;
        return;
    }
    if (m_expectExit || m_busy)
        return;
    if (m_record.state == ContainerState::Running || m_record.state == ContainerState::Starting)
        onCrash();
}

void ContainerRuntime::onCrash()
{
    ++m_generation;
    closeStreams();
    m_runningSince.invalidate();
    m_deps.engine.inspectContainer(
        m_record.dto.containerId, this, [this](const docker::DockerResult<QJsonObject> &r) {
            if (r.ok())
                m_record.oomKilled = r.value.value(QStringLiteral("State"))
                                         .toObject()
                                         .value(QStringLiteral("OOMKilled"))
                                         .toBool();
            setState(ContainerState::Ready);
            message(QStringLiteral("Server crashed with exit code %1%2")
                        .arg(m_record.exitCode.value_or(-1))
                        .arg(m_record.oomKilled ? QStringLiteral(" (out of memory)") : QString()));
            const auto verdict = m_crashPolicy.onCrash(QDateTime::currentSecsSinceEpoch(),
                                                       m_deps.config.containers.crashRestart,
                                                       m_deps.config.containers.crashWindowS);
            if (verdict == CrashPolicy::Verdict::Off)
                return;
            if (verdict == CrashPolicy::Verdict::TooSoon) {
                message(QStringLiteral("Server crashed again within %1 s: not restarting it automatically")
                            .arg(m_deps.config.containers.crashWindowS));
                return;
            }
            message(QStringLiteral("Restarting the server after the crash"));
            if (auto refused = requestPower(PowerAction::Start))
                message(QStringLiteral("Cannot restart the server: %1").arg(refused->message()));
        });
}

void ContainerRuntime::reconcile()
{
    // An install or power action this daemon began since it started owns the container: what the
    // engine said a moment ago would only overwrite it (e.g. "not running" while the start is in flight).
    if (m_busy)
        return;
    if (m_record.state == ContainerState::Installing) {
        removeOwn(QStringLiteral("install"), [this] {
            fail(QStringLiteral("the daemon restarted during installation; reinstall the container"));
        });
        return;
    }
    m_deps.engine.inspectContainer(
        m_record.dockerName(), this, [this](const docker::DockerResult<QJsonObject> &r) {
            if (m_busy)
                return; // a power action began while the engine was asked
            if (!r.ok()) {
                if (!r.error.isNotFound())
                    return; // engine down: the manager calls reconcile again when it is back
                if (m_record.state == ContainerState::Failed)
                    return;
                // The Docker container vanished: recreate it from the record, volume data is untouched.
                message(QStringLiteral("Docker container missing; recreating it"));
                setState(ContainerState::Ready); // from any run state (the table's crash path)
                writeScripts();
                createServerContainer([this](bool ok) {
                    if (ok)
                        setState(ContainerState::Ready);
                });
                return;
            }
            const QJsonObject st = r.value.value(QStringLiteral("State")).toObject();
            m_record.dto.containerId = r.value.value(QStringLiteral("Id")).toString();
            const bool running = st.value(QStringLiteral("Running")).toBool();
            const bool paused = st.value(QStringLiteral("Paused")).toBool();
            if (!running) {
                closeStreams();
                if (m_record.state != ContainerState::Failed && m_record.state != ContainerState::Ready)
                    setState(ContainerState::Ready); // legal from any run state
                persist();
                // Made by an earlier version with its scripts directory read-write: made again now.
                const QJsonArray binds = r.value.value(QStringLiteral("HostConfig"))
                                             .toObject()
                                             .value(QStringLiteral("Binds"))
                                             .toArray();
                if (m_record.state == ContainerState::Ready &&
                    binds.contains(m_paths.dataDir + QStringLiteral(":/app/data"))) {
                    qCInfo(lcContainers).noquote()
                        << m_record.dto.internalId << "recreated: /app/data was writable";
                    recreate(false);
                }
                return;
            }
            // Running: adopt it, with fresh streams.
            const ContainerState target =
                paused ? ContainerState::Suspended
                       : (m_record.state == ContainerState::Starting ? ContainerState::Starting
                                                                     : ContainerState::Running);
            setState(target, m_record.dto.error, true); // the engine's word, told to viewers
            m_runningSince.start();
            openStreams([](bool) {});
            m_stats = m_deps.engine.stats(m_record.dto.containerId, true, this);
            connect(m_stats, &docker::DockerStream::jsonObject, this, [this](const QJsonObject &o) {
                m_lastStats = computeStats(o);
                Q_EMIT statsSample(*m_lastStats);
            });
        });
}

// ---- recreate / destroy ----------------------------------------------------------------------

void ContainerRuntime::recreate(bool runInstall)
{
    const bool wasRunning = m_record.state == ContainerState::Running ||
                            m_record.state == ContainerState::Starting ||
                            m_record.state == ContainerState::Suspended;
    m_busy = true;
    auto rebuild = [this, runInstall, wasRunning] {
        closeStreams();
        m_busy = true;
        if (runInstall) {
            if (m_record.state == ContainerState::Stopping)
                setState(ContainerState::Ready);
            install();
            return;
        }
        removeDocker(m_record.dockerName(), [this, wasRunning] {
            writeScripts();
            createServerContainer([this, wasRunning](bool ok) {
                if (!ok)
                    return;
                m_busy = false;
                setState(ContainerState::Ready);
                if (wasRunning)
                    startProcess();
            });
        });
    };
    if (wasRunning)
        stopProcess([this, rebuild] {
            setState(ContainerState::Ready);
            rebuild();
        });
    else
        rebuild();
}

void ContainerRuntime::destroy(std::function<void()> done)
{
    m_destroyed = true;
    ++m_generation;
    closeStreams();
    if (m_creating > 0) { // the engine is creating a container for us: remove it too once made
        m_purgeWhenCreated = std::move(done);
        return;
    }
    purge(std::move(done));
}
} // namespace lightd::containers
