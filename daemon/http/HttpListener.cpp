#include "http/HttpListener.h"

#include "app/LogContext.h"
#include "http/HttpLog.h"
#include "http/RequestId.h"
#include "http/ResponseChannel.h"
#include "lightd/ErrorCodes.h"
#include "lightd/ErrorStatus.h"

#include <QElapsedTimer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

namespace lightd::http {

struct Responder::State
{
    QPointer<ResponseChannel> channel;
    quint64 seq = 0;
    QString requestId;
    QByteArray method;
    QString path;
    QString peer;
    QByteArray corsOrigin; // Access-Control-Allow-Origin for this request, empty when none
    QString route = QStringLiteral("unmatched"); // the matched route's pattern (metrics label)
    RequestMetrics *metrics = nullptr;
    bool close = false;
    bool accessLog = true;
    bool done = false;
    QElapsedTimer clock;
    quint64 *inFlight = nullptr;
};

void Responder::send(const HttpResponse &responseIn) const
{
    if (d->done)
        return;
    HttpResponse response = responseIn;
    Cors::decorate(response, d->corsOrigin);
    d->done = true;
    if (d->inFlight)
        --*d->inFlight;
    const qint64 elapsed = d->clock.nsecsElapsed();
    if (d->accessLog)
        logAccess(d->requestId, d->peer, d->method, d->path, response.status, elapsed);
    if (d->metrics)
        d->metrics->record(d->method, d->route, response.status, elapsed);
    if (d->channel)
        d->channel->complete(d->seq, response, d->requestId, d->method == "HEAD", d->close);
}

void Responder::fail(const DomainError &error) const
{
    send(errorResponse(error));
}

bool Responder::isOpen() const
{
    return !d->done && d->channel && d->channel->socket() && d->channel->socket()->isOpen();
}

// Accepts connections itself so each socket gets its guard (and, for TLS, its configuration).
class GuardedTcpServer final : public QTcpServer
{
  public:
    GuardedTcpServer(HttpListener *listener) : QTcpServer(listener), m_listener(listener) {}

  protected:
    void incomingConnection(qintptr handle) override
    {
        QTcpSocket *socket = nullptr;
        if (m_listener->m_tls) {
            auto *ssl = new QSslSocket(this);
            ssl->setSslConfiguration(*m_listener->m_tls);
            socket = ssl;
        } else {
            socket = new QTcpSocket(this);
        }
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // A socket lives until its peer is gone (the WebSocket over it too).
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (!m_listener->admit(socket))
            return;
        m_listener->adopt(socket);
        if (auto *ssl = qobject_cast<QSslSocket *>(socket))
            ssl->startServerEncryption();
    }

  private:
    HttpListener *m_listener;
};

HttpListener::HttpListener(Router &router, Authenticate authenticate, QObject *parent)
    : QObject(parent), m_router(router), m_authenticate(std::move(authenticate))
{}

quint16 HttpListener::start(const QHostAddress &address, quint16 port)
{
    auto *server = new GuardedTcpServer(this);
    // Qt's default backlog of 50 drops SYNs when hundreds of viewers connect at once (a 1 s client
    // retry each); the kernel caps this at net.core.somaxconn.
    server->setListenBacklogSize(4096);
    if (!server->listen(address, port)) {
        m_error = server->errorString();
        delete server;
        return 0;
    }
    m_server = server;
    return server->serverPort();
}

void HttpListener::stop()
{
    if (m_server)
        m_server->close();
}

bool HttpListener::admit(QTcpSocket *socket)
{
    const QString peer = socket->peerAddress().toString();
    int &open = m_perAddress[peer];
    if (open >= m_maxPerAddress) {
        // One address holding every socket starves the others (a reverse proxy is configured higher).
        qCInfo(lcHttp).noquote() << "refused connection from" << peer << "(" << open
                                 << "open, server.max_connections_per_ip)";
        if (!qobject_cast<QSslSocket *>(socket)) // nothing readable can be said before a TLS handshake
            socket->write(ResponseChannel::serialize(
                errorResponse(DomainError::retryLater(
                    codes::RateLimited, QStringLiteral("Too many connections from this address"), 1)),
                requestId({}), false, true));
        socket->disconnectFromHost();
        QTimer::singleShot(2000, socket, [socket] { socket->abort(); });
        return false;
    }
    ++open;
    new AddressSlot(socket, this, peer);
    return true;
}

// Gives the address's slot back when its socket is deleted. A child object, not a connection to
// the socket's `destroyed`: whoever takes a socket over (a console) may disconnect its signals.
HttpListener::AddressSlot::~AddressSlot()
{
    if (!m_listener)
        return;
    auto it = m_listener->m_perAddress.find(m_peer);
    if (it != m_listener->m_perAddress.end() && --*it <= 0)
        m_listener->m_perAddress.erase(it);
    Q_EMIT m_listener->connectionClosed();
}

void HttpListener::adopt(QTcpSocket *socket)
{
    auto *channel = new ResponseChannel(socket);
    auto *guard = new ConnectionGuard(
        socket, channel, m_limits, m_upgradeCheck, m_bodyLimit,
        [this](const RequestHead &head, const QHostAddress &peer) { return uploadFor(head, peer); });
    guard->setDispatch([this, socket, channel](const RequestHead &head, QByteArray body) {
        handle(head, std::move(body), socket, channel);
    });
    guard->setAccessLog(m_accessLog);
    guard->setRefusalHook([this](const RequestHead &head, qint64 elapsedNs, HttpResponse &response) {
        Cors::decorate(response, m_cors.allowOrigin(head.header("origin")));
        m_requestMetrics.record(head.method, QStringLiteral("unmatched"), response.status, elapsedNs);
    });
    guard->setWebSocketHandoff([this](QTcpSocket *s, const RequestHead &head, const QByteArray &early) {
        m_consoles.append({s, head.target, early});
        Q_EMIT consoleConnected();
    });
}

namespace {
// The path and query of a request target: origin-form ("/a?b"), or absolute-form
// ("http://host/a?b"). The path is kept as sent, so "//volumes" is the path "//volumes".
void splitTarget(const QByteArray &target, QString &path, QUrlQuery &query)
{
    QByteArray t = target;
    if (!t.startsWith('/') && t != "*") {
        const qsizetype scheme = t.indexOf("://");
        const qsizetype slash = scheme < 0 ? -1 : t.indexOf('/', scheme + 3);
        const qsizetype mark = scheme < 0 ? -1 : t.indexOf('?', scheme + 3);
        t = slash >= 0 && (mark < 0 || slash < mark) ? t.mid(slash)
                                                     : "/" + (mark >= 0 ? t.mid(mark) : QByteArray());
    }
    const qsizetype q = t.indexOf('?');
    QUrl url;
    url.setPath(QString::fromLatin1(q < 0 ? t : t.first(q)), QUrl::TolerantMode);
    path = url.path(QUrl::FullyEncoded);
    if (path.isEmpty())
        path = QString::fromLatin1(q < 0 ? t : t.first(q));
    if (q >= 0) {
        url.setQuery(QString::fromLatin1(t.mid(q + 1)), QUrl::TolerantMode);
        query = QUrlQuery(url.query(QUrl::FullyEncoded));
    }
}
} // namespace

void HttpListener::handle(const RequestHead &head, QByteArray body, QTcpSocket *socket,
                          ResponseChannel *channel)
{
    HttpRequest req;
    req.method = head.method;
    splitTarget(head.target, req.path, req.query);
    req.headers = head.headers;
    req.body = std::move(body);
    req.peer = socket->peerAddress();
    req.requestId = requestId(req.header("x-request-id"));

    auto state = std::make_shared<Responder::State>();
    state->clock.start();
    state->channel = channel;
    state->seq = channel->open();
    state->requestId = req.requestId;
    state->method = req.method;
    state->path = req.path;
    state->peer = req.peer.toString();
    state->accessLog = m_accessLog;
    state->inFlight = &m_inFlight;
    state->close = head.wantsClose;
    state->corsOrigin = m_cors.allowOrigin(req.header("origin"));
    state->metrics = &m_requestMetrics;
    ++m_inFlight;
    Responder responder(state);

    const auto match = m_router.match(req.method, req.path);
    // A CORS preflight (or any OPTIONS) on a known path is answered here, before auth.
    if (req.method == "OPTIONS" && !match.route && !match.allowed.isEmpty()) {
        state->corsOrigin.clear(); // the preflight carries its own CORS headers
        responder.send(Cors::preflight(m_cors.allowOrigin(req.header("origin")), match.allowed));
        return;
    }
    if (!match.route) {
        if (!match.allowed.isEmpty()) {
            auto r = errorResponse(
                DomainError(codes::MethodNotAllowed, QStringLiteral("Method %1 not allowed on %2")
                                                         .arg(QString::fromLatin1(req.method), req.path)));
            r.headers.append({"Allow", match.allowed.join(", ")});
            responder.send(r);
        } else {
            responder.fail(
                DomainError(codes::RouteNotFound, QStringLiteral("No route for %1").arg(req.path)));
        }
        return;
    }
    req.params = match.params;
    state->route = match.route->pattern;
    dispatch(req, *match.route, responder);
}

void HttpListener::dispatch(const HttpRequest &reqIn, const Route &route, Responder responder)
{
    const ScopedRequestId logScope(reqIn.requestId); // what handlers log now carries the request's id
    try {
        HttpRequest req = reqIn;
        if (route.access != Access::Public)
            req.caller = m_authenticate(req, route.access);
        if (route.sync)
            responder.send(route.sync(req));
        else
            route.async(req, responder);
    } catch (const DomainError &e) {
        responder.fail(e);
    } catch (const std::exception &e) {
        qCWarning(lcApi).noquote() << reqIn.requestId << "unhandled exception:" << e.what();
        responder.fail(DomainError::internal());
    }
}

ConnectionGuard::Upload HttpListener::uploadFor(const RequestHead &head, const QHostAddress &peer)
{
    ConnectionGuard::Upload up;
    QString path;
    QUrlQuery query;
    splitTarget(head.target, path, query);
    const auto match = m_router.match(head.method, path);
    if (!match.route || !match.route->upload)
        return up;
    up.isUpload = true;
    up.limit = m_uploadLimit;
    HttpRequest req;
    req.method = head.method;
    req.path = path;
    req.query = query;
    req.headers = head.headers;
    req.peer = peer;
    req.requestId = requestId(req.header("x-request-id"));
    req.params = match.params;
    up.requestId = req.requestId;
    QByteArray corsOrigin = m_cors.allowOrigin(req.header("origin"));
    if (!corsOrigin.isEmpty()) {
        HttpResponse carrier;
        Cors::decorate(carrier, corsOrigin);
        up.headers = carrier.headers;
    }
    QElapsedTimer clock;
    clock.start();
    up.done = [this, log = m_accessLog, rid = req.requestId, peerText = peer.toString(), method = req.method,
               path, route = match.route->pattern, clock](int status) {
        if (log)
            logAccess(rid, peerText, method, path, status, clock.nsecsElapsed());
        m_requestMetrics.record(method, route, status, clock.nsecsElapsed());
    };
    try {
        if (match.route->access != Access::Public)
            req.caller = m_authenticate(req, match.route->access);
        up.sink = match.route->upload(req);
        if (!up.sink)
            up.error = DomainError::internal();
    } catch (const DomainError &e) {
        up.error = e;
    } catch (const std::exception &e) {
        qCWarning(lcApi).noquote() << req.requestId << "unhandled exception:" << e.what();
        up.error = DomainError::internal();
    }
    if (up.error && up.done)
        up.done(codes::httpStatus(up.error->code()));
    return up;
}
} // namespace lightd::http
