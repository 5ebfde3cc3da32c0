#pragma once
#include "docker/ChunkedDecoder.h"

#include <QByteArray>
#include <QList>
#include <QPair>

namespace lightd::docker {

struct HttpResponseHead
{
    QByteArray version;
    int status = 0;
    QByteArray reason;
    QList<QPair<QByteArray, QByteArray>> headers;

    // First value of a header, name compared case-insensitively; empty if absent.
    QByteArray header(QByteArrayView name) const;
    bool hasToken(QByteArrayView name, QByteArrayView token) const;
};

// Parses one HTTP/1.1 response from a byte stream, fed in pieces of any size. It has no I/O and no
// callbacks: each feed() appends events, so the owner may react (even destroy itself) between them.
// Bodies are framed by Content-Length, chunked coding, or the end of the connection; after a
// "101 Switching Protocols" every further byte is handed out as raw body data.
class HttpResponseParser
{
  public:
    struct Event
    {
        enum class Type { Head, Body, Complete };
        Type type;
        QByteArray data; // Body only
        bool operator==(const Event &other) const = default;
    };
    enum class State { Head, Body, Upgraded, Done, Error };

    explicit HttpResponseParser(qsizetype maxHeadBytes = 64 * 1024) : m_maxHead(maxHeadBytes) {}

    // A response to HEAD has no body whatever its headers say.
    void setHeadRequest(bool head) { m_headRequest = head; }

    // Feeds the next bytes; returns false once the response is malformed (see errorString()).
    bool feed(QByteArrayView data, QList<Event> &out);
    // The peer closed the connection: ends a body that runs to EOF (and an upgraded stream).
    // Returns false if the response was cut short.
    bool finish(QList<Event> &out);

    State state() const { return m_state; }
    const HttpResponseHead &head() const { return m_head; }
    bool headSeen() const { return m_headSeen; }
    const QByteArray &errorString() const { return m_error; }

  private:
    enum class Framing { None, Length, Chunked, UntilEof };
    bool fail(const QByteArray &why);
    bool takeHeadLine(QByteArrayView line, QList<Event> &out);
    bool startBody(QList<Event> &out);

    qsizetype m_maxHead;
    bool m_headRequest = false;
    State m_state = State::Head;
    Framing m_framing = Framing::None;
    HttpResponseHead m_head;
    bool m_headSeen = false;
    bool m_statusLineSeen = false;
    qsizetype m_headBytes = 0;
    QByteArray m_line;
    qint64 m_remaining = 0;
    ChunkedDecoder m_chunked;
    QByteArray m_error;
};

} // namespace lightd::docker
