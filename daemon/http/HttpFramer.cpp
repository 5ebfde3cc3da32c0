#include "http/HttpFramer.h"

#include <cstring>

namespace lightd::http {
namespace {
constexpr qsizetype kMaxChunkLine = 4096;

bool iequals(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// RFC 9110/9112 sizes are bare digits; toLongLong() would also take "+5" or "0x5", and a guard that
// reads a size differently from the parser behind it is a request-smuggling hole.
bool allDigits(QByteArrayView v, bool hex)
{
    if (v.isEmpty() || v.size() > 15)
        return false;
    for (char c : v) {
        const bool ok = (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
        if (!ok)
            return false;
    }
    return true;
}

bool containsToken(QByteArrayView value, QByteArrayView token)
{
    for (auto part : QByteArray(value.data(), value.size()).split(',')) {
        if (iequals(part.trimmed(), token))
            return true;
    }
    return false;
}
} // namespace

QByteArray RequestHead::header(QByteArrayView name) const
{
    for (const auto &[k, v] : headers) {
        if (iequals(k, name))
            return v;
    }
    return {};
}

bool HttpFramer::parseHead(const QByteArray &raw, RequestHead &head)
{
    const auto lines = raw.split('\n');
    if (lines.isEmpty())
        return false;
    const auto requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine[0].isEmpty() || requestLine[1].isEmpty() ||
        !requestLine[2].startsWith("HTTP/1."))
        return false;
    head.method = requestLine[0];
    head.target = requestLine[1];
    head.version = requestLine[2];
    bool haveLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const auto colon = line.indexOf(':');
        if (colon <= 0)
            return false;
        QByteArray key = line.left(colon).trimmed();
        QByteArray value = line.mid(colon + 1).trimmed();
        if (iequals(key, "content-length")) {
            bool ok = allDigits(value, false);
            const qint64 n = ok ? value.toLongLong(&ok) : -1;
            if (!ok || n < 0 || (haveLength && n != head.contentLength))
                return false;
            head.contentLength = n;
            haveLength = true;
        } else if (iequals(key, "transfer-encoding")) {
            head.chunked = containsToken(value, "chunked");
        } else if (iequals(key, "expect")) {
            head.expectContinue = iequals(value, "100-continue");
        } else if (iequals(key, "connection")) {
            head.wantsClose = containsToken(value, "close");
        } else if (iequals(key, "upgrade")) {
            head.websocketUpgrade = containsToken(value, "websocket");
        }
        head.headers.append({std::move(key), std::move(value)});
    }
    if (head.chunked)
        head.contentLength = 0;
    if (head.version == "HTTP/1.0" && !containsToken(head.header("connection"), "keep-alive"))
        head.wantsClose = true;
    return true;
}

HttpFramer::Error HttpFramer::fail(Error e)
{
    m_error = e;
    return e;
}

void HttpFramer::finishMessage()
{
    if (m_stopped)
        return;
    m_state = State::Head;
    m_line.clear();
    if (onMessageEnd)
        onMessageEnd();
}

qint64 HttpFramer::passBody(const char *&p, const char *end)
{
    const qint64 take = std::min<qint64>(m_remaining, end - p);
    if (onBody)
        onBody(p, take);
    p += take;
    m_remaining -= take;
    return m_remaining;
}

HttpFramer::Error HttpFramer::feed(const char *data, qsizetype size)
{
    const char *p = data;
    const char *end = data + size;
    while (m_error == Error::None && p < end && !m_stopped) {
        switch (m_state) {
        case State::Head: {
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', end - p));
            const char *stop = nl ? nl + 1 : end;
            m_line.append(p, stop - p);
            p = stop;
            if (m_line.size() > m_maxHead)
                return fail(Error::HeadTooLarge);
            if (m_line == "\r\n" || m_line == "\n") { // tolerated blank lines between requests
                m_line.clear();
                continue;
            }
            if (!(m_line.endsWith("\r\n\r\n") || m_line.endsWith("\n\n")))
                continue;
            RequestHead head;
            if (!parseHead(m_line, head))
                return fail(Error::BadRequest);
            m_line.clear();
            m_bodyLimit = onHead ? onHead(head) : 0;
            if (m_stopped)
                return m_error;
            m_bodySeen = 0;
            if (head.chunked) {
                m_state = State::ChunkSize;
            } else if (head.contentLength > 0) {
                if (head.contentLength > m_bodyLimit)
                    return fail(Error::BodyTooLarge);
                m_remaining = head.contentLength;
                m_state = State::Body;
            } else {
                finishMessage();
            }
            break;
        }
        case State::Body:
            if (passBody(p, end) == 0)
                finishMessage();
            break;
        case State::ChunkSize:
        case State::Trailer: {
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', end - p));
            const char *stop = nl ? nl + 1 : end;
            m_line.append(p, stop - p);
            p = stop;
            if (m_line.size() > kMaxChunkLine)
                return fail(Error::BadChunk);
            if (!nl)
                continue;
            const QByteArray line = m_line.trimmed();
            m_line.clear();
            if (m_state == State::Trailer) {
                if (line.isEmpty())
                    finishMessage();
                continue;
            }
            const auto semi = line.indexOf(';');
            const QByteArray sizeText = (semi >= 0 ? line.left(semi) : line).trimmed();
            bool ok = allDigits(sizeText, true);
            const qint64 n = ok ? sizeText.toLongLong(&ok, 16) : -1;
            if (!ok || n < 0)
                return fail(Error::BadChunk);
            if (n == 0) {
                m_state = State::Trailer;
                continue;
            }
            m_bodySeen += n;
            if (m_bodySeen > m_bodyLimit)
                return fail(Error::BodyTooLarge);
            m_remaining = n;
            m_state = State::ChunkData;
            break;
        }
        case State::ChunkData:
            if (passBody(p, end) == 0 && !m_stopped)
                m_state = State::ChunkDataEnd;
            break;
        case State::ChunkDataEnd: {
            // the CRLF that closes a chunk's data
            const char c = *p++;
            if (c == '\n')
                m_state = State::ChunkSize;
            else if (c != '\r')
                return fail(Error::BadChunk);
            break;
        }
        }
    }
    return m_error;
}
} // namespace lightd::http
