#pragma once
#include "http/BodySink.h"
#include "http/HttpFramer.h"
#include "http/HttpResponse.h"
#include "lightd/DomainError.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <optional>

class QTcpSocket;

namespace lightd::http {
class ResponseChannel;

// Owns one connection's bytes: it reads them (nothing else parses them), frames requests, refuses
// what must not be buffered or guessed at — oversized heads (431) and bodies (413, before the body is
// read), bad framing (400), unauthorised WebSocket upgrades (401/403/404 before the 101) — and hands
// each complete request, one at a time and in order, to the dispatcher. A pipelining client is read
// no faster than its answers leave. It answers `Expect: 100-continue` and closes idle or slow
// connections.
class ConnectionGuard final : public QObject
{
    Q_OBJECT
  public:
    struct Limits
    {
        qsizetype maxHeadBytes = 16 * 1024;
        qint64 maxBodyBytes = 10 * 1024 * 1024;
        int idleTimeoutMs = 60000;
        int headTimeoutMs = 10000;
    };
    using UpgradeCheck = std::function<std::optional<DomainError>(const RequestHead &, const QHostAddress &)>;
    using BodyLimit = std::function<qint64(const RequestHead &)>;
    // For a head that names a streaming-upload route: the sink to feed (or the error to answer),
    // the body limit, and a callback that logs the final status. isUpload=false for other routes.
    struct Upload
    {
        bool isUpload = false;
        std::unique_ptr<BodySink> sink;
        std::optional<DomainError> error;
        qint64 limit = 0;
        QString requestId;
        std::function<void(int status)> done;
        QList<QPair<QByteArray, QByteArray>> headers; // added to its answer (CORS)
    };
    using UploadRoute = std::function<Upload(const RequestHead &, const QHostAddress &)>;
    // Receives a socket whose WebSocket upgrade passed the check and was answered with 101, the
    // upgrade's head, and the bytes the client sent behind it (its first frames).
    using WebSocketHandoff = std::function<void(QTcpSocket *, const RequestHead &, const QByteArray &)>;
    // Runs one complete request (head and its whole body) on this connection.
    using Dispatch = std::function<void(const RequestHead &, QByteArray body)>;

    ConnectionGuard(QTcpSocket *socket, ResponseChannel *channel, const Limits &limits,
                    UpgradeCheck upgradeCheck, BodyLimit bodyLimit, UploadRoute uploadRoute);
    ~ConnectionGuard() override;
    void setDispatch(Dispatch dispatch) { m_dispatch = std::move(dispatch); }
    void setWebSocketHandoff(WebSocketHandoff handoff) { m_handoff = std::move(handoff); }
    // Whether the guard's own refusals get an access line (uploads log theirs through Upload::done).
    void setAccessLog(bool on) { m_accessLog = on; }
    // Sees each of the guard's own refusals before it is sent (not an upload's: its done callback
    // does): the listener adds CORS headers, so a browser panel can read the error, and counts it.
    using RefusalHook =
        std::function<void(const RequestHead &head, qint64 elapsedNs, HttpResponse &response)>;
    void setRefusalHook(RefusalHook hook) { m_refusalHook = std::move(hook); }

    // Requests taken but not answered, past which the guard stops reading (pipelining back-pressure).
    static constexpr quint64 kMaxPipelined = 32;

  private:
    void onReadyRead();
    void process();
    void messageEnd();
    bool mustWait() const;
    void refuse(const DomainError &error, const QString &givenId = QString());
    void onIdle();
    qint64 takeOver(Upload upload, const RequestHead &head);
    void finishUpload();
    void handOffWebSocket();

    QTcpSocket *m_socket;
    ResponseChannel *m_channel;
    Limits m_limits;
    UpgradeCheck m_upgradeCheck;
    BodyLimit m_bodyLimit;
    UploadRoute m_uploadRoute;
    WebSocketHandoff m_handoff;
    Dispatch m_dispatch;
    Upload m_upload; // the upload in progress (it ends the connection)
    HttpFramer m_framer;
    QByteArray m_in;        // bytes read from the socket and not framed yet
    qsizetype m_inUsed = 0; // how much of m_in the framer has taken
    QByteArray m_body;      // the current (non-upload) request's body
    QTimer m_idle;
    QTimer m_headTimer;
    QElapsedTimer m_requestClock; // since the first byte of the current request
    RequestHead m_head;           // the current request's head, once complete (for refusals' id and log)
    bool m_accessLog = true;
    bool m_refused = false;
    RefusalHook m_refusalHook;
    bool m_upgraded = false;
    QByteArray m_webSocketAccept; // Sec-WebSocket-Accept of the upgrade being handed over
};
} // namespace lightd::http
