#include "containers/ContainerRuntime.h"

#include "containers/ContainersLog.h"
#include "docker/DockerStream.h"

#include <QJsonArray>
#include <algorithm>

// ContainerRuntime's side of the engine's events and of recovery: crashes (judged by
// CrashPolicy), what was done behind lightd's back (docker start/stop/kill/pause), calls whose
// answer never came (settle), reconcile after a daemon restart or the engine's return, recreate
// and destroy. The engine's word is the truth: every path here ends in what inspect says.
namespace lightd::containers {
void ContainerRuntime::onEngineEvent(const QString &action, const QJsonObject &event)
{
    const auto attrs =
        event.value(QStringLiteral("Actor")).toObject().value(QStringLiteral("Attributes")).toObject();
    if (action == QLatin1StringView("oom")) {
        m_record.oomKilled = true;
        persist();
        return;
    }
    if (action == QLatin1StringView("start") || action == QLatin1StringView("pause") ||
        action == QLatin1StringView("unpause")) {
        // Our own action's event is explained by its answer; any other (docker start, a start that
        // completed after its call timed out, docker pause) is adopted from an inspect. Only an
        // event that contradicts the state asks: the event of our own start often arrives after its
        // answer, and an inspect per start doubled the engine calls of a burst (issue 17).
        m_stoppedOutside = false;
        const auto s = m_record.state;
        const bool running = s == ContainerState::Running || s == ContainerState::Starting;
        const bool news = action == QLatin1StringView("start")   ? !running
                          : action == QLatin1StringView("pause") ? s != ContainerState::Suspended
                                                                 : s == ContainerState::Suspended || !running;
        if (!m_busy && !m_startInFlight && news)
            reconcile();
        return;
    }
    if (action == QLatin1StringView("kill")) {
        // docker stop / docker kill: the exit that follows is not a crash (no restart), but told.
        const QString sig = attrs.value(QStringLiteral("signal")).toString();
        if (!m_expectExit && !m_busy && (sig == QLatin1StringView("9") || sig == QLatin1StringView("15")))
            m_stoppedOutside = true;
        return;
    }
    if (action != QLatin1StringView("die"))
        return;
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
    if (m_stoppedOutside) {
        m_stoppedOutside = false;
        ++m_generation;
        closeStreams();
        m_runningSince.invalidate();
        setState(ContainerState::Ready); // legal from any run state
        message(QStringLiteral("Server stopped outside lightd (exit code %1)")
                    .arg(m_record.exitCode.value_or(-1)));
        return;
    }
    if (m_record.state == ContainerState::Running || m_record.state == ContainerState::Starting ||
        m_record.state == ContainerState::Suspended)
        onCrash();
}

void ContainerRuntime::settle(quint64 gen, const QString &ifStopped, int attempt)
{
    m_deps.engine.inspectContainer(
        m_record.dockerName(), this,
        [this, gen, ifStopped, attempt](const docker::DockerResult<QJsonObject> &r) {
            if (gen != m_generation || m_destroyed)
                return; // a newer action owns the container now
            m_busy = false;
            m_startInFlight = false;
            if (r.ok())
                return adopt(r.value, ifStopped);
            if (r.error.isNotFound())
                return reconcile(); // the container vanished: reconcile recreates it
            // The engine cannot answer yet. The lock is released (a kill may still be wanted) and
            // the engine asked again, 0.5 s doubling to 10 s, until it answers or an action intervenes.
            const int delayMs = std::min(500 << std::min(attempt, 5), 10000);
            QTimer::singleShot(delayMs, this, [this, gen, ifStopped, attempt] {
                if (gen == m_generation && !m_busy)
                    settle(gen, ifStopped, attempt + 1);
            });
        });
}

void ContainerRuntime::adopt(const QJsonObject &inspect, const QString &ifStopped)
{
    const QJsonObject st = inspect.value(QStringLiteral("State")).toObject();
    m_record.dto.containerId = inspect.value(QStringLiteral("Id")).toString();
    if (!st.value(QStringLiteral("Running")).toBool()) {
        closeStreams();
        m_runningSince.invalidate();
        if (m_record.state != ContainerState::Failed && m_record.state != ContainerState::Ready)
            setState(ContainerState::Ready, ifStopped); // legal from any run state
        persist();
        if (!ifStopped.isEmpty())
            message(ifStopped);
        return;
    }
    // Running. Still `starting` only while the start pattern can yet match: its attach was open
    // through the start. After a daemon restart the line may have passed unseen: running.
    const ContainerState target = st.value(QStringLiteral("Paused")).toBool() ? ContainerState::Suspended
                                  : m_record.state == ContainerState::Starting && m_pattern && attachOpen()
                                      ? ContainerState::Starting
                                      : ContainerState::Running;
    m_expectExit = false; // a run adopted from the engine: its exit is a crash unless we act
    if (!m_runningSince.isValid())
        m_runningSince.start();
    if (!attachOpen())
        openStreams([](bool) {});
    if (target != m_record.state) {
        setState(target, m_record.dto.error, true); // the engine's word, told to viewers
        if (target == ContainerState::Running)
            message(QStringLiteral("Server marked as running"));
    }
    syncStats();
}

void ContainerRuntime::replaceStaleContainer(quint64 gen)
{
    // The stale task's process is gone (its shim has no child; the engine says not running), but
    // the engine refuses every start of this id. Made again from the record, as the reconcile of a
    // vanished container does (and Wings does before every start), the container gets a new id.
    closeStreams();
    m_deps.engine.inspectContainer(
        m_record.dto.containerId, this, [this, gen](const docker::DockerResult<QJsonObject> &r) {
            if (gen != m_generation || m_destroyed)
                return;
            if (!r.ok() ||
                r.value.value(QStringLiteral("State")).toObject().value(QStringLiteral("Running")).toBool())
                return settle(gen); // the engine's word first: adopted, whatever it says
            qCWarning(lcContainers).noquote()
                << m_record.dto.internalId
                << "start refused for a stale engine task; recreating the container";
            message(QStringLiteral("The engine kept a stale task of this container after a restart; "
                                   "recreating the container"));
            replaceThenStart(gen);
        });
}

void ContainerRuntime::replaceThenStart(quint64 gen)
{
    qCInfo(lcContainers).noquote() << m_record.dto.internalId
                                   << "recreating the engine container before its start";
    closeStreams();
    removeDocker(m_record.dockerName(), [this, gen] {
        if (gen != m_generation)
            return;
        writeScripts();
        createServerContainer(
            [this, gen](bool ok) {
                if (gen == m_generation && ok) // else it said why
                    startProcess(true);
            },
            true);
    });
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
                    return settle(m_generation, QString(), 1); // asked again until the engine answers
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
            adopt(r.value);
            if (!r.value.value(QStringLiteral("State"))
                     .toObject()
                     .value(QStringLiteral("Running"))
                     .toBool()) {
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
            }
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
