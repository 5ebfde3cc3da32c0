#include "http/ConnectionGuard.h"

#include "http/HttpLog.h"
#include "http/HttpResponse.h"
#include "http/RequestId.h"
#include "http/ResponseChannel.h"
#include "lightd/ErrorCodes.h"
#include "lightd/ErrorStatus.h"

#include <QCryptographicHash>
#include <QTcpSocket>

namespace lightd::http {
namespace {
// RFC 6455 4.2: the server's proof that it read this handshake; empty when the handshake is not one
// a WebSocket server may accept (no upgrade token, another version, a key that is not 16 bytes).
QByteArray webSocketAccept(const RequestHead &head, QString *why)
{
    const QByteArray connection = head.header("connection").toLower();
    if (!connection.contains("upgrade")) {
        *why = QStringLiteral("WebSocket upgrade without Connection: Upgrade");
        return {};
    }
    if (head.header("sec-websocket-version").trimmed() != "13") {
        *why = QStringLiteral("Sec-WebSocket-Version must be 13");
        return {};
    }
    const QByteArray key = head.header("sec-websocket-key").trimmed();
    const auto decoded = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 16) {
        *why = QStringLiteral("Sec-WebSocket-Key must be 16 bytes in base64");
        return {};
    }
    return QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1)
        .toBase64();
}
} // namespace

namespace {
// The method and Origin of a head that was refused before it was whole (431): enough to label the
// answer for a browser and for /metrics. Nothing else of it is trusted or used.
RequestHead headSeen(QByteArrayView raw)
{
    RequestHead head;
    qsizetype at = 0;
    for (int lineNo = 0; at < raw.size(); ++lineNo) {
        qsizetype end = raw.indexOf('\n', at);
        if (end < 0)
            end = raw.size();
        const QByteArrayView line = raw.sliced(at, end - at).trimmed();
        at = end + 1;
        if (lineNo == 0) {
            const qsizetype space = line.indexOf(' ');
            head.method = line.first(space < 0 ? 0 : std::min<qsizetype>(space, 16)).toByteArray();
        } else if (line.size() > 7 && line.first(7).compare("origin:", Qt::CaseInsensitive) == 0) {
            head.headers.append({QByteArray("origin"), line.sliced(7).trimmed().toByteArray()});
        }
    }
    return head;
}
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, ResponseChannel *channel, const Limits &limits,
                                 UpgradeCheck upgradeCheck, BodyLimit bodyLimit, UploadRoute uploadRoute)
    : QObject(socket), m_socket(socket), m_channel(channel), m_limits(limits),
      m_upgradeCheck(std::move(upgradeCheck)), m_bodyLimit(std::move(bodyLimit)),
      m_uploadRoute(std::move(uploadRoute)), m_framer(limits.maxHeadBytes)
{
    m_framer.onHead = [this](const RequestHead &head) -> qint64 {
        m_headTimer.stop();
        m_head = head;
        if (!head.hasHost && head.version == "HTTP/1.1") { // RFC 9112 3.2: a 400, whatever the route
            refuse(DomainError(codes::BadRequest, QStringLiteral("HTTP/1.1 request without Host")));
            m_framer.stop();
            return 0;
        }
        if (head.websocketUpgrade && m_upgradeCheck) {
            if (auto err = m_upgradeCheck(head, m_socket->peerAddress())) {
                refuse(*err);
                m_framer.stop();
                return 0;
            }
            if (head.chunked || head.contentLength > 0) { // an upgrade has no body to frame
                refuse(DomainError(codes::BadRequest, QStringLiteral("Malformed HTTP request")));
                m_framer.stop();
                return 0;
            }
            QString why;
            m_webSocketAccept = webSocketAccept(head, &why);
            if (m_webSocketAccept.isEmpty()) {
                refuse(DomainError(codes::BadRequest, why));
                m_framer.stop();
                return 0;
            }
            // Ours from here: answered with 101 and handed to the console gateway once this feed returns.
            m_upgraded = true;
            m_idle.stop();
            m_framer.stop();
            return 0;
        }
        if (m_uploadRoute && (head.method == "PUT" || head.method == "POST")) {
            Upload upload = m_uploadRoute(head, m_socket->peerAddress());
            if (upload.isUpload)
                return takeOver(std::move(upload), head);
        }
        m_body.clear();
        const qint64 limit = m_bodyLimit ? m_bodyLimit(head) : m_limits.maxBodyBytes;
        if (head.expectContinue && head.contentLength <= limit)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        return limit;
    };
    m_framer.onBody = [this](const char *data, qsizetype size) {
        if (m_upload.isUpload) {
            if (!m_upload.sink || m_upload.error)
                return;
            try {
                m_upload.sink->write(data, size);
            } catch (const DomainError &e) {
                m_upload.error = e;
                m_framer.stop();
            }
            return;
        }
        m_body.append(data, size); // bounded by the route's body limit, checked before the body came
    };
    m_framer.onMessageEnd = [this] { messageEnd(); };
    // Bounded reads: while the guard waits (back-pressure), Qt stops reading and TCP pushes back.
    socket->setReadBufferSize(64 * 1024);

    m_idle.setSingleShot(true);
    m_idle.setInterval(m_limits.idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &ConnectionGuard::onIdle);
    m_headTimer.setSingleShot(true);
    m_headTimer.setInterval(m_limits.headTimeoutMs);
    connect(&m_headTimer, &QTimer::timeout, this, [this] {
        if (!m_framer.inBody())
            refuse(DomainError(codes::Timeout, QStringLiteral("Request head not received in time")));
    });
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (m_upload.sink) { // the client left mid-upload: nothing half-written stays
            m_upload.sink->abort();
            m_upload.sink.reset();
        }
    });
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_upgraded)
            return;
        m_idle.start();
        if (m_framer.isPaused() && !mustWait()) { // answers left: take the next requests
            m_framer.resume();
            process();
        }
    });
    m_idle.start();
}

void ConnectionGuard::onReadyRead()
{
    if (m_upgraded)
        return;
    if (m_refused) {
        m_socket->readAll(); // drain and drop whatever still arrives before the close
        return;
    }
    m_idle.start();
    process();
}

bool ConnectionGuard::mustWait() const
{
    return m_channel->pending() >= kMaxPipelined || m_socket->bytesToWrite() > 1024 * 1024;
}

void ConnectionGuard::messageEnd()
{
    if (m_upload.isUpload) {
        finishUpload();
        return;
    }
    const RequestHead head = std::exchange(m_head, RequestHead());
    m_requestClock.start(); // a pipelined request may follow in the same bytes
    if (head.wantsClose)
        m_framer.stop(); // nothing after a request that closes the connection is read
    if (m_dispatch)
        m_dispatch(head, std::exchange(m_body, QByteArray()));
    if (!m_framer.isStopped() && mustWait())
        m_framer.pause();
}

// Frames what has been read, then reads more, until the socket is empty or the guard must wait.
void ConnectionGuard::process()
{
    while (!m_refused && !m_upgraded && !m_framer.isStopped() && !m_framer.isPaused()) {
        if (m_inUsed >= m_in.size()) {
            m_in = m_socket->readAll();
            m_inUsed = 0;
            if (m_in.isEmpty())
                break;
        }
        if (!m_framer.inBody() && !m_framer.midHead() && !m_headTimer.isActive()) { // a new request
            m_headTimer.start();
            m_requestClock.start();
        }
        qsizetype used = 0;
        const auto err = m_framer.feed(m_in.constData() + m_inUsed, m_in.size() - m_inUsed, &used);
        m_inUsed += used;
        if (m_upload.error && m_upload.sink) {
            const DomainError e = *m_upload.error;
            refuse(e, m_upload.requestId);
            return;
        }
        switch (err) {
        case HttpFramer::Error::None:
            break;
        case HttpFramer::Error::HeadTooLarge:
            refuse(DomainError(codes::HeadersTooLarge,
                               QStringLiteral("Request headers exceed %1 bytes").arg(m_limits.maxHeadBytes)));
            return;
        case HttpFramer::Error::BodyTooLarge:
            refuse(DomainError(codes::PayloadTooLarge, QStringLiteral("Request body is too large")));
            return;
        case HttpFramer::Error::BadRequest:
        case HttpFramer::Error::BadChunk:
            refuse(DomainError(codes::BadRequest, QStringLiteral("Malformed HTTP request")));
            return;
        }
    }
    if (m_upgraded && !m_refused) {
        handOffWebSocket();
        return;
    }
    if (m_framer.midHead() || m_framer.inBody()) {
        if (!m_framer.inBody() && !m_headTimer.isActive())
            m_headTimer.start();
    } else {
        m_headTimer.stop();
    }
}

void ConnectionGuard::handOffWebSocket()
{
    disconnect(m_socket, &QTcpSocket::readyRead, this, nullptr);
    if (!m_handoff) {
        m_socket->disconnectFromHost();
        return;
    }
    m_socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    "Sec-WebSocket-Accept: " +
                    m_webSocketAccept + "\r\n\r\n");
    const QByteArray early = m_in.mid(m_inUsed); // frames the client sent right behind its handshake
    m_in.clear();
    m_inUsed = 0;
    // Handed over after the current slot returns: the new owner must not run inside our feed.
    QMetaObject::invokeMethod(
        this, [this, early, head = m_head] { m_handoff(m_socket, head, early); }, Qt::QueuedConnection);
}

ConnectionGuard::~ConnectionGuard()
{
    if (m_upload.sink)
        m_upload.sink->abort();
}

qint64 ConnectionGuard::takeOver(Upload upload, const RequestHead &head)
{
    m_upload = std::move(upload);
    if (m_upload.error) {
        const DomainError e = *m_upload.error;
        m_upload.error.reset();
        refuse(e, m_upload.requestId);
        m_framer.stop();
        return 0;
    }
    if (head.expectContinue && head.contentLength <= m_upload.limit)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    return m_upload.limit;
}

void ConnectionGuard::finishUpload()
{
    if (!m_upload.sink)
        return;
    if (m_upload.error) { // a refused write is final, even if the body's last bytes came with it
        const DomainError e = *m_upload.error;
        refuse(e, m_upload.requestId);
        return;
    }
    HttpResponse response;
    try {
        response = m_upload.sink->finish();
    } catch (const DomainError &e) {
        m_upload.sink->abort();
        response = errorResponse(e);
    }
    m_upload.sink.reset();
    m_framer.stop();
    if (m_upload.done)
        m_upload.done(response.status);
    // An upload ends its connection: answer and close it.
    m_refused = true;
    response.headers += m_upload.headers;
    m_channel->completeAndClose(response, m_upload.requestId);
}

void ConnectionGuard::refuse(const DomainError &error, const QString &givenId)
{
    if (m_refused)
        return;
    m_refused = true;
    if (m_upload.sink) {
        m_upload.sink->abort();
        m_upload.sink.reset();
        if (m_upload.done)
            m_upload.done(codes::httpStatus(error.code()));
    }
    m_headTimer.stop();
    m_framer.stop();
    const QString rid = givenId.isEmpty() ? requestId(m_head.header("x-request-id")) : givenId;
    const QString peer = m_socket->peerAddress().toString();
    qCInfo(lcHttp).noquote() << rid << "refused" << peer << codes::httpStatus(error.code()) << error.code();
    // An upload's access line is written by its done callback; every other refusal gets one here.
    if (m_accessLog && !m_upload.isUpload) {
        const qsizetype query = m_head.target.indexOf('?');
        const QByteArray path = query < 0 ? m_head.target : m_head.target.first(query);
        logAccess(rid, peer, m_head.method.isEmpty() ? QByteArrayView("-") : QByteArrayView(m_head.method),
                  path.isEmpty() ? QStringLiteral("-") : QString::fromLatin1(path),
                  codes::httpStatus(error.code()),
                  m_requestClock.isValid() ? m_requestClock.nsecsElapsed() : 0);
    }
    m_socket->readAll();
    HttpResponse response = errorResponse(error);
    if (m_upload.isUpload)
        response.headers += m_upload.headers;
    else if (m_refusalHook)
        m_refusalHook(m_head.method.isEmpty() ? headSeen(m_framer.headSoFar()) : m_head,
                      m_requestClock.isValid() ? m_requestClock.nsecsElapsed() : 0, response);
    m_channel->completeAndClose(response, rid);
    // A client that keeps sending after the refusal is cut off rather than waited for.
    QTimer::singleShot(2000, m_socket, [s = QPointer<QTcpSocket>(m_socket)] {
        if (s)
            s->abort();
    });
}

void ConnectionGuard::onIdle()
{
    if (m_upgraded)
        return;
    if (m_channel->pending() > 0) { // a handler is still working: not idle
        m_idle.start();
        return;
    }
    qCDebug(lcHttp) << "closing idle connection from" << m_socket->peerAddress().toString();
    m_socket->disconnectFromHost();
}
} // namespace lightd::http
