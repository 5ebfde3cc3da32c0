#include "ws/ConsoleHub.h"

#include "containers/ConsoleCommand.h"
#include "lightd/ContainerStats.h"
#include "lightd/ErrorCodes.h"
#include "lightd/Events.h"
#include "lightd/JsonUtil.h"
#include "lightd/Keys.h"
#include "metrics/Counters.h"
#include "volumes/VolumeRegistry.h"
#include "ws/ServerFrame.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace lightd::ws {
using containers::ContainerRuntime;
using Kind = ViewerSession::Kind;

ConsoleHub::ConsoleHub(ContainerRuntime *runtime, volumes::VolumeRegistry &volumes, const Config &config,
                       QObject *parent)
    : QObject(parent), m_runtime(runtime), m_volumes(volumes), m_config(config)
{
    m_window.start();
    m_clock.start();
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_flushTimer, &QTimer::timeout, this, &ConsoleHub::flush);
    m_episodeTimer.setInterval(m_config.console.throttleIntervalMs);
    connect(&m_episodeTimer, &QTimer::timeout, this, [this] {
        if (m_window.elapsed() >= m_config.console.throttleIntervalMs)
            rollWindow();
    });
    connect(runtime, &ContainerRuntime::stateChanged, this,
            [this](ContainerState s) { broadcast(events::State, toString(s), Kind::Control); });
    connect(runtime, &ContainerRuntime::consoleLine, this,
            [this](quint64 seq, const QString &line) { onConsoleLine(seq, line); });
    connect(runtime, &ContainerRuntime::installLine, this,
            [this](const QString &line) { broadcast(events::Install, line, Kind::Line); });
    connect(runtime, &ContainerRuntime::daemonMessage, this,
            [this](const QString &m) { broadcast(events::DaemonMessage, m, Kind::Control); });
    connect(runtime, &ContainerRuntime::statsSample, this,
            [this](const containers::StatsSample &) { broadcast(events::Stats, statsData(), Kind::Sample); });
}

ConsoleHub::~ConsoleHub()
{
    for (auto *v : std::as_const(m_viewers))
        v->disconnect(this);
    if (!m_viewers.isEmpty() && m_runtime)
        m_runtime->releaseStats();
}

QByteArray ConsoleHub::message(QLatin1StringView event, const QJsonValue &data)
{
    return json::encode(QJsonObject{{events::FieldEvent, event}, {events::FieldData, data}});
}

QByteArray ConsoleHub::logsMessage(int lines) const
{
    const auto tail = m_runtime->historyTail(lines);
    QJsonArray history, seqs;
    for (qsizetype i = 0; i < tail.lines.size(); ++i) {
        history.append(tail.lines.at(i));
        seqs.append(qint64(tail.firstSeq) + i);
    }
    return json::encode(QJsonObject{
        {events::FieldEvent, events::Logs}, {events::FieldData, history}, {events::FieldSeqs, seqs}});
}

void ConsoleHub::broadcast(QLatin1StringView event, const QJsonValue &data, ViewerSession::Kind kind)
{
    if (m_viewers.isEmpty())
        return;
    broadcast(message(event, data), kind);
}

void ConsoleHub::broadcast(const QByteArray &message, ViewerSession::Kind kind)
{
    if (m_viewers.isEmpty())
        return;
    // Lines join the open chunk up to a size that keeps one viewer's write small; other kinds stand
    // alone so a slow viewer can drop lines around them.
    constexpr qsizetype chunkBytes = 16 * 1024;
    if (m_pending.isEmpty() || kind != Kind::Line || m_pending.last().kind != Kind::Line ||
        m_pending.last().bytes.size() >= chunkBytes)
        m_pending.append({QByteArray(), kind, 0});
    auto &chunk = m_pending.last();
    appendFrame(chunk.bytes, message); // framed once, whatever the number of viewers
    ++chunk.frames;
    if (!m_flushPosted) {
        m_flushPosted = true;
        const qint64 waitMs = (m_nextFlushNs - m_clock.nsecsElapsed()) / 1000000;
        if (waitMs > 0)
            m_flushTimer.start(int(waitMs));
        else
            QMetaObject::invokeMethod(this, &ConsoleHub::flush, Qt::QueuedConnection);
    }
}

void ConsoleHub::flush()
{
    m_flushPosted = false;
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    const qint64 start = m_clock.nsecsElapsed();
    const QList<ViewerSession::Chunk> chunks = std::exchange(m_pending, {});
    const QList<ViewerSession *> viewers = m_viewers; // a viewer may close (and leave) while sent to
    for (auto *v : viewers) {
        for (const auto &c : chunks)
            v->send(c);
    }
    // A write costs about the same whatever it carries: when writing to every viewer takes long,
    // frames gather a little longer (at most 25 ms) so that fan-out stays a fraction of the loop.
    constexpr qint64 spacing = 3, maxWaitNs = 25'000'000;
    const qint64 end = m_clock.nsecsElapsed();
    m_nextFlushNs = end + std::min(spacing * (end - start), maxWaitNs);
}

void ConsoleHub::rollWindow()
{
    // The window that just ended was over the limit only if it had too many lines and no empty
    // window came between it and now.
    const bool overloaded = m_windowLines > m_config.console.throttleLines &&
                            m_window.elapsed() < 2 * qint64(m_config.console.throttleIntervalMs);
    if (m_throttling && !overloaded) {
        m_throttling = false;
        m_episodeTimer.stop();
        broadcast(events::DaemonMessage,
                  QStringLiteral(
                      "Console output resumed; %1 lines were not shown (see the logs endpoint for history)")
                      .arg(m_skipped),
                  Kind::Control);
        m_skipped = 0;
    }
    m_window.restart();
    m_windowLines = 0;
}

void ConsoleHub::onConsoleLine(quint64 seq, const QString &line)
{
    if (m_window.elapsed() >= m_config.console.throttleIntervalMs)
        rollWindow();
    if (++m_windowLines > m_config.console.throttleLines) {
        if (!m_throttling) {
            m_throttling = true;
            m_episodeTimer.start();
            broadcast(events::DaemonMessage,
                      QStringLiteral("Console output is being throttled (more than %1 lines per %2 ms)")
                          .arg(m_config.console.throttleLines)
                          .arg(m_config.console.throttleIntervalMs),
                      Kind::Control);
        }
        ++m_skipped;
        metrics::Counters::add(metrics::counters().consoleLinesThrottled);
        return;
    }
    if (m_viewers.isEmpty())
        return;
    broadcast(json::encode(QJsonObject{{events::FieldEvent, events::Console},
                                       {events::FieldData, line},
                                       {events::FieldSeq, qint64(seq)}}),
              Kind::Line);
}

QJsonObject ConsoleHub::statsData() const
{
    ContainerStats s;
    if (m_runtime) {
        if (const auto last = m_runtime->lastStats()) {
            s.cpuAbsolute = last->cpuAbsolute;
            s.memoryBytes = last->memoryBytes;
            s.memoryLimitBytes = last->memoryLimitBytes;
            s.rxBytes = last->rxBytes;
            s.txBytes = last->txBytes;
        }
        s.uptime = m_runtime->uptimeMs() / 1000;
        s.state = toString(m_runtime->state());
        try {
            s.diskBytes = m_volumes.get(m_runtime->record().dto.volumeId).usedBytes;
        } catch (...) {
        }
    }
    return s.toJson();
}

void ConsoleHub::addViewer(ViewerSession *viewer)
{
    if (!m_runtime) {
        viewer->close(1001, QStringLiteral("container removed"));
        return;
    }
    // State, then history (and the install output so far), then live: all on this thread, so no
    // line can fall between them. Lines still pending are in the history (or the install output)
    // already: they go to the earlier viewers only.
    flush();
    viewer->sendText(message(events::State, toString(m_runtime->state())), Kind::Control);
    viewer->sendText(logsMessage(m_config.websocket.historyLines), Kind::Control);
    // A console opened mid-install sees the install's output from its first line.
    if (m_runtime->state() == ContainerState::Installing) {
        ViewerSession::Chunk replay{QByteArray(), Kind::Line, 0};
        for (const auto &l : m_runtime->installOutput()) {
            appendFrame(replay.bytes, message(events::Install, l));
            ++replay.frames;
        }
        if (replay.frames > 0)
            viewer->send(replay);
    }
    m_viewers.append(viewer);
    if (m_viewers.size() == 1 && m_runtime) // the hub holds the stats stream while anyone watches
        m_runtime->holdStats();
    connect(viewer, &ViewerSession::messageReceived, this,
            [this, viewer](const QString &t) { onMessage(viewer, t); });
    connect(viewer, &ViewerSession::rateLimited, this, [viewer] {
        viewer->sendText(
            message(events::Error,
                    QJsonObject{{keys::Code, codes::RateLimited},
                                {keys::Message, QStringLiteral("Too many messages; slow down")}}),
            Kind::Control);
    });
    connect(viewer, &ViewerSession::closed, this, [this, viewer] {
        if (m_viewers.removeAll(viewer) > 0 && m_viewers.isEmpty() && m_runtime)
            m_runtime->releaseStats();
        viewer->deleteLater();
    });
}

void ConsoleHub::onMessage(ViewerSession *viewer, const QString &text)
{
    flush(); // what this viewer asks for comes after what it was already sent
    auto error = [viewer](QLatin1StringView code, const QString &why) {
        viewer->sendText(message(events::Error, QJsonObject{{keys::Code, code}, {keys::Message, why}}),
                         Kind::Control);
    };
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return error(codes::InvalidJson,
                     QStringLiteral("Messages must be JSON objects with an \"event\" field"));
    const QJsonObject msg = doc.object();
    const QString event = msg.value(events::FieldEvent).toString();
    if (!m_runtime)
        return error(codes::ContainerNotFound, QStringLiteral("Container not found"));
    if (event == events::SendCommand) {
        const QJsonValue value = msg.value(keys::Command);
        if (!value.isString())
            return error(codes::InvalidField, QStringLiteral("'command' must be a string"));
        QString why;
        const auto cmd = containers::consoleCommand(value.toString(), &why);
        if (!cmd)
            return error(codes::InvalidField, QStringLiteral("'command' ") + why);
        if (auto err = m_runtime->sendCommand(*cmd))
            return error(QLatin1StringView(err->code().toLatin1()), err->message());
    } else if (event == events::Power) {
        const auto action = containers::powerActionFromString(msg.value(QStringLiteral("action")).toString());
        if (!action)
            return error(codes::InvalidField,
                         QStringLiteral("'action' must be start, stop, restart, kill, suspend or resume"));
        if (auto err = m_runtime->requestPower(*action))
            return error(QLatin1StringView(err->code().toLatin1()), err->message());
    } else if (event == events::RequestLogs) {
        const QJsonValue linesValue = msg.value(keys::Lines);
        const int lines = linesValue.isUndefined() ? m_config.websocket.historyLines : linesValue.toInt(-1);
        if (!containers::ConsoleHistory::validRequest(lines))
            return error(codes::InvalidField,
                         QStringLiteral("'lines' must be %1").arg(containers::ConsoleHistory::requestRule()));
        viewer->sendText(logsMessage(lines), Kind::Control);
    } else if (event == events::RequestStats) {
        viewer->sendText(message(events::Stats, statsData()), Kind::Control);
    } else {
        error(codes::BadRequest, QStringLiteral("Unknown event '%1'").arg(event));
    }
}

void ConsoleHub::notice(const QString &text)
{
    broadcast(events::DaemonMessage, text, Kind::Control);
}

void ConsoleHub::containerRemoved()
{
    const QString last = m_runtime ? toString(m_runtime->state()) : QStringLiteral("ready");
    broadcast(events::State, last, Kind::Control);
    broadcast(events::DaemonMessage, QStringLiteral("Container deleted"), Kind::Control);
    flush(); // before the close frames
    const auto viewers = m_viewers;
    for (auto *v : viewers)
        v->close(1000, QStringLiteral("container deleted"));
}
} // namespace lightd::ws
