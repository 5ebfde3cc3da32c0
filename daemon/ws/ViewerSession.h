#pragma once
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

class QTcpSocket;
class QWebSocket;

namespace lightd::ws {
// One WebSocket viewer of a container console. QWebSocket reads what the viewer sends (messages,
// pings, the close handshake); what the daemon sends is framed once by the hub and written as raw
// bytes to the TCP socket underneath, batched. While the socket's unsent bytes are above the
// high-water mark, frames wait in a queue of chunks shared with the other viewers; when the queue
// is full the oldest console frames are dropped (and the viewer told how many), and a viewer whose
// queue stays full past the stall bound is closed with 1008. Nothing here ever blocks the hub.
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
        // Bytes the viewer has not taken that it caused itself (QWebSocket answers every ping with
        // a pong written to the socket): a viewer that pings and never reads is closed with 1008.
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

    // `wire` is the TCP socket under `socket` (not owned).
    ViewerSession(std::unique_ptr<QWebSocket> socket, QTcpSocket *wire, const Limits &limits,
                  QObject *parent = nullptr);
    ~ViewerSession() override;

    void send(const Chunk &chunk);
    void sendText(const QByteArray &json, Kind kind); // one frame
    void close(int code, const QString &reason);
    quint64 dropped() const { return m_droppedTotal; }
    QWebSocket *socket() const { return m_socket.get(); }

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

    std::unique_ptr<QWebSocket> m_socket;
    QPointer<QTcpSocket> m_wire;
    int m_fd = -1; // the wire's descriptor for writes that bypass Qt's buffer (not with TLS)
    Limits m_limits;
    QList<Chunk> m_queue;
    int m_queuedFrames = 0;
    quint64 m_droppedPending = 0; // lines dropped since the viewer was last told
    quint64 m_droppedTotal = 0;   // lines and samples
    QTimer m_stall;               // runs while the queue is full
    qint64 m_windowStartMs = 0;
    int m_windowCount = 0;
    int m_fragments = 0;    // frames of the message being received
    bool m_closed = false;  // closed signal emitted
    bool m_closing = false; // close frame sent: write nothing more
    bool m_pumping = false;
};
} // namespace lightd::ws
