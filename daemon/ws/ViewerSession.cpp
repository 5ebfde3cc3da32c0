#include "ws/ViewerSession.h"

#include "lightd/Events.h"
#include "lightd/JsonUtil.h"
#include "metrics/Counters.h"
#include "ws/ServerFrame.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSslSocket>
#include <QTcpSocket>

#include <sys/socket.h>
#include <utility>

namespace lightd::ws {
namespace {
using Frame = ClientFrameReader::Kind;

// Ends a connection whose close frame is written: shuts our side once Qt's buffer is empty, drops
// what the viewer still sends (its answering close frame among it) and cuts it off if it has not
// closed within the linger. A child of the socket: it outlives the session, never the socket.
class WireCloser final : public QObject
{
  public:
    WireCloser(QTcpSocket *wire, int fd) : QObject(wire), m_wire(wire), m_fd(fd)
    {
        connect(wire, &QTcpSocket::bytesWritten, this, &WireCloser::shutdownWhenFlushed);
        connect(wire, &QTcpSocket::readyRead, this, [wire] { wire->readAll(); });
        QTimer::singleShot(2000, this, [wire] { wire->abort(); });
        wire->readAll();
        shutdownWhenFlushed();
    }

  private:
    void shutdownWhenFlushed()
    {
        if (m_done || m_wire->bytesToWrite() > 0)
            return;
        m_done = true;
        // Half-close, so the viewer reads our close frame before the end of the stream (a full close
        // with its bytes unread would reset the connection and lose the frame).
        if (m_fd >= 0 && m_wire->socketDescriptor() == m_fd)
            ::shutdown(m_fd, SHUT_WR);
        else
            m_wire->disconnectFromHost();
    }

    QTcpSocket *m_wire;
    int m_fd;
    bool m_done = false;
};
} // namespace

ViewerSession::ViewerSession(QTcpSocket *wire, const QByteArray &early, const Limits &limits, QObject *parent)
    : QObject(parent), m_wire(wire), m_reader({limits.maxMessageBytes, limits.maxFragments}),
      m_limits(limits), m_early(early)
{
    if (!qobject_cast<QSslSocket *>(wire)) // TLS: every byte through the socket's encryption
        m_fd = int(wire->socketDescriptor());
    wire->setReadBufferSize(64 * 1024); // bounded reads: a flood is pushed back on by TCP
    m_stall.setSingleShot(true);
    m_stall.setInterval(m_limits.stallMs);
    connect(&m_stall, &QTimer::timeout, this, [this] { close(1008, QStringLiteral("viewer too slow")); });
    connect(m_wire, &QTcpSocket::bytesWritten, this, &ViewerSession::pump);
    connect(m_wire, &QTcpSocket::readyRead, this, &ViewerSession::onReadyRead);
    connect(m_wire, &QTcpSocket::disconnected, this, [this] {
        if (!m_closed) {
            m_closed = true;
            m_queue.clear();
            m_stall.stop();
            Q_EMIT closed();
        }
    });
    if (!m_early.isEmpty()) // after the hub has connected to this session's signals
        QMetaObject::invokeMethod(this, &ViewerSession::onReadyRead, Qt::QueuedConnection);
}

ViewerSession::~ViewerSession()
{
    if (!m_wire)
        return;
    m_wire->disconnect(this);
    if (!m_closing && m_wire->state() == QAbstractSocket::ConnectedState) // e.g. the daemon stopping
        sendClose(1001, QStringLiteral("going away"));
}

void ViewerSession::onReadyRead()
{
    if (!m_wire || m_closing)
        return;
    const QByteArray bytes = std::exchange(m_early, QByteArray()) + m_wire->readAll();
    for (const auto &e : m_reader.feed(bytes)) {
        switch (e.kind) {
        case Frame::Text:
            onMessage(e.payload);
            break;
        case Frame::Binary:
            Q_EMIT messageReceived(QString()); // not JSON text: answered with an error frame
            break;
        case Frame::Ping:
            writeRaw(frame(e.payload, Opcode::Pong));
            break;
        case Frame::Pong:
            break;
        case Frame::Close: // the viewer ends it: answer with its code (RFC 6455 5.5.1)
            if (!m_closed) {
                m_closed = true;
                sendClose(e.closeCode, QString());
                Q_EMIT closed();
            }
            return;
        case Frame::Error:
            close(e.closeCode, e.reason);
            return;
        }
        if (m_closing)
            return;
    }
    checkOwed();
}

void ViewerSession::onMessage(const QByteArray &text)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_windowStartMs >= m_limits.messageWindowMs) {
        m_windowStartMs = now;
        m_windowCount = 0;
    }
    if (++m_windowCount > m_limits.maxMessages) {
        Q_EMIT rateLimited();
        return;
    }
    Q_EMIT messageReceived(QString::fromUtf8(text));
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
    // so what piles up past it is what the viewer caused: pongs it never reads.
    if (m_closed || !m_wire || m_wire->bytesToWrite() <= m_limits.highWaterBytes + m_limits.maxOwedBytes)
        return;
    // It does not read, so it will not read the close frame either: the closer's linger cuts it off.
    close(1008, QStringLiteral("too many unanswered control frames"));
}

void ViewerSession::close(int code, const QString &reason)
{
    if (m_closed)
        return;
    m_closed = true;
    sendClose(code, reason);
    Q_EMIT closed();
}

void ViewerSession::sendClose(int code, const QString &reason)
{
    m_queue.clear();
    m_queuedFrames = 0;
    m_stall.stop();
    if (m_closing || !m_wire)
        return;
    m_closing = true;
    writeRaw(closeFrame(code, reason));
    m_wire->disconnect(this);
    new WireCloser(m_wire, m_fd);
}
} // namespace lightd::ws
