#include "containers/ContainerRuntime.h"

#include "containers/ContainerSpec.h"
#include "containers/ContainersLog.h"
#include "containers/EngineErrors.h"
#include "docker/DockerStream.h"
#include "lightd/ErrorCodes.h"
#include "storage/Repositories.h"

// ContainerRuntime's state, record and power: one door (admit) for every operation. Install,
// streams, the engine containers it owns and recovery are in the Runtime*.cpp files beside it.
namespace lightd::containers {
using docker::DockerError;

namespace {
qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}
} // namespace

ContainerRuntime::ContainerRuntime(ContainerRecord record, ContainerPaths paths, Deps deps, QObject *parent)
    : QObject(parent), m_record(std::move(record)), m_paths(std::move(paths)), m_deps(deps),
      m_history(deps.config.console.historyLines)
{
    if (m_record.dto.startPattern)
        m_pattern = spec::startPatternRegex(*m_record.dto.startPattern);
    m_statsLinger.setSingleShot(true);
    m_statsLinger.setInterval(m_deps.config.websocket.statsLingerMs);
    connect(&m_statsLinger, &QTimer::timeout, this, &ContainerRuntime::syncStats);
}

ContainerRuntime::~ContainerRuntime()
{
    closeStreams();
}

qint64 ContainerRuntime::uptimeMs() const
{
    return (m_record.state == ContainerState::Running || m_record.state == ContainerState::Starting) &&
                   m_runningSince.isValid()
               ? m_runningSince.elapsed()
               : 0;
}

bool ContainerRuntime::setState(ContainerState next, const QString &error, bool adopt)
{
    if (next == m_record.state && error == m_record.dto.error && !adopt)
        return true;
    if (next != m_record.state && !adopt && !canTransition(m_record.state, next)) {
        qCWarning(lcContainers).noquote() << m_record.dto.internalId << "refused transition"
                                          << toString(m_record.state) << "->" << toString(next);
        return false;
    }
    const bool changed = next != m_record.state || adopt;
    m_record.state = next;
    m_record.dto.installState = toString(next);
    m_record.dto.error = error;
    persist();
    if (changed) {
        qCInfo(lcContainers).noquote()
            << m_record.dto.internalId << "->" << toString(next) << (error.isEmpty() ? QString() : error);
        Q_EMIT stateChanged(next);
    }
    syncStats();
    return true;
}

void ContainerRuntime::persist()
{
    if (m_destroyed)
        return;
    m_record.dto.updatedAt = now();
    try {
        m_deps.repo.update(m_record.toRow());
    } catch (const std::exception &e) {
        qCCritical(lcContainers) << "cannot persist" << m_record.dto.internalId << e.what();
    }
}

void ContainerRuntime::message(const QString &text)
{
    Q_EMIT daemonMessage(text);
}

void ContainerRuntime::installOutputLine(const QString &line)
{
    m_installOutput.append(line);
    if (m_installOutput.size() > kInstallOutputLines)
        m_installOutput.removeFirst();
    Q_EMIT installLine(line);
}

void ContainerRuntime::fail(const QString &error)
{
    m_busy = false;
    setState(ContainerState::Failed, error);
    message(QStringLiteral("Failed: %1").arg(error));
}

void ContainerRuntime::updateRecord(const std::function<void(ContainerRecord &)> &change)
{
    change(m_record);
    m_pattern.reset();
    if (m_record.dto.startPattern)
        m_pattern = spec::startPatternRegex(*m_record.dto.startPattern);
    writeScripts();
    persist();
}

// ---- power ---------------------------------------------------------------------------------

std::optional<DomainError> ContainerRuntime::admit(Operation op) const
{
    if (op != Operation::Command && !m_deps.engineUp())
        return DomainError(codes::DockerUnavailable, QStringLiteral("Docker engine is unavailable"));
    return refusal(op, m_record.state, m_busy);
}

std::optional<DomainError> ContainerRuntime::requestPower(PowerAction action)
{
    if (!powerVerbFromString(toString(action)))
        return DomainError(codes::InvalidField,
                           QStringLiteral("%1 is not a power action").arg(toString(action)));
    if (auto refused = admit(action))
        return refused;
    switch (action) {
    case PowerAction::Start:
        startProcess();
        break;
    case PowerAction::Stop:
        stopProcess([this] {
            m_busy = false;
            setState(ContainerState::Ready);
        });
        break;
    case PowerAction::Kill:
        killProcess();
        break;
    case PowerAction::Restart:
        if (m_record.state == ContainerState::Ready) {
            startProcess();
        } else {
            stopProcess([this] {
                setState(ContainerState::Ready);
                startProcess();
            });
        }
        break;
    case PowerAction::Suspend:
        m_busy = true;
        m_deps.engine.pauseContainer(m_record.dto.containerId, this,
                                     [this, from = m_record.state](const docker::DockerResult<void> &r) {
                                         m_busy = false;
                                         if (!r.ok() && outcomeUnknown(r.error))
                                             return settle(m_generation);
                                         if (!r.ok())
                                             return message(engineFailure(m_record.dto.internalId,
                                                                          QStringLiteral("Suspend failed"),
                                                                          r.error));
                                         m_suspendedFrom = from;
                                         setState(ContainerState::Suspended);
                                     });
        break;
    case PowerAction::Resume:
        m_busy = true;
        m_deps.engine.unpauseContainer(
            m_record.dto.containerId, this, [this](const docker::DockerResult<void> &r) {
                m_busy = false;
                if (!r.ok() && outcomeUnknown(r.error))
                    return settle(m_generation);
                if (!r.ok())
                    return message(
                        engineFailure(m_record.dto.internalId, QStringLiteral("Resume failed"), r.error));
                // back to where it was: a server paused before its start_pattern matched is still starting
                setState(m_suspendedFrom == ContainerState::Starting && m_pattern ? ContainerState::Starting
                                                                                  : ContainerState::Running);
            });
        break;
    case Operation::Reinstall: // not power actions: refused above
    case Operation::Rebind:
    case Operation::Command:
        break;
    }
    return std::nullopt;
}

void ContainerRuntime::startProcess(bool afterReplace)
{
    m_busy = true;
    m_startInFlight = true;
    m_diedDuringStart = false;
    m_expectExit = false;
    const quint64 gen = ++m_generation;
    // Set before the attach: the exit of the run before (a restart's stop) can be reported while
    // the attach opens, and must not be taken for a death of this start (then a crash restart
    // started it twice and it stayed `starting`: seen once in 276 restarts by the soak).
    m_startRequestedNs = QDateTime::currentMSecsSinceEpoch() * 1000000;
    setState(ContainerState::Starting);
    m_runningSince.invalidate();
    if (m_replaceBeforeStart && !afterReplace) {
        m_replaceBeforeStart = false;
        message(QStringLiteral("The container engine was unreachable and answers again; "
                               "recreating the container"));
        return replaceThenStart(gen);
    }
    // Attach before start, so the first output lines are not lost.
    openStreams([this, gen, afterReplace](bool attached) {
        if (gen != m_generation)
            return;
        if (!attached) {
            m_startInFlight = false;
            m_busy = false;
            setState(ContainerState::Ready, QStringLiteral("cannot attach to the container"));
            return message(QStringLiteral("Start failed: cannot attach to the container"));
        }
        m_deps.engine.startContainer(
            m_record.dto.containerId, this, [this, gen, afterReplace](const docker::DockerResult<void> &r) {
                if (gen != m_generation)
                    return;
                if (m_startInFlight) { // else the start_pattern matched first and ended the start already
                    m_startInFlight = false;
                    m_busy = false;
                }
                if (!r.ok() && outcomeUnknown(r.error)) {
                    // Docker may have started it after all (issue 17: 18 of 100 did): ask it.
                    m_busy = true;
                    const QString why =
                        engineFailure(m_record.dto.internalId, QStringLiteral("Start failed"), r.error);
                    message(QStringLiteral("No answer to the start; asking the engine what it did"));
                    return settle(gen, why);
                }
                if (!r.ok() && !afterReplace && staleEngineTask(r.error)) {
                    m_busy = true;
                    return replaceStaleContainer(gen);
                }
                if (!r.ok()) {
                    m_busy = false;
                    closeStreams();
                    const QString why =
                        engineFailure(m_record.dto.internalId, QStringLiteral("Start failed"), r.error);
                    setState(ContainerState::Ready, why);
                    return message(why);
                }
                if (m_diedDuringStart) {
                    m_diedDuringStart = false;
                    m_busy = false;
                    return onCrash();
                }
                m_runningSince.start();
                if (!attachOpen()) // the engine ended the attach during the start
                    openStreams([](bool) {});
                syncStats();
                message(QStringLiteral("Server marked as starting"));
                if (!m_pattern && m_record.state == ContainerState::Starting) {
                    setState(ContainerState::Running);
                    message(QStringLiteral("Server marked as running"));
                }
            });
    });
}

void ContainerRuntime::stopProcess(std::function<void()> then)
{
    m_busy = true;
    m_startInFlight = false; // a start still in flight is superseded (its answer is ignored)
    m_expectExit = true;
    const quint64 gen = ++m_generation;
    if (m_record.state == ContainerState::Suspended) // a paused process cannot handle SIGTERM
        m_deps.engine.unpauseContainer(m_record.dto.containerId, this,
                                       [](const docker::DockerResult<void> &) {});
    setState(ContainerState::Stopping);
    message(QStringLiteral("Server is stopping"));
    m_deps.engine.stopContainer(
        m_record.dto.containerId, m_deps.config.containers.stopTimeoutS, this,
        [this, gen, then](const docker::DockerResult<void> &r) {
            if (gen != m_generation)
                return;
            if (!r.ok() && outcomeUnknown(r.error)) // the process may be gone, or not: ask
                return settle(gen);
            closeStreams();
            if (!r.ok() && !r.error.isNotFound()) {
                m_busy = false;
                setState(ContainerState::Failed,
                         engineFailure(m_record.dto.internalId, QStringLiteral("stop failed"), r.error));
                return;
            }
            then();
        });
}

void ContainerRuntime::killProcess()
{
    m_busy = true;
    m_startInFlight = false; // a start still in flight is superseded (its answer is ignored)
    m_expectExit = true;
    const quint64 gen = ++m_generation;
    m_deps.engine.killContainer(
        m_record.dto.containerId, QStringLiteral("SIGKILL"), this,
        [this, gen](const docker::DockerResult<void> &r) {
            if (gen != m_generation)
                return;
            if (!r.ok() && outcomeUnknown(r.error))
                return settle(gen);
            if (!r.ok() && !r.error.isConflict() && !r.error.isNotFound()) {
                m_busy = false;
                return message(
                    engineFailure(m_record.dto.internalId, QStringLiteral("Kill failed"), r.error));
            }
            m_deps.engine.waitContainer(
                m_record.dto.containerId, docker::WaitCondition::NotRunning, this,
                [this, gen](const docker::DockerResult<docker::WaitResult> &) {
                    if (gen != m_generation)
                        return;
                    closeStreams();
                    m_busy = false;
                    if (m_record.state != ContainerState::Ready)
                        setState(m_record.state == ContainerState::Stopping ||
                                         canTransition(m_record.state, ContainerState::Ready)
                                     ? ContainerState::Ready
                                     : ContainerState::Failed);
                    message(QStringLiteral("Server killed"));
                });
        });
}

std::optional<DomainError> ContainerRuntime::sendCommand(const QString &command)
{
    if (auto refused = admit(Operation::Command))
        return refused;
    if (!m_attach || !m_attach->write(command.toUtf8() + '\n'))
        return DomainError(codes::InvalidState, QStringLiteral("The container's console is not attached"));
    return std::nullopt;
}
} // namespace lightd::containers
