#pragma once
#include <QByteArray>
#include <QList>
#include <QPair>
#include <functional>

namespace lightd::http {
// The head of one HTTP/1.1 request, as the connection guard parses it (the daemon's only parser).
struct RequestHead
{
    QByteArray method;
    QByteArray target;
    QByteArray version;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 contentLength = 0;
    bool chunked = false;
    bool expectContinue = false;
    bool wantsClose = false;
    bool websocketUpgrade = false;
    bool hasHost = false;
    QByteArray raw; // the head's bytes as received (handed back to the socket for a WebSocket upgrade)

    QByteArray header(QByteArrayView name) const;
};

// Frames a byte stream into requests (head, then body by Content-Length or chunked coding), so the
// guard can refuse oversized heads and bodies before anything is buffered. It only counts body
// bytes; it never keeps them.
class HttpFramer
{
  public:
    enum class Error { None, HeadTooLarge, BadRequest, BodyTooLarge, BadChunk };

    // Called once a head is complete; returns the body limit for this request (bytes).
    std::function<qint64(const RequestHead &)> onHead;
    // Called when a whole request (head and body) has gone by.
    std::function<void()> onMessageEnd;
    // When set, body bytes (de-chunked) are handed here as they pass; otherwise only counted.
    std::function<void(const char *, qsizetype)> onBody;

    explicit HttpFramer(qsizetype maxHeadBytes = 16 * 1024) : m_maxHead(maxHeadBytes) {}

    // Feeds the next bytes of the stream; returns the first error met (and stays in it). consumed
    // (when given) says how many bytes were taken: fewer than size only after pause() or an error.
    Error feed(const char *data, qsizetype size, qsizetype *consumed = nullptr);
    // Stop taking bytes until resume(): a callback (onMessageEnd) pauses when the requests already
    // taken have not been answered yet, so a pipelining client is read no faster than it is served.
    void pause() { m_paused = true; }
    void resume() { m_paused = false; }
    bool isPaused() const { return m_paused; }
    // Inside a head that has not ended yet (for the head timeout).
    bool midHead() const { return !m_stopped && m_state == State::Head && !m_line.isEmpty(); }
    Error error() const { return m_error; }
    bool inBody() const { return m_stopped || m_state != State::Head; }
    // Stop framing for good: the connection now speaks another protocol (WebSocket), or its owner
    // refused the request. Callbacks may call it; once stopped, nothing else is called back, not
    // even for bytes of the same feed() (a body whose last bytes were refused never "ends").
    void stop() { m_stopped = true; }
    bool isStopped() const { return m_stopped; }
    // The bytes of a head not complete yet (a head refused as too large still names its origin).
    QByteArrayView headSoFar() const
    {
        return m_state == State::Head ? QByteArrayView(m_line) : QByteArrayView();
    }

    static bool parseHead(const QByteArray &raw, RequestHead &head);

  private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailer };
    Error fail(Error e);
    void finishMessage();
    // Hands the next body bytes (up to what the current body or chunk still owes) to onBody and
    // advances p; returns how many bytes are still owed.
    qint64 passBody(const char *&p, const char *end);

    qsizetype m_maxHead;
    State m_state = State::Head;
    // Kept apart from m_state: the transition that follows a callback must not undo a stop made in it.
    bool m_stopped = false;
    bool m_paused = false;
    Error m_error = Error::None;
    QByteArray m_line; // head bytes, or the current chunk-size / trailer line
    qint64 m_remaining = 0;
    qint64 m_bodySeen = 0;
    qint64 m_bodyLimit = 0;
};
} // namespace lightd::http
