#include "docker/ChunkedDecoder.h"

#include <algorithm>

namespace lightd::docker {
namespace {
constexpr qsizetype kMaxLine = 4096;          // chunk-size line with extensions, or a trailer line
constexpr qint64 kMaxChunk = qint64(1) << 40; // refuses absurd sizes before they overflow

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
} // namespace

bool ChunkedDecoder::fail(const char *why)
{
    m_state = State::Error;
    m_status = Status::Error;
    m_errorString = why;
    return false;
}

bool ChunkedDecoder::takeSizeLine()
{
    QByteArrayView line(m_line);
    if (line.endsWith('\r'))
        line.chop(1);
    const qsizetype semi = line.indexOf(';'); // chunk extensions are ignored
    if (semi >= 0)
        line = line.first(semi);
    line = line.trimmed();
    if (line.isEmpty())
        return fail("empty chunk size");
    qint64 size = 0;
    for (char c : line) {
        const int v = hexValue(c);
        if (v < 0)
            return fail("bad chunk size");
        size = size * 16 + v;
        if (size > kMaxChunk)
            return fail("chunk too large");
    }
    m_line.clear();
    m_remaining = size;
    m_state = size == 0 ? State::Trailer : State::Data;
    return true;
}

qsizetype ChunkedDecoder::feed(QByteArrayView data, QByteArray &out)
{
    qsizetype pos = 0;
    const qsizetype n = data.size();
    while (pos < n) {
        switch (m_state) {
        case State::Size:
        case State::Trailer:
        case State::DataEnd: {
            const qsizetype nl = data.indexOf('\n', pos);
            const qsizetype end = nl < 0 ? n : nl;
            m_line.append(data.sliced(pos, end - pos));
            if (m_line.size() > kMaxLine) {
                fail("chunk line too long");
                return pos;
            }
            if (nl < 0)
                return n;
            pos = nl + 1;
            if (m_state == State::Size) {
                if (!takeSizeLine())
                    return pos;
            } else if (m_state == State::DataEnd) {
                // The CRLF after a chunk's data: nothing else may sit on that line.
                if (!(m_line.isEmpty() || m_line == "\r")) {
                    fail("missing CRLF after chunk data");
                    return pos;
                }
                m_line.clear();
                m_state = State::Size;
            } else { // trailer: header lines, ended by an empty line
                const bool empty = m_line.isEmpty() || m_line == "\r";
                m_line.clear();
                if (empty) {
                    m_state = State::Done;
                    m_status = Status::Done;
                    return pos;
                }
            }
            break;
        }
        case State::Data: {
            const qsizetype take = qsizetype(std::min<qint64>(m_remaining, n - pos));
            out.append(data.sliced(pos, take));
            pos += take;
            m_remaining -= take;
            if (m_remaining == 0)
                m_state = State::DataEnd;
            break;
        }
        case State::Done:
        case State::Error:
            return pos;
        }
    }
    return pos;
}

} // namespace lightd::docker
