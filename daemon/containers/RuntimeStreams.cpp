#include "containers/ContainerRuntime.h"

#include "containers/ContainerSpec.h"
#include "containers/ContainersLog.h"
#include "docker/DockerStream.h"
#include "metrics/Counters.h"

#include <QJsonObject>
#include <QTimer>

// The engine streams of ContainerRuntime: the one attach (console + stdin) and its lines, which
// feed the history and the start-pattern detection, held while the process runs; the stats
// stream, held only while someone looks.
namespace lightd::containers {
using docker::DockerError;

namespace {
QString stripAnsi(const QString &line)
{
    static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\\\-_]"));
    QString s = line;
    return s.remove(ansi);
}
} // namespace

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
            return;
        }
        onAttachLost(); // closeStreams() disconnects first: an end we asked for never comes here
    });
}

void ContainerRuntime::onAttachLost()
{
    // The attach ends when the process exits (its die event says so) but also while it runs on:
    // after a dockerd restart, the engine's late cleanup of the run before the kill closed the
    // stdin pipe a new attach held, and the attach ended at the first command (tst_engine_kill).
    // Without an attach the console is deaf and a start pattern can never match. So the engine is
    // asked, and while it says the process runs the console is attached again: at once, then after
    // 0.25, 0.5, 1 and 2 s, at most 5 times a run (a process whose output ends is not a loop).
    if (m_destroyed || m_expectExit)
        return;
    const quint64 gen = m_generation;
    if (m_reattachGen != gen) {
        m_reattachGen = gen;
        m_reattaches = 0;
    }
    if (m_reattaches >= 5) {
        qCWarning(lcContainers).noquote()
            << m_record.dto.internalId << "console stream lost again; not re-attaching";
        return;
    }
    const int delayMs = m_reattaches == 0 ? 0 : 125 << m_reattaches;
    ++m_reattaches;
    QTimer::singleShot(delayMs, this, [this, gen] {
        if (gen != m_generation || m_destroyed || attachOpen())
            return;
        m_deps.engine.inspectContainer(
            m_record.dto.containerId, this, [this, gen](const docker::DockerResult<QJsonObject> &r) {
                if (gen != m_generation || m_destroyed || attachOpen() || !r.ok() ||
                    !r.value.value(QStringLiteral("State"))
                         .toObject()
                         .value(QStringLiteral("Running"))
                         .toBool())
                    return; // gone: its die event (or the next reconcile) ends the run
                qCInfo(lcContainers).noquote()
                    << m_record.dto.internalId
                    << "the engine ended the console stream of a running process; attaching again";
                openStreams([](bool) {});
            });
    });
}

void ContainerRuntime::closeStreams()
{
    if (m_attach) {
        m_attach->disconnect(this);
        m_attach->close();
        m_attach->deleteLater();
    }
    m_attach = nullptr;
    closeStats();
}

void ContainerRuntime::closeStats()
{
    if (m_stats) {
        m_stats->disconnect(this);
        m_stats->close();
        m_stats->deleteLater();
    }
    m_stats = nullptr;
}

void ContainerRuntime::holdStats()
{
    ++m_statsHolds;
    m_statsLinger.stop();
    syncStats();
}

void ContainerRuntime::releaseStats()
{
    if (m_statsHolds > 0 && --m_statsHolds == 0 && m_statsLinger.interval() > 0)
        m_statsLinger.start(); // a viewer that reconnects at once finds the stream still open
    syncStats();
}

void ContainerRuntime::syncStats()
{
    const bool up = m_runningSince.isValid() && (m_record.state == ContainerState::Running ||
                                                 m_record.state == ContainerState::Starting ||
                                                 m_record.state == ContainerState::Suspended);
    const bool wanted = up && !m_destroyed && (m_statsHolds > 0 || m_statsLinger.isActive());
    if (!wanted) {
        closeStats();
        return;
    }
    if (statsOpen())
        return;
    closeStats(); // one the engine ended: replaced
    m_stats = m_deps.engine.stats(m_record.dto.containerId, true, this);
    connect(m_stats, &docker::DockerStream::jsonObject, this, [this](const QJsonObject &o) {
        m_lastStats = computeStats(o);
        Q_EMIT statsSample(*m_lastStats);
    });
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
} // namespace lightd::containers
