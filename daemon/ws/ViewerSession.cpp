#include "ws/ViewerSession.h"

#include "lightd/Events.h"
#include "lightd/JsonUtil.h"
#include "metrics/Counters.h"
#include "ws/ServerFrame.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSslSocket>
#include <QTcpSocket>
#include <QWebSocket>

#include <sys/socket.h>

namespace lightd::ws {
ViewerSession::ViewerSession(std::unique_ptr<QWebSocket> socket, QTcpSocket *wire, const Limits &limits,
                             QObject *parent)
    : QObject(parent), m_socket(std::move(socket)), m_wire(wire), m_limits(limits)
{
    if (!qobject_cast<QSslSocket *>(wire)) // TLS: every byte through the socket's encryption
        m_fd = int(wire->socketDescriptor());
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxMessageBytes)); // larger -> close 1009
    m_socket->setMaxAllowedIncomingFrameSize(quint64(m_limits.maxMessageBytes));
    m_stall.setSingleShot(true);
    m_stall.setInterval(m_limits.stallMs);
    connect(&m_stall, &QTimer::timeout, this, [this] { close(1008, QStringLiteral("viewer too slow")); });
    connect(m_wire, &QTcpSocket::bytesWritten, this, &ViewerSession::pump);
    // Queued, like QWebSocket's own reader: runs after it has answered what was just read.
    connect(m_wire, &QTcpSocket::readyRead, this, &ViewerSession::checkOwed, Qt::QueuedConnection);
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - m_windowStartMs >= m_limits.messageWindowMs) {
            m_windowStartMs = now;
            m_windowCount = 0;
        }
        if (++m_windowCount > m_limits.maxMessages) {
            Q_EMIT rateLimited();
            return;
        }
        Q_EMIT messageReceived(message);
    });
    auto countFragment = [this](bool last) {
        if (last) {
            m_fragments = 0;
        } else if (++m_fragments > m_limits.maxFragments) {
            m_fragments = 0;
            close(1002, QStringLiteral("too many fragments in one message"));
        }
    };
    connect(m_socket.get(), &QWebSocket::textFrameReceived, this,
            [countFragment](const QString &, bool last) { countFragment(last); });
    connect(m_socket.get(), &QWebSocket::binaryFrameReceived, this,
            [countFragment](const QByteArray &, bool last) { countFragment(last); });
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        Q_EMIT messageReceived(QString()); // not JSON text: answered with an error frame
    });
    connect(m_socket.get(), &QWebSocket::aboutToClose, this, [this] {
        m_closing = true; // its close frame is out (ours or the answer to the viewer's): nothing after it
        m_queue.clear();
        m_queuedFrames = 0;
        m_stall.stop();
    });
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        if (!m_closed) {
            m_closed = true;
            m_queue.clear();
            m_stall.stop();
            Q_EMIT closed();
        }
    });
}

ViewerSession::~ViewerSession()
{
    if (m_socket)
        m_socket->disconnect(this);
    if (m_wire)
        m_wire->disconnect(this);
}

bool ViewerSession::writable() const
{
    return m_wire && m_wire->state() == QAbstractSocket::ConnectedState &&
           m_wire->bytesToWrite() < m_limits.highWaterBytes;
}

void ViewerSession::write(const QByteArray &bytes)
{
    writeDropNotice(); // before the first frame that follows the loss
    writeRaw(bytes);
}

void ViewerSession::writeRaw(const QByteArray &bytes)
{
    // Straight to the kernel while nothing waits in Qt's buffer: no copy, no notifier, no signal.
    // What the kernel does not take (or an error, which Qt then reports) goes through Qt, in order.
    qsizetype done = 0;
    if (m_fd >= 0 && m_wire->socketDescriptor() == m_fd && m_wire->bytesToWrite() == 0) { // never a reused fd
        const ssize_t n = ::send(m_fd, bytes.constData(), size_t(bytes.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
        done = n > 0 ? qsizetype(n) : 0;
    }
    if (done < bytes.size())
        m_wire->write(bytes.constData() + done, bytes.size() - done);
}

void ViewerSession::writeDropNotice()
{
    if (m_droppedPending == 0)
        return;
    const QString text =
        QStringLiteral("%1 console lines were dropped because this viewer fell behind").arg(m_droppedPending);
    m_droppedPending = 0;
    writeRaw(frame(
        json::encode(QJsonObject{{events::FieldEvent, events::DaemonMessage}, {events::FieldData, text}})));
}

void ViewerSession::sendText(const QByteArray &json, Kind kind)
{
    send({frame(json), kind, 1});
}

void ViewerSession::send(const Chunk &chunk)
{
    if (m_closed || m_closing || chunk.frames == 0)
        return;
    if (m_queue.isEmpty() && writable()) {
        write(chunk.bytes);
        return;
    }
    m_queue.append(chunk);
    m_queuedFrames += chunk.frames;
    // Over the bound: the oldest droppable frames make room.
    bool dropped = false;
    for (qsizetype i = 0; m_queuedFrames > m_limits.queueFrames && i < m_queue.size();) {
        if (m_queue[i].kind == Kind::Control) {
            ++i;
            continue;
        }
        drop(i);
        dropped = true;
    }
    if (m_queuedFrames > m_limits.queueFrames) // nothing left to drop
        return close(1008, QStringLiteral("viewer too slow"));
    if (dropped && !m_stall.isActive())
        m_stall.start();
    pump();
}

void ViewerSession::drop(qsizetype index)
{
    const Chunk &c = m_queue[index];
    m_droppedTotal += quint64(c.frames);
    if (c.kind == Kind::Line) {
        m_droppedPending += quint64(c.frames);
        metrics::Counters::add(metrics::counters().consoleLinesViewerDrop, quint64(c.frames));
    }
    m_queuedFrames -= c.frames;
    m_queue.removeAt(index);
}

void ViewerSession::pump()
{
    if (m_pumping || m_closed || m_closing)
        return;
    m_pumping = true; // no re-entry from a bytesWritten emitted meanwhile
    bool wrote = false;
    while (!m_queue.isEmpty() && writable()) {
        const Chunk c = m_queue.takeFirst();
        m_queuedFrames -= c.frames;
        write(c.bytes);
        wrote = true;
    }
    if (wrote && m_queuedFrames < m_limits.queueFrames)
        m_stall.stop(); // it reads again
    m_pumping = false;
}

void ViewerSession::checkOwed()
{
    // Our own frames enter Qt's buffer only below the high-water mark (and then queue here, bounded),
    // so what piles up past it is what QWebSocket wrote for the viewer: pongs it never reads.
    if (m_closed || !m_wire || m_wire->bytesToWrite() <= m_limits.highWaterBytes + m_limits.maxOwedBytes)
        return;
    close(1008, QStringLiteral("too many unanswered control frames"));
    // It does not read, so it will not read the close frame either: do not hold its buffer for it.
    QTimer::singleShot(1000, m_wire, [wire = m_wire] {
        if (wire)
            wire->abort();
    });
}

void ViewerSession::close(int code, const QString &reason)
{
    if (m_closed)
        return;
    m_closed = true;
    m_queue.clear();
    m_queuedFrames = 0;
    m_stall.stop();
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    Q_EMIT closed();
}
} // namespace lightd::ws
