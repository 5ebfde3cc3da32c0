#include "http/ConnectionGuard.h"

#include "http/HttpLog.h"
#include "http/HttpResponse.h"
#include "http/ResponseChannel.h"
#include "lightd/ErrorCodes.h"

#include <QTcpSocket>
#include <QUuid>

namespace lightd::http {
namespace {
QString guardRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, ResponseChannel *channel, const Limits &limits,
                                 UpgradeCheck upgradeCheck, BodyLimit bodyLimit)
    : QObject(socket), m_socket(socket), m_channel(channel), m_limits(limits),
      m_upgradeCheck(std::move(upgradeCheck)), m_bodyLimit(std::move(bodyLimit)), m_framer(limits.maxHeadBytes)
{
    m_framer.onHead = [this](const RequestHead &head) -> qint64 {
        m_headTimer.stop();
        if (head.websocketUpgrade && m_upgradeCheck) {
            if (auto err = m_upgradeCheck(head, m_socket->peerAddress())) {
                refuse(*err);
                m_framer.stop();
                return 0;
            }
            // QHttpServer hands the socket to its WebSocket server next; nothing more to guard here.
            m_upgraded = true;
            m_idle.stop();
            m_framer.stop();
            return 0;
        }
        m_channel->noteHead(head.wantsClose);
        const qint64 limit = m_bodyLimit ? m_bodyLimit(head) : m_limits.maxBodyBytes;
        if (head.expectContinue && head.contentLength <= limit)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        return limit;
    };

    m_idle.setSingleShot(true);
    m_idle.setInterval(m_limits.idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &ConnectionGuard::onIdle);
    m_headTimer.setSingleShot(true);
    m_headTimer.setInterval(m_limits.headTimeoutMs);
    connect(&m_headTimer, &QTimer::timeout, this, [this] {
        if (!m_framer.inBody())
            refuse(ApiError(408, codes::Timeout, QStringLiteral("Request head not received in time")));
    });
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (!m_upgraded)
            m_idle.start();
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
    if (!m_framer.inBody() && !m_headTimer.isActive())
        m_headTimer.start();
    const QByteArray fresh = m_socket->peek(m_socket->bytesAvailable());
    const auto err = m_framer.feed(fresh.constData(), fresh.size());
    switch (err) {
    case HttpFramer::Error::None:
        break;
    case HttpFramer::Error::HeadTooLarge:
        refuse(ApiError(431, codes::HeadersTooLarge,
                        QStringLiteral("Request headers exceed %1 bytes").arg(m_limits.maxHeadBytes)));
        break;
    case HttpFramer::Error::BodyTooLarge:
        refuse(ApiError(413, codes::PayloadTooLarge, QStringLiteral("Request body is too large")));
        break;
    case HttpFramer::Error::BadRequest:
    case HttpFramer::Error::BadChunk:
        refuse(ApiError::badRequest(codes::BadRequest, QStringLiteral("Malformed HTTP request")));
        break;
    }
}

void ConnectionGuard::refuse(const ApiError &error)
{
    if (m_refused)
        return;
    m_refused = true;
    m_headTimer.stop();
    // Cut QHttpServer off before it reads (and buffers) these bytes; its slot would run after ours.
    if (m_server)
        disconnect(m_socket, &QTcpSocket::readyRead, m_server, nullptr);
    const QString rid = guardRequestId();
    qCInfo(lcHttp).noquote() << rid << "refused" << m_socket->peerAddress().toString() << error.status()
                             << error.code();
    m_socket->readAll();
    m_channel->completeAndClose(errorResponse(error), rid);
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
