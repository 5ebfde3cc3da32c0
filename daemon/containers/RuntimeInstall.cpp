#include "containers/ContainerRuntime.h"

#include "containers/ContainersLog.h"
#include "containers/EngineErrors.h"
#include "containers/MountPolicy.h"
#include "containers/ScriptDir.h"
#include "docker/DockerStream.h"

#include <QTimer>

// The install flow of ContainerRuntime (scripts, pull, install script, create), as Wings keeps its
// server's installer apart from its power handling.
namespace lightd::containers {
using docker::DockerError;

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
                                auto done = std::make_shared<bool>(false);
                                auto finish = [this, name, next, lines, assembler, w, stream, done] {
                                    if (std::exchange(*done, true))
                                        return;
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
                                    return finish();
                                connect(stream, &docker::DockerStream::finished, this, finish,
                                        Qt::SingleShotConnection);
                                // Podman 4.3 may keep a followed log open after a container that
                                // exited at once: the exit is known, the output waits 2 s at most.
                                QTimer::singleShot(2000, stream, finish);
                            });
                    });
            });
    });
}

void ContainerRuntime::createServerContainer(std::function<void(bool)> next, bool forStart)
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
                 [this, next, forStart](const docker::DockerResult<docker::CreatedContainer> &c) {
                     if (!c.ok() && forStart && outcomeUnknown(c.error)) {
                         // The engine went away while a start made the container again: no fault of
                         // the container. Ready, told why; its return (reconcile) or the next start
                         // makes it again (tst_crash_consistency cuts the engine exactly so).
                         m_busy = false;
                         m_replaceBeforeStart = true;
                         const QString why =
                             engineFailure(m_record.dto.internalId, QStringLiteral("Start failed"), c.error);
                         setState(ContainerState::Ready, why);
                         message(why);
                         return next(false);
                     }
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
} // namespace lightd::containers
