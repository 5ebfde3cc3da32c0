#pragma once
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include "ws/ClientFrameReader.h"

class QTcpSocket;

namespace lightd::ws {
// One WebSocket viewer of a container console, on the TCP socket whose upgrade the listener
// answered. ClientFrameReader reads what the viewer sends (messages, pings, the close handshake);
// what the daemon sends is framed once by the hub and written as raw bytes to the socket, batched. While the
// socket's unsent bytes are above the high-water mark, frames wait in a queue of chunks shared with the other
// viewers; when the queue is full the oldest console frames are dropped (and the viewer told how many), and a
// viewer whose queue stays full past the stall bound is closed with 1008. Nothing here ever blocks the hub.
class ViewerSession final : public QObject
{
    Q_OBJECT
  public:
    struct Limits
    {
        int queueFrames = 4096;
        qint64 highWaterBytes = 64 * 1024; // unsent bytes in the socket before frames queue here
        int stallMs = 30000;               // full queue for this long: close with 1008
        int maxMessages = 10;              // messages a viewer may send per window (Wings: 10 per 200 ms)
        int messageWindowMs = 200;
        qint64 maxMessageBytes = 64 * 1024;
        // Bytes the viewer has not taken that it caused itself (every ping is answered with a pong
        // written to the socket): a viewer that pings and never reads is closed with 1008.
        qint64 maxOwedBytes = 1024 * 1024;
        // Frames one message may be split into: empty continuation frames cost the daemon work and
        // never reach the size limit, so a stream of them is closed (1002) past this.
        int maxFragments = 256;
    };

    // What a frame is decides what happens to it under pressure.
    enum class Kind {
        Control, // state, logs, daemon messages, errors: never dropped
        Line,    // console and install lines: the oldest are dropped, and the viewer is told how many
        Sample,  // stats: dropped without notice (the next sample supersedes it)
    };
    // Consecutive encoded WebSocket frames of one kind; the bytes are shared, not copied, by every
    // viewer (and queue) they go to.
    struct Chunk
    {
        QByteArray bytes;
        Kind kind = Kind::Control;
        int frames = 0;
    };

    // `wire` is the upgraded connection (deleted by the listener once it disconnects); `early` is
    // what the viewer sent right behind its handshake.
    ViewerSession(QTcpSocket *wire, const QByteArray &early, const Limits &limits, QObject *parent = nullptr);
    ~ViewerSession() override;

    void send(const Chunk &chunk);
    void sendText(const QByteArray &json, Kind kind); // one frame
    void close(int code, const QString &reason);
    quint64 dropped() const { return m_droppedTotal; }

  Q_SIGNALS:
    void messageReceived(const QString &message);
    void rateLimited();
    void closed();

  private:
    bool writable() const;
    void write(const QByteArray &bytes);
    void writeRaw(const QByteArray &bytes);
    void writeDropNotice();
    void pump();
    void drop(qsizetype index);
    void checkOwed();
    void onReadyRead();
    void take(const QByteArray &bytes);
    void onMessage(const QByteArray &text);
    // Sends a close frame (unless one went out), then ends the connection once it is written.
    void sendClose(int code, const QString &reason);

    QPointer<QTcpSocket> m_wire;
    ClientFrameReader m_reader;
    int m_fd = -1; // the wire's descriptor for writes that bypass Qt's buffer (not with TLS)
    Limits m_limits;
    QByteArray m_early; // sent behind the handshake, read before the socket
    QList<Chunk> m_queue;
    int m_queuedFrames = 0;
    quint64 m_droppedPending = 0; // lines dropped since the viewer was last told
    quint64 m_droppedTotal = 0;   // lines and samples
    QTimer m_stall;               // runs while the queue is full
    qint64 m_windowStartMs = 0;
    int m_windowCount = 0;
    bool m_closed = false;  // closed signal emitted
    bool m_closing = false; // close frame sent: write nothing more
    bool m_pumping = false;
};
} // namespace lightd::ws
