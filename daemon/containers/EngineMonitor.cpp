#include "containers/EngineMonitor.h"

#include "containers/ContainersLog.h"
#include "docker/DockerStream.h"

#include <QEventLoop>
#include <QJsonArray>

namespace lightd::containers {
EngineMonitor::EngineMonitor(docker::ContainerEngine &engine, QObject *parent)
    : QObject(parent), m_engine(engine)
{
    m_probe.setInterval(2000);
    connect(&m_probe, &QTimer::timeout, this, &EngineMonitor::probe);
}

EngineMonitor::~EngineMonitor()
{
    if (m_events)
        m_events->close();
}

void EngineMonitor::start(int firstProbeMs)
{
    // A down engine answers at once (connection refused); a hung socket gets firstProbeMs, then the
    // periodic probe takes over.
    QEventLoop loop;
    QTimer::singleShot(firstProbeMs, &loop, &QEventLoop::quit);
    m_engine.ping(this, [this, guard = QPointer<QEventLoop>(&loop)](const docker::DockerResult<QString> &r) {
        if (!r.ok()) {
            setUp(false);
            if (guard)
                guard->quit();
            return;
        }
        // Which engine it is, before the first create is built (within the same first-probe time).
        learnEngine([this, guard] {
            setUp(true);
            if (guard)
                guard->quit();
        });
    });
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    m_probe.start();
}

void EngineMonitor::probe()
{
    if (m_up && m_events)
        return; // the events stream is our liveness signal while it lasts
    m_engine.ping(this, [this](const docker::DockerResult<QString> &r) {
        if (!r.ok() || m_up)
            return setUp(r.ok());
        learnEngine([this] { setUp(true); });
    });
}

void EngineMonitor::learnEngine(std::function<void()> then)
{
    m_engine.version(this, [this, then](const docker::DockerResult<QJsonObject> &r) {
        if (r.ok()) {
            bool podman = false;
            for (const auto &c : r.value.value(QStringLiteral("Components")).toArray())
                podman |=
                    c.toObject().value(QStringLiteral("Name")).toString().contains(QLatin1String("Podman"));
            if (podman != m_podman)
                qCInfo(lcContainers) << "engine is" << (podman ? "Podman" : "Docker");
            m_podman = podman;
        }
        then();
    });
}

void EngineMonitor::setUp(bool up)
{
    if (up == m_up)
        return;
    m_up = up;
    qCInfo(lcContainers) << "docker engine" << (up ? "available" : "unavailable");
    if (up)
        openEvents();
    Q_EMIT availabilityChanged(up);
}

void EngineMonitor::openEvents()
{
    if (m_events)
        m_events->close();
    docker::EventsOptions opts;
    opts.filters =
        QJsonObject{{QStringLiteral("type"), QJsonArray{QStringLiteral("container")}},
                    {QStringLiteral("label"), QJsonArray{QStringLiteral("lightd.role=server")}},
                    // die/oom: exits and crashes; start/kill/pause/unpause: what was done behind
                    // lightd's back (docker start/stop/kill/pause) or completed after a timeout
                    {QStringLiteral("event"),
                     QJsonArray{QStringLiteral("die"), QStringLiteral("oom"), QStringLiteral("start"),
                                QStringLiteral("kill"), QStringLiteral("pause"), QStringLiteral("unpause")}}};
    m_events = m_engine.events(opts, this);
    connect(m_events, &docker::DockerStream::jsonObject, this, [this](const QJsonObject &e) {
        const QString id = e.value(QStringLiteral("Actor"))
                               .toObject()
                               .value(QStringLiteral("Attributes"))
                               .toObject()
                               .value(QStringLiteral("lightd.internal_id"))
                               .toString();
        Q_EMIT containerEvent(
            id, e.value(QStringLiteral("Action")).toString(e.value(QStringLiteral("status")).toString()), e);
    });
    connect(m_events, &docker::DockerStream::finished, this, [this](const docker::DockerError &err) {
        if (err.kind == docker::DockerError::Kind::Cancelled)
            return;
        qCWarning(lcContainers) << "docker events stream ended:" << err.toString();
        m_events = nullptr;
        setUp(false);
    });
}
} // namespace lightd::containers
