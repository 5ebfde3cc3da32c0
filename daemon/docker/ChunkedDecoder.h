#pragma once
#include <QByteArray>
#include <QByteArrayView>

namespace lightd::docker {

// Decodes an HTTP/1.1 chunked body incrementally. Payload bytes are handed out as soon as they
// arrive, so an endless chunked stream (logs, events) never accumulates here.
class ChunkedDecoder
{
  public:
    enum class Status { NeedMore, Done, Error };

    // Decodes from data, appending payload to out. Returns the bytes consumed: all of data, unless
    // the terminating chunk ended inside it (the rest belongs to whatever follows the body).
    qsizetype feed(QByteArrayView data, QByteArray &out);

    Status status() const { return m_status; }
    const char *errorString() const { return m_errorString; }
    void reset() { *this = ChunkedDecoder(); }

  private:
    enum class State { Size, Data, DataEnd, Trailer, Done, Error };
    bool fail(const char *why);
    bool takeSizeLine();

    State m_state = State::Size;
    Status m_status = Status::NeedMore;
    QByteArray m_line;
    qint64 m_remaining = 0;
    const char *m_errorString = "";
};

} // namespace lightd::docker
