#include "ws/ViewerSession.h"

#include "lightd/Events.h"
#include "lightd/JsonUtil.h"

#include <QDateTime>
#include <QJsonObject>
#include <QWebSocket>

namespace lightd::ws {
ViewerSession::ViewerSession(std::unique_ptr<QWebSocket> socket, const Limits &limits, QObject *parent)
    : QObject(parent), m_socket(std::move(socket)), m_limits(limits)
{
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxMessageBytes)); // larger -> close 1009
    m_socket->setMaxAllowedIncomingFrameSize(quint64(m_limits.maxMessageBytes));
    connect(m_socket.get(), &QWebSocket::bytesWritten, this, [this](qint64 n) {
        m_unsent = std::max<qint64>(0, m_unsent - n);
        pump();
    });
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - m_windowStartMs >= 1000) {
            m_windowStartMs = now;
            m_windowCount = 0;
        }
        if (++m_windowCount > m_limits.messagesPerSecond) {
            Q_EMIT rateLimited();
            return;
        }
        Q_EMIT messageReceived(message);
    });
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        Q_EMIT messageReceived(QString()); // not JSON text: answered with an error frame
    });
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        if (!m_closed) {
            m_closed = true;
            Q_EMIT closed();
        }
    });
}

ViewerSession::~ViewerSession()
{
    if (m_socket)
        m_socket->disconnect(this);
}

void ViewerSession::writeFrame(const QString &text)
{
    m_unsent += text.size() + 10; // close enough: UTF-8 of console text is mostly ASCII
    m_socket->sendTextMessage(text);
}

void ViewerSession::send(const QString &frame, Kind kind)
{
    if (m_closed)
        return;
    if (m_queue.isEmpty() && m_unsent < m_limits.highWaterBytes) {
        writeFrame(frame);
        return;
    }
    if (m_queue.size() >= m_limits.queueFrames) {
        // Full: make room by dropping the oldest droppable frame; a stall past the bound ends it.
        if (m_stalledSince.isForever())
            m_stalledSince = QDeadlineTimer(m_limits.stallMs);
        else if (m_stalledSince.hasExpired())
            return close(1008, QStringLiteral("viewer too slow"));
        auto dropped = [this](Kind k) {
            ++m_droppedTotal;
            if (k == Kind::Line)
                ++m_droppedPending;
        };
        for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
            if (it->kind != Kind::Control) {
                dropped(it->kind);
                m_queue.erase(it);
                break;
            }
        }
        if (m_queue.size() >= m_limits.queueFrames) {
            if (kind != Kind::Control)
                return dropped(kind);
            return close(1008, QStringLiteral("viewer too slow"));
        }
    }
    m_queue.enqueue({frame, kind});
}

void ViewerSession::pump()
{
    while (!m_closed && !m_queue.isEmpty() && m_unsent < m_limits.highWaterBytes) {
        if (m_droppedPending > 0) {
            writeFrame(QString::fromUtf8(json::encode(QJsonObject{
                {events::FieldEvent, events::DaemonMessage},
                {events::FieldData, QStringLiteral("%1 console lines were dropped because this viewer fell behind").arg(m_droppedPending)}})));
            m_droppedPending = 0;
        }
        writeFrame(m_queue.dequeue().text);
    }
    if (m_queue.size() < m_limits.queueFrames)
        m_stalledSince = QDeadlineTimer(QDeadlineTimer::Forever);
}

void ViewerSession::close(int code, const QString &reason)
{
    if (m_closed)
        return;
    m_closed = true;
    m_queue.clear();
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    Q_EMIT closed();
}
} // namespace lightd::ws
