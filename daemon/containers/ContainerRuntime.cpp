#include "containers/ContainerRuntime.h"

#include "containers/ContainerSpec.h"
#include "containers/ContainersLog.h"
#include "containers/EngineErrors.h"
#include "containers/MountPolicy.h"
#include "containers/ScriptDir.h"
#include "docker/DockerStream.h"
#include "lightd/ErrorCodes.h"
#include "metrics/Counters.h"
#include "storage/Repositories.h"

namespace lightd::containers {
using docker::DockerError;

namespace {
qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

QString stripAnsi(const QString &line)
{
    static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\\\-_]"));
    QString s = line;
    return s.remove(ansi);
}
} // namespace

ContainerRuntime::ContainerRuntime(ContainerRecord record, ContainerPaths paths, Deps deps, QObject *parent)
    : QObject(parent), m_record(std::move(record)), m_paths(std::move(paths)), m_deps(deps),
      m_history(deps.config.console.historyLines)
{
    if (m_record.dto.startPattern)
        m_pattern = spec::startPatternRegex(*m_record.dto.startPattern);
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

// ---- install -------------------------------------------------------------------------------

bool ContainerRuntime::writeScripts()
{
    QString error;
    const bool ok = scriptdir::write(m_paths.dataDir,
                                     {{"entrypoint.sh", dockerspec::entrypointScript()},
                                      {"startup.sh", dockerspec::startupScript(m_record.dto.startupCommand)},
                                      {"install.sh", dockerspec::installScript(m_record.installScript)}},
                                     &error);
    if (!ok)
        qCCritical(lcContainers).noquote() << m_record.dto.internalId << error;
    return ok;
}

void ContainerRuntime::install()
{
    m_busy = true;
    if (m_record.state != ContainerState::Installing && !setState(ContainerState::Installing)) {
        m_busy = false;
        return;
    }
    m_installOutput.clear();
    if (!writeScripts())
        return fail(QStringLiteral("cannot write the container's scripts"));
    ensureImage([this](bool ok) {
        if (!ok)
            return;
        runInstallScript([this](bool ok2) {
            if (!ok2)
                return;
            removeDocker(m_record.dockerName(), [this] {
                createServerContainer([this](bool ok3) {
                    if (!ok3)
                        return;
                    m_busy = false;
                    setState(ContainerState::Ready);
                    message(QStringLiteral("Installation complete"));
                });
            });
        });
    });
}

void ContainerRuntime::ensureImage(std::function<void(bool)> next)
{
    m_deps.engine.inspectImage(
        m_record.dto.image, this, [this, next](const docker::DockerResult<QJsonObject> &r) {
            if (r.ok())
                return next(true);
            if (!r.error.isNotFound())
                return fail(engineFailure(m_record.dto.internalId,
                                          QStringLiteral("cannot inspect image %1").arg(m_record.dto.image),
                                          r.error));
            installOutputLine(QStringLiteral("Pulling image %1").arg(m_record.dto.image));
            m_deps.engine.pullImage(
                m_record.dto.image, QByteArray(), this,
                [this](const QJsonObject &p) {
                    QString line = p.value(QStringLiteral("status")).toString();
                    if (p.contains(QStringLiteral("id")))
                        line = p.value(QStringLiteral("id")).toString() + QStringLiteral(": ") + line;
                    if (p.contains(QStringLiteral("progress")))
                        line += QLatin1Char(' ') + p.value(QStringLiteral("progress")).toString();
                    installOutputLine(line);
                },
                [this, next](const docker::DockerResult<void> &pr) {
                    if (!pr.ok())
                        return fail(engineFailure(m_record.dto.internalId,
                                                  QStringLiteral("image pull failed"), pr.error));
                    next(true);
                });
        });
}

void ContainerRuntime::runInstallScript(std::function<void(bool)> next)
{
    if (m_record.installScript.trimmed().isEmpty())
        return next(true);
    const QString name = dockerspec::installContainerName(m_record);
    // Leftover install containers of this record (also under an earlier version's name) go first.
    removeOwn(QStringLiteral("install"), [this, name, next] {
        createDocker(
            name, dockerspec::installConfig(m_record, m_paths, policy()),
            [this, name, next](const docker::DockerResult<docker::CreatedContainer> &c) {
                if (!c.ok())
                    return fail(engineFailure(m_record.dto.internalId,
                                              QStringLiteral("cannot create install container"), c.error));
                auto lines = std::make_shared<QStringList>();
                auto assembler = std::make_shared<LineAssembler>();
                const QString id = c.value.id;
                m_deps.engine.startContainer(
                    id, this, [this, id, name, next, lines, assembler](const docker::DockerResult<void> &s) {
                        if (!s.ok())
                            return removeDocker(name, [this, s] {
                                fail(engineFailure(m_record.dto.internalId,
                                                   QStringLiteral("cannot start install container"),
                                                   s.error));
                            });
                        // The output through the engine's log of the container, followed until it stops: it
                        // holds everything from the first byte, so nothing is lost and nothing is doubled
                        // (an attach opened before the start may replay lines it also streams).
                        docker::LogsOptions lo;
                        lo.follow = true;
                        auto *stream = m_deps.engine.logs(id, lo, this);
                        connect(stream, &docker::DockerStream::data, this,
                                [this, lines, assembler](int, const QByteArray &bytes) {
                                    for (const auto &l : assembler->feed(bytes)) {
                                        lines->append(l);
                                        if (lines->size() > 20)
                                            lines->removeFirst();
                                        installOutputLine(l);
                                    }
                                });
                        m_deps.engine.waitContainer(
                            id, docker::WaitCondition::NotRunning, this,
                            [this, name, next, lines, assembler,
                             stream](const docker::DockerResult<docker::WaitResult> &w) {
                                // Give the log stream the rest of the output before judging.
                                auto finish = [this, name, next, lines, assembler, w, stream] {
                                    for (const auto &l : assembler->flush()) {
                                        lines->append(l);
                                        installOutputLine(l);
                                    }
                                    stream->deleteLater();
                                    removeDocker(name, [this, next, lines, w] {
                                        if (!w.ok())
                                            return fail(engineFailure(
                                                m_record.dto.internalId,
                                                QStringLiteral("install container wait failed"), w.error));
                                        if (w.value.statusCode != 0) {
                                            return fail(
                                                QStringLiteral("install script exited with code %1: %2")
                                                    .arg(w.value.statusCode)
                                                    .arg(lines->mid(std::max<qsizetype>(0, lines->size() - 5))
                                                             .join(QStringLiteral(" | "))));
                                        }
                                        installOutputLine(QStringLiteral("Install script finished"));
                                        next(true);
                                    });
                                };
                                if (stream->isFinished())
                                    finish();
                                else
                                    connect(stream, &docker::DockerStream::finished, this, finish,
                                            Qt::SingleShotConnection);
                            });
                    });
            });
    });
}

void ContainerRuntime::createServerContainer(std::function<void(bool)> next)
{
    // Custom mounts are resolved again now: the engine binds the real path checked at this moment.
    ContainerPaths paths = m_paths;
    for (auto it = m_record.dto.mount.cbegin(); it != m_record.dto.mount.cend(); ++it) {
        QString why;
        const QString real = mounts::resolve(m_deps.config, it.value(), &why);
        if (real.isEmpty()) {
            fail(QStringLiteral("custom mount %1 refused: %2").arg(it.key(), why));
            return next(false);
        }
        paths.mounts.insert(it.key(), real);
    }
    createDocker(m_record.dockerName(), dockerspec::serverConfig(m_record, paths, policy()),
                 [this, next](const docker::DockerResult<docker::CreatedContainer> &c) {
                     if (!c.ok()) {
                         fail(engineFailure(m_record.dto.internalId,
                                            QStringLiteral("cannot create container"), c.error));
                         return next(false);
                     }
                     m_record.dto.containerId = c.value.id;
                     persist();
                     next(true);
                 });
}

void ContainerRuntime::removeDocker(const QString &name, std::function<void()> next)
{
    if (m_destroyed)
        return; // a deleted container's flows end here; destroy() removes what they made
    m_deps.engine.removeContainer(name, true, false, this, [this, next](const docker::DockerResult<void> &) {
        if (!m_destroyed)
            next();
    });
}

HostPolicy ContainerRuntime::policy() const
{
    const auto &c = m_deps.config.containers;
    return {c.logMaxMb, c.logMaxFiles, c.pidsLimit};
}

void ContainerRuntime::createDocker(const QString &name, const QJsonObject &config,
                                    docker::DockerCallback<docker::CreatedContainer> next)
{
    if (m_destroyed)
        return;
    ++m_creating;
    m_deps.engine.createContainer(name, config, this,
                                  [this, next](const docker::DockerResult<docker::CreatedContainer> &c) {
                                      --m_creating;
                                      if (!m_destroyed)
                                          return next(c);
                                      // Deleted meanwhile: what the engine just made goes too.
                                      if (m_creating == 0 && m_purgeWhenCreated) {
                                          auto done = std::exchange(m_purgeWhenCreated, nullptr);
                                          purge(std::move(done));
                                      }
                                  });
}

// Containers are found by their labels, never by a name prefix.
void ContainerRuntime::listOwn(const QString &role, std::function<void(const QStringList &ids)> next)
{
    QJsonArray labels{QStringLiteral("lightd.internal_id=") + m_record.dto.internalId};
    if (!role.isEmpty())
        labels.append(QStringLiteral("lightd.role=") + role);
    m_deps.engine.listContainers(QJsonObject{{QStringLiteral("label"), labels}}, this,
                                 [next](const docker::DockerResult<QJsonArray> &r) {
                                     QStringList ids;
                                     for (const auto &c : r.value)
                                         ids.append(c.toObject().value(QStringLiteral("Id")).toString());
                                     next(ids);
                                 });
}

void ContainerRuntime::removeIds(QStringList ids, std::function<void()> next)
{
    if (ids.isEmpty())
        return next();
    const QString id = ids.takeFirst();
    m_deps.engine.removeContainer(
        id, true, false, this,
        [this, ids, next](const docker::DockerResult<void> &) { removeIds(ids, next); });
}

void ContainerRuntime::removeOwn(const QString &role, std::function<void()> next)
{
    if (m_destroyed)
        return;
    listOwn(role, [this, next](const QStringList &ids) {
        removeIds(ids, [this, next] {
            if (!m_destroyed)
                next();
        });
    });
}

void ContainerRuntime::purge(std::function<void()> done)
{
    // By label (every role, any name an earlier version gave), then by the server's name in case the
    // engine could not list.
    listOwn(QString(), [this, done](const QStringList &ids) {
        removeIds(ids, [this, done] {
            m_deps.engine.removeContainer(m_record.dockerName(), true, false, this,
                                          [done](const docker::DockerResult<void> &) { done(); });
        });
    });
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
                if (!r.ok())
                    return message(
                        engineFailure(m_record.dto.internalId, QStringLiteral("Resume failed"), r.error));
                // back to where it was: a server paused before its start_pattern matched is still starting
                setState(m_suspendedFrom == ContainerState::Starting && m_pattern ? ContainerState::Starting
                                                                                  : ContainerState::Running);
            });
        break;
    }
    return std::nullopt;
}

void ContainerRuntime::startProcess()
{
    m_busy = true;
    m_startInFlight = true;
    m_diedDuringStart = false;
    m_expectExit = false;
    const quint64 gen = ++m_generation;
    setState(ContainerState::Starting);
    m_runningSince.invalidate();
    // Attach before start, so the first output lines are not lost.
    openStreams([this, gen](bool attached) {
        if (gen != m_generation)
            return;
        if (!attached) {
            m_startInFlight = false;
            m_busy = false;
            setState(ContainerState::Ready, QStringLiteral("cannot attach to the container"));
            return message(QStringLiteral("Start failed: cannot attach to the container"));
        }
        m_startRequestedNs = QDateTime::currentMSecsSinceEpoch() * 1000000;
        m_deps.engine.startContainer(
            m_record.dto.containerId, this, [this, gen](const docker::DockerResult<void> &r) {
                if (gen != m_generation)
                    return;
                if (m_startInFlight) { // else the start_pattern matched first and ended the start already
                    m_startInFlight = false;
                    m_busy = false;
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
                m_stats = m_deps.engine.stats(m_record.dto.containerId, true, this);
                connect(m_stats, &docker::DockerStream::jsonObject, this, [this](const QJsonObject &o) {
                    m_lastStats = computeStats(o);
                    Q_EMIT statsSample(*m_lastStats);
                });
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

// ---- streams -------------------------------------------------------------------------------

void ContainerRuntime::openStreams(std::function<void(bool)> attached)
{
    closeStreams();
    docker::AttachOptions opts;
    opts.logs = false;
    m_attach = m_deps.engine.attach(m_record.dto.containerId, opts, this);
    auto reported = std::make_shared<bool>(false);
    connect(m_attach, &docker::DockerStream::data, this,
            [this](int, const QByteArray &b) { onConsoleBytes(b); });
    connect(m_attach, &docker::DockerStream::started, this, [reported, attached] {
        if (!*reported) {
            *reported = true;
            attached(true);
        }
    });
    connect(m_attach, &docker::DockerStream::finished, this, [this, reported, attached](const DockerError &) {
        for (const auto &l : m_lines.flush())
            handleLine(l);
        if (!*reported) {
            *reported = true;
            attached(false);
        }
    });
}

void ContainerRuntime::closeStreams()
{
    if (m_attach) {
        m_attach->disconnect(this);
        m_attach->close();
        m_attach->deleteLater();
    }
    if (m_stats) {
        m_stats->disconnect(this);
        m_stats->close();
        m_stats->deleteLater();
    }
    m_attach = nullptr;
    m_stats = nullptr;
}

void ContainerRuntime::onConsoleBytes(const QByteArray &bytes)
{
    for (const auto &l : m_lines.feed(bytes))
        handleLine(l);
}

void ContainerRuntime::handleLine(const QString &line)
{
    const quint64 seq = m_history.append(line);
    metrics::Counters::add(metrics::counters().consoleLinesIn);
    Q_EMIT consoleLine(seq, line);
    if (m_record.state == ContainerState::Starting && m_pattern &&
        m_pattern->match(stripAnsi(line.left(spec::kPatternLineChars))).hasMatch()) {
        // The output can overtake the engine's answer to the start: once the server says it is up,
        // the start is over and the next power action may begin.
        if (m_startInFlight) {
            m_startInFlight = false;
            m_busy = false;
        }
        setState(ContainerState::Running);
        message(QStringLiteral("Server marked as running"));
    }
}

// ---- engine events, crashes, recovery --------------------------------------------------------

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
            if (!m_deps.config.containers.crashRestart)
                return;
            const qint64 t = now();
            if (m_lastCrashRestart != 0 && t - m_lastCrashRestart < m_deps.config.containers.crashWindowS) {
                message(QStringLiteral("Server crashed again within %1 s: not restarting it automatically")
                            .arg(m_deps.config.containers.crashWindowS));
                return;
            }
            m_lastCrashRestart = t;
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
