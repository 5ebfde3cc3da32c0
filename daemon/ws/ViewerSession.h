#pragma once
#include <QByteArray>
#include <QDeadlineTimer>
#include <QObject>
#include <QQueue>
#include <memory>

class QWebSocket;

namespace lightd::ws {
// One WebSocket viewer of a container console. Frames are queued per viewer with a bound: while the
// socket's unsent bytes are above the high-water mark, console frames wait in the queue; when the
// queue is full the oldest console frames are dropped (and the viewer told how many), and a viewer
// that stays stalled past the hard bound is closed with 1008. Nothing here ever blocks the hub.
class ViewerSession final : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int queueFrames = 4096;
        qint64 highWaterBytes = 512 * 1024;
        int stallMs = 30000; // full queue for this long: close with 1008
        int messagesPerSecond = 20;
        qint64 maxMessageBytes = 64 * 1024;
    };

    ViewerSession(std::unique_ptr<QWebSocket> socket, const Limits &limits, QObject *parent = nullptr);
    ~ViewerSession() override;

    // What a frame is decides what happens to it under pressure.
    enum class Kind {
        Control, // state, logs, daemon messages, errors: never dropped
        Line,    // console and install lines: the oldest are dropped, and the viewer is told how many
        Sample,  // stats: dropped without notice (the next sample supersedes it)
    };
    void send(const QString &frame, Kind kind);
    void close(int code, const QString &reason);
    quint64 dropped() const { return m_droppedTotal; }
    QWebSocket *socket() const { return m_socket.get(); }

Q_SIGNALS:
    void messageReceived(const QString &message);
    void rateLimited();
    void closed();

private:
    struct Frame
    {
        QString text;
        Kind kind;
    };
    void pump();
    void writeFrame(const QString &text);

    std::unique_ptr<QWebSocket> m_socket;
    Limits m_limits;
    QQueue<Frame> m_queue;
    qint64 m_unsent = 0;
    quint64 m_droppedPending = 0; // lines dropped since the viewer was last told
    quint64 m_droppedTotal = 0;   // lines and samples
    QDeadlineTimer m_stalledSince{QDeadlineTimer::Forever};
    qint64 m_windowStartMs = 0;
    int m_windowCount = 0;
    bool m_closed = false;
};
} // namespace lightd::ws
