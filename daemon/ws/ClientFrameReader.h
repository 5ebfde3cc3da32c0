#pragma once
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace lightd::ws {
// Reads what a WebSocket client sends (RFC 6455 section 5), bytes in, events out. Ours rather than
// QWebSocket's so that the rules a server must enforce are enforced: Qt 6.4 accepted unmasked client
// frames, which lets a client (or a cache in between) be fed frames it did not send. Pure logic: no
// socket, no timers, so it is unit-tested and fuzzed on its own.
class ClientFrameReader
{
  public:
    struct Limits
    {
        qint64 maxMessageBytes = 64 * 1024; // a larger message ends the connection with 1009
        int maxFragments = 256;             // frames one message may be split into; past it 1002
    };
    enum class Kind {
        Text,   // a whole text message, valid UTF-8 (payload)
        Binary, // a whole binary message
        Ping,   // payload: to be echoed in a pong
        Pong,
        Close, // the client's close frame: closeCode (1005 when it gave none) and reason
        Error, // the stream broke a rule: close with closeCode; nothing after it is read
    };
    struct Event
    {
        Kind kind;
        QByteArray payload;
        int closeCode = 0;
        QString reason;
    };

    explicit ClientFrameReader(const Limits &limits) : m_limits(limits) {}

    // Takes the next bytes of the stream and returns the events they complete, in order. After a
    // Close or an Error event the reader is finished and ignores what follows.
    QList<Event> feed(QByteArrayView bytes);
    bool finished() const { return m_finished; }
    // Bytes held waiting for the rest of a frame (bounded by the message limit plus a header).
    qsizetype buffered() const { return m_buf.size() - m_used; }

  private:
    // One frame from m_buf at m_used, if whole: false when more bytes are needed.
    bool readFrame(QList<Event> &out);
    void fail(QList<Event> &out, int code, const QString &why);

    Limits m_limits;
    QByteArray m_buf;
    qsizetype m_used = 0;
    QByteArray m_message;    // fragments of the data message in progress
    int m_messageOpcode = 0; // 1 text, 2 binary; 0 when no message is in progress
    int m_fragments = 0;
    bool m_finished = false;
};

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(QByteArrayView bytes);
// A close code a client may send (RFC 6455 section 7.4).
bool isValidCloseCode(int code);
} // namespace lightd::ws
