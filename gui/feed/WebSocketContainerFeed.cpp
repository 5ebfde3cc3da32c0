#include "feed/WebSocketContainerFeed.h"

#include "feed/RestContainerFeed.h"
#include "lightd/ApiClient.h"
#include "lightd/ErrorCodes.h"
#include "lightd/ErrorStatus.h"

namespace lightd::gui {
namespace {
// Refusals that mean "no console for this client here", as opposed to "not right now".
bool refusalIsFinal(int status)
{
    return status == 401 || status == 403 || status == 404 || status == 405 || status == 426 || status == 501;
}
} // namespace

WebSocketContainerFeed::WebSocketContainerFeed(ApiClient *client, const QString &internalId, QObject *parent)
    : ContainerFeed(parent), m_client(client), m_id(internalId)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &WebSocketContainerFeed::open);
    m_flush.setSingleShot(true);
    m_flush.setInterval(30);
    connect(&m_flush, &QTimer::timeout, this, &WebSocketContainerFeed::flushLines);

    connect(&m_socket, &ConsoleSocket::connected, this, &WebSocketContainerFeed::onConnected);
    connect(&m_socket, &ConsoleSocket::disconnected, this, [this](int code, const QString &reason) {
        onDown(reason.isEmpty() ? tr("closed with code %1").arg(code) : reason);
    });
    connect(&m_socket, &ConsoleSocket::socketError, this, &WebSocketContainerFeed::onDown);
    connect(&m_socket, &ConsoleSocket::stateChanged, this, &WebSocketContainerFeed::setState);
    connect(&m_socket, &ConsoleSocket::consoleLine, this, [this](const QString &line, qint64 seq) {
        queueLines(RestContainerFeed::newLines(m_nextSeq, seq, {line}));
    });
    connect(&m_socket, &ConsoleSocket::installLine, this, [this](const QString &line) {
        queueLines({QStringLiteral("\x1b[2m[install]\x1b[22m ") + line});
    });
    connect(&m_socket, &ConsoleSocket::logs, this, [this](const QStringList &history, qint64 firstSeq) {
        // The daemon replays its history on every connect: add only what this viewer has not shown.
        queueLines(RestContainerFeed::newLines(m_nextSeq, firstSeq, history));
    });
    connect(&m_socket, &ConsoleSocket::stats, this, &ContainerFeed::statsReceived);
    connect(&m_socket, &ConsoleSocket::daemonMessage, this, [this](const QString &message) {
        flushLines(); // lines first, so the notice lands where it happened
        Q_EMIT notice(message);
    });
    connect(&m_socket, &ConsoleSocket::errorFrame, this, &WebSocketContainerFeed::onErrorFrame);
}

WebSocketContainerFeed::~WebSocketContainerFeed()
{
    // The socket is a member: keep its last signals from reaching a half-destroyed feed.
    disconnect(&m_socket, nullptr, this, nullptr);
}

void WebSocketContainerFeed::setBackoff(int firstMs, int maxMs)
{
    m_firstBackoffMs = firstMs;
    m_maxBackoffMs = maxMs;
    m_backoffMs = firstMs;
}

void WebSocketContainerFeed::start()
{
    setTransport(Transport::Connecting);
    open();
}

void WebSocketContainerFeed::open()
{
    if (!m_client || m_transport == Transport::Polling || m_transport == Transport::Closed)
        return;
    ++m_attempt;
    m_up = false;
    m_socket.open(m_client->baseUrl(), m_id, m_client->token());
}

void WebSocketContainerFeed::onConnected()
{
    m_up = true;
    m_everLive = true;
    m_backoffMs = m_firstBackoffMs;
    if (m_announced)
        Q_EMIT notice(tr("Live console reconnected."));
    m_announced = false;
    setTransport(Transport::Live);
}

void WebSocketContainerFeed::onDown(const QString &why)
{
    // An error and a disconnect usually both report one failed attempt: handle it once.
    if (m_transport == Transport::Polling || m_transport == Transport::Closed || m_downAttempt == m_attempt)
        return;
    m_downAttempt = m_attempt;
    flushLines();
    const int refused = m_socket.refusedStatus();
    if (!m_up && refusalIsFinal(refused)) {
        checkRefusal(refused, why);
        return;
    }
    if (!m_announced) {
        m_announced = true;
        Q_EMIT notice(m_everLive ? tr("Live console connection lost (%1); reconnecting…").arg(why)
                                 : tr("The live console cannot be opened (%1); retrying…").arg(why));
    }
    setTransport(Transport::Reconnecting, why);
    scheduleReconnect();
}

void WebSocketContainerFeed::scheduleReconnect()
{
    m_retry.start(m_backoffMs);
    m_backoffMs = qMin(m_backoffMs * 2, m_maxBackoffMs);
}

// The node refused the upgrade itself. Ask REST whether the container is there: if so, the console
// is what is missing here (an older daemon, a token without a ws scope) and polling is all there is.
void WebSocketContainerFeed::checkRefusal(int status, const QString &why)
{
    if (!m_client)
        return;
    const quint64 attempt = m_attempt;
    QPointer<WebSocketContainerFeed> self(this);
    m_client->getContainer(m_id, [self, attempt, status, why](const ApiResult<ContainerDto> &r) {
        if (!self || attempt != self->m_attempt)
            return;
        if (r.ok()) {
            self->setState(r->installState);
            self->fallBackToPolling(tr("The node refused the live console (HTTP %1); showing the console by "
                                       "polling every 2 s instead.")
                                        .arg(status));
        } else if (r.error.status == 404 && r.error.code == codes::ContainerNotFound) {
            self->setTransport(Transport::Closed, tr("The container no longer exists on the node."));
            Q_EMIT self->notice(self->m_detail);
        } else {
            self->setTransport(Transport::Reconnecting, why);
            self->scheduleReconnect();
        }
    });
}

void WebSocketContainerFeed::fallBackToPolling(const QString &why)
{
    m_retry.stop();
    setTransport(Transport::Polling, why);
    Q_EMIT notice(why);
    m_rest = new RestContainerFeed(m_client, m_id, this);
    m_rest->setNextSeq(m_nextSeq); // its windows repeat what the socket may have shown
    connect(m_rest, &ContainerFeed::stateChanged, this, &WebSocketContainerFeed::setState);
    connect(m_rest, &ContainerFeed::consoleLines, this, &WebSocketContainerFeed::queueLines);
    connect(m_rest, &ContainerFeed::statsReceived, this, &ContainerFeed::statsReceived);
    connect(m_rest, &ContainerFeed::notice, this, &ContainerFeed::notice);
    connect(m_rest, &ContainerFeed::actionFailed, this, &ContainerFeed::actionFailed);
    connect(m_rest, &ContainerFeed::unavailable, this, &ContainerFeed::unavailable);
    m_rest->start();
}

void WebSocketContainerFeed::setTransport(Transport transport, const QString &detail)
{
    const bool changed = transport != m_transport || detail != m_detail;
    m_transport = transport;
    m_detail = detail;
    if (changed)
        Q_EMIT transportChanged(transport);
}

void WebSocketContainerFeed::setState(const QString &state)
{
    if (state.isEmpty() || state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void WebSocketContainerFeed::queueLines(const QStringList &lines)
{
    if (lines.isEmpty())
        return;
    m_pending += lines;
    if (!m_flush.isActive())
        m_flush.start();
}

void WebSocketContainerFeed::flushLines()
{
    m_flush.stop();
    const QStringList lines = std::exchange(m_pending, {});
    if (!lines.isEmpty())
        Q_EMIT consoleLines(lines);
}

void WebSocketContainerFeed::onErrorFrame(const QString &code, const QString &message)
{
    ApiErrorDto error;
    // `error` frames carry only a code; give them the status the same refusal has over REST, so the
    // page describes them the same way (the daemon's own table; an unknown code reads as 400).
    error.status = codes::httpStatus(code, 400);
    error.code = code;
    error.message = message;
    Q_EMIT actionFailed(m_lastAction.isEmpty() ? tr("A console request") : m_lastAction, error);
}

void WebSocketContainerFeed::sendCommand(const QString &command)
{
    if (m_rest)
        return m_rest->sendCommand(command);
    const QString action = tr("Sending the command");
    if (m_transport == Transport::Live) {
        m_lastAction = action;
        m_socket.sendCommand(command);
        return;
    }
    // Between connections the REST route still delivers it.
    if (!m_client)
        return;
    QPointer<WebSocketContainerFeed> self(this);
    m_client->sendCommand(m_id, command, [self, action](const ApiResult<QJsonObject> &r) {
        if (self && !r.ok())
            Q_EMIT self->actionFailed(action, r.error);
    });
}

void WebSocketContainerFeed::power(const QString &verb)
{
    if (m_rest)
        return m_rest->power(verb);
    const QString action = tr("The %1 action").arg(verb);
    if (m_transport == Transport::Live) {
        m_lastAction = action;
        m_socket.power(verb);
        return;
    }
    if (!m_client)
        return;
    QPointer<WebSocketContainerFeed> self(this);
    m_client->power(m_id, verb, [self, action](const ApiResult<QJsonObject> &r) {
        if (!self)
            return;
        if (r.ok())
            Q_EMIT self->notice(r->value(QLatin1StringView("message")).toString());
        else
            Q_EMIT self->actionFailed(action, r.error);
    });
}
} // namespace lightd::gui
