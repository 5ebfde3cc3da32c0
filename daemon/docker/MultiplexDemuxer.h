#pragma once
#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace lightd::docker {

// Splits Docker's multiplexed stdout/stderr stream (/logs and /attach of a container without a
// TTY): frames of [stream, 0, 0, 0, size as big-endian u32] followed by size payload bytes.
// Headers may be split anywhere. A frame is handed out whole, except one larger than
// kMaxBufferedFrame, which goes out in pieces so a huge frame is never held in memory.
class MultiplexDemuxer
{
  public:
    static constexpr qsizetype kMaxBufferedFrame = 1024 * 1024;

    struct Frame
    {
        int stream; // 0 stdin, 1 stdout, 2 stderr, 3 engine error
        QByteArray data;
        bool operator==(const Frame &other) const = default;
    };

    // Returns false on a header that cannot be a multiplex header (and stays failed).
    bool feed(QByteArrayView data, QList<Frame> &out);
    // True when no frame is half-read: an EOF here is a clean end of stream.
    bool atFrameBoundary() const { return m_header.isEmpty() && m_remaining == 0; }
    bool failed() const { return m_failed; }

  private:
    QByteArray m_header;
    QByteArray m_payload;
    quint32 m_remaining = 0;
    int m_stream = 0;
    bool m_large = false;
    bool m_failed = false;
};

} // namespace lightd::docker
