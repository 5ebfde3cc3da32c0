#include "http/HttpListener.h"

#include "app/LogContext.h"
#include "http/HttpLog.h"
#include "http/RequestId.h"
#include "http/ResponseChannel.h"
#include "lightd/ErrorCodes.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QSslSocket>
#include <QTcpServer>
#include <QWebSocket>

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

void Responder::fail(const ApiError &error) const
{
    send(errorResponse(error));
}

bool Responder::isOpen() const
{
    return !d->done && d->channel && d->channel->socket() && d->channel->socket()->isOpen();
}

// Accepts connections itself so each socket gets its guard before QHttpServer connects its slots.
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
        m_listener->adopt(socket);
        if (auto *ssl = qobject_cast<QSslSocket *>(socket))
            ssl->startServerEncryption();
        addPendingConnection(socket);
    }

  private:
    HttpListener *m_listener;
};

HttpListener::HttpListener(Router &router, Authenticate authenticate, QObject *parent)
    : QAbstractHttpServer(parent), m_router(router), m_authenticate(std::move(authenticate))
{
    connect(&m_webSockets, &QWebSocketServer::newConnection, this, &HttpListener::consoleConnected);
}

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
    bind(server);
    return server->serverPort();
}

void HttpListener::stop()
{
    if (m_server)
        m_server->close();
}

void HttpListener::adopt(QTcpSocket *socket)
{
    auto *channel = new ResponseChannel(socket);
    auto *guard = new ConnectionGuard(
        socket, channel, m_limits, m_upgradeCheck, m_bodyLimit,
        [this](const RequestHead &head, const QHostAddress &peer) { return uploadFor(head, peer); });
    guard->setHttpServer(this);
    guard->setAccessLog(m_accessLog);
    guard->setWebSocketHandoff([this](QTcpSocket *s) {
        m_handedOff.append(s);
        m_webSockets.handleConnection(s);
    });
}

HttpListener::Console HttpListener::nextPendingConsole()
{
    Console c{std::unique_ptr<QWebSocket>(m_webSockets.nextPendingConnection()), nullptr};
    m_handedOff.removeAll(nullptr); // gone before their handshake finished
    if (!c.socket)
        return c;
    for (qsizetype i = 0; i < m_handedOff.size(); ++i) {
        QTcpSocket *s = m_handedOff.at(i);
        if (s->peerPort() == c.socket->peerPort() && s->localPort() == c.socket->localPort() &&
            s->peerAddress() == c.socket->peerAddress() && s->localAddress() == c.socket->localAddress()) {
            c.wire = s;
            m_handedOff.removeAt(i);
            break;
        }
    }
    return c;
}

bool HttpListener::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto *channel = socket->findChild<ResponseChannel *>(QString(), Qt::FindDirectChildrenOnly);
    if (!channel) // not a connection we accepted: refuse to guess
        return false;

    HttpRequest req;
    static const QByteArray methods[] = {"", "GET", "PUT", "DELETE", "POST", "HEAD", "OPTIONS", "PATCH"};
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        req.method = methods[1];
        break;
    case QHttpServerRequest::Method::Put:
        req.method = methods[2];
        break;
    case QHttpServerRequest::Method::Delete:
        req.method = methods[3];
        break;
    case QHttpServerRequest::Method::Post:
        req.method = methods[4];
        break;
    case QHttpServerRequest::Method::Head:
        req.method = methods[5];
        break;
    case QHttpServerRequest::Method::Options:
        req.method = methods[6];
        break;
    case QHttpServerRequest::Method::Patch:
        req.method = methods[7];
        break;
    default:
        req.method = "UNKNOWN";
        break;
    }
    const QUrl url = request.url();
    req.path = url.path(QUrl::FullyEncoded);
    if (url.hasQuery())
        req.query = QUrlQuery(url.query(QUrl::FullyEncoded));
    req.headers = request.headers();
    req.body = request.body();
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
    state->close = channel->takeHeadClose();
    state->corsOrigin = m_cors.allowOrigin(req.header("origin"));
    state->metrics = &m_requestMetrics;
    ++m_inFlight;
    Responder responder(state);

    const auto match = m_router.match(req.method, req.path);
    // A CORS preflight (or any OPTIONS) on a known path is answered here, before auth.
    if (req.method == "OPTIONS" && !match.route && !match.allowed.isEmpty()) {
        state->corsOrigin.clear(); // the preflight carries its own CORS headers
        responder.send(Cors::preflight(m_cors.allowOrigin(req.header("origin")), match.allowed));
        return true;
    }
    if (!match.route) {
        if (!match.allowed.isEmpty()) {
            auto r = errorResponse(ApiError(405, codes::MethodNotAllowed,
                                            QStringLiteral("Method %1 not allowed on %2")
                                                .arg(QString::fromLatin1(req.method), req.path)));
            r.headers.append({"Allow", match.allowed.join(", ")});
            responder.send(r);
        } else {
            responder.fail(
                ApiError(404, codes::RouteNotFound, QStringLiteral("No route for %1").arg(req.path)));
        }
        return true;
    }
    req.params = match.params;
    state->route = match.route->pattern;
    dispatch(req, *match.route, responder);
    return true;
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
    } catch (const ApiError &e) {
        responder.fail(e);
    } catch (const std::exception &e) {
        qCWarning(lcApi).noquote() << reqIn.requestId << "unhandled exception:" << e.what();
        responder.fail(ApiError::internal());
    }
}

ConnectionGuard::Upload HttpListener::uploadFor(const RequestHead &head, const QHostAddress &peer)
{
    ConnectionGuard::Upload up;
    const QUrl url(QString::fromLatin1(head.target));
    const QString path = url.path(QUrl::FullyEncoded);
    const auto match = m_router.match(head.method, path);
    if (!match.route || !match.route->upload)
        return up;
    up.isUpload = true;
    up.limit = m_uploadLimit;
    HttpRequest req;
    req.method = head.method;
    req.path = path;
    if (url.hasQuery())
        req.query = QUrlQuery(url.query(QUrl::FullyEncoded));
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
            up.error = ApiError::internal();
    } catch (const ApiError &e) {
        up.error = e;
    } catch (const std::exception &e) {
        qCWarning(lcApi).noquote() << req.requestId << "unhandled exception:" << e.what();
        up.error = ApiError::internal();
    }
    if (up.error && up.done)
        up.done(up.error->status());
    return up;
}

void HttpListener::missingHandler(const QHttpServerRequest &, QTcpSocket *) {}
} // namespace lightd::http
