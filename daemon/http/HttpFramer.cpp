#include "http/HttpFramer.h"

#include <cstring>
#include <utility>

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

namespace {
// RFC 9110 token characters (method, header names).
bool isTchar(char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != 0;
}

bool isToken(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (!isTchar(c))
            return false;
    }
    return true;
}

// A field value: visible characters, spaces, tabs and obs-text; no NUL, CR or other controls.
bool isFieldValue(QByteArrayView v)
{
    for (char ch : v) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return false;
    }
    return true;
}

// The request target: visible ASCII only (no spaces, controls or raw 8-bit bytes).
bool isTarget(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char ch : v) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c >= 0x7f)
            return false;
    }
    return v.front() == '/' || v == "*" || v.startsWith("http://") || v.startsWith("https://");
}

QByteArrayView trimOws(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}
} // namespace

// The daemon's only HTTP parser: nothing behind it parses the bytes again, so whatever it cannot
// read one way only (obs-fold, whitespace before a colon, CL with TE, differing CLs, stray CR or NUL,
// two Hosts) is refused rather than guessed.
bool HttpFramer::parseHead(const QByteArray &raw, RequestHead &head)
{
    QList<QByteArrayView> lines;
    for (qsizetype from = 0; from < raw.size();) {
        qsizetype nl = raw.indexOf('\n', from);
        if (nl < 0)
            nl = raw.size();
        QByteArrayView line(raw.constData() + from, nl - from);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.contains('\r'))
            return false; // a bare CR: some parsers end lines there
        lines.append(line);
        from = nl + 1;
    }
    while (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();
    if (lines.isEmpty())
        return false;
    const QByteArrayView requestLine = lines.first();
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0)
        return false;
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method) || !isTarget(target) || (version != "HTTP/1.1" && version != "HTTP/1.0"))
        return false;
    head.method = method.toByteArray();
    head.target = target.toByteArray();
    head.version = version.toByteArray();
    bool haveLength = false;
    int transferEncodings = 0;
    int hosts = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines[i];
        if (line.isEmpty() || line.front() == ' ' || line.front() == '\t')
            return false; // obs-fold (or a blank line inside the head)
        const auto colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return false; // includes whitespace before the colon
        const QByteArrayView value = trimOws(line.sliced(colon + 1));
        if (!isFieldValue(value))
            return false;
        QByteArray key = line.first(colon).toByteArray();
        if (iequals(key, "content-length")) {
            bool ok = allDigits(value, false);
            const qint64 n = ok ? value.toLongLong(&ok) : -1;
            if (!ok || n < 0 || (haveLength && n != head.contentLength))
                return false;
            head.contentLength = n;
            haveLength = true;
        } else if (iequals(key, "transfer-encoding")) {
            // Only "chunked" is spoken; a list ("gzip, chunked") or a repeat is not guessed at.
            if (++transferEncodings > 1 || !iequals(value, "chunked"))
                return false;
            head.chunked = true;
        } else if (iequals(key, "host")) {
            ++hosts;
        } else if (iequals(key, "expect")) {
            head.expectContinue = iequals(value, "100-continue");
        } else if (iequals(key, "connection")) {
            head.wantsClose = containsToken(value, "close");
        } else if (iequals(key, "upgrade")) {
            head.websocketUpgrade = containsToken(value, "websocket");
        }
        head.headers.append({std::move(key), value.toByteArray()});
    }
    if (head.chunked && (haveLength || head.version == "HTTP/1.0"))
        return false; // CL with TE is a smuggling attempt, never "TE wins"
    if (hosts > 1)
        return false;
    head.hasHost = hosts == 1;
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

HttpFramer::Error HttpFramer::feed(const char *data, qsizetype size, qsizetype *consumed)
{
    const char *p = data;
    const char *end = data + size;
    struct Report // how far this call got, whichever way it returns
    {
        const char *&p;
        const char *start;
        qsizetype *out;
        ~Report()
        {
            if (out)
                *out = p - start;
        }
    } report{p, data, consumed};
    while (m_error == Error::None && p < end && !m_stopped && !m_paused) {
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
            head.raw = std::exchange(m_line, QByteArray());
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
