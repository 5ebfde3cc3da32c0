#include "docker/HttpResponseParser.h"

#include <algorithm>
#include <utility>

namespace lightd::docker {

QByteArray HttpResponseHead::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool HttpResponseHead::hasToken(QByteArrayView name, QByteArrayView token) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &part : h.second.split(',')) {
            if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

bool HttpResponseParser::fail(const QByteArray &why)
{
    m_state = State::Error;
    m_error = why;
    return false;
}

bool HttpResponseParser::takeHeadLine(QByteArrayView line, QList<Event> &out)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (!m_statusLineSeen) {
        // "HTTP/1.1 200 OK": the reason phrase may be empty or missing.
        if (!line.startsWith("HTTP/1."))
            return fail("bad status line");
        const qsizetype sp = line.indexOf(' ');
        if (sp < 0)
            return fail("bad status line");
        const QByteArrayView rest = line.sliced(sp + 1);
        const QByteArrayView code = rest.first(std::min<qsizetype>(3, rest.size()));
        bool ok = false;
        const int status = code.toInt(&ok);
        if (!ok || code.size() != 3 || status < 100 || (rest.size() > 3 && rest[3] != ' '))
            return fail("bad status code");
        m_head = HttpResponseHead();
        m_head.version = line.first(sp).toByteArray();
        m_head.status = status;
        m_head.reason = rest.size() > 4 ? rest.sliced(4).toByteArray() : QByteArray();
        m_statusLineSeen = true;
        return true;
    }
    if (!line.isEmpty()) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.first(colon).contains(' ') || line.first(colon).contains('\t'))
            return fail("bad header line");
        m_head.headers.append(
            {line.first(colon).toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
        return true;
    }
    // Blank line: the head is complete. Interim 1xx responses (but 101) are skipped.
    if (m_head.status >= 100 && m_head.status < 200 && m_head.status != 101) {
        m_statusLineSeen = false;
        m_headBytes = 0;
        return true;
    }
    m_headSeen = true;
    out.append({Event::Type::Head, {}});
    return startBody(out);
}

bool HttpResponseParser::startBody(QList<Event> &out)
{
    const int status = m_head.status;
    if (status == 101) {
        m_state = State::Upgraded;
        return true;
    }
    if (m_headRequest || status == 204 || status == 304) {
        m_state = State::Done;
        out.append({Event::Type::Complete, {}});
        return true;
    }
    const QByteArray te = m_head.header("Transfer-Encoding");
    if (!te.isEmpty()) {
        // Chunked must be the last coding; anything else is not something the engine sends.
        if (!te.trimmed().toLower().endsWith("chunked"))
            return fail("unsupported transfer-encoding");
        m_framing = Framing::Chunked;
        m_state = State::Body;
        return true;
    }
    QByteArray lengthValue;
    for (const auto &h : m_head.headers) {
        if (h.first.compare("Content-Length", Qt::CaseInsensitive) != 0)
            continue;
        if (!lengthValue.isNull() && lengthValue != h.second)
            return fail("conflicting content-length");
        lengthValue = h.second;
    }
    if (!lengthValue.isNull()) {
        bool ok = false;
        const qint64 length = lengthValue.toLongLong(&ok);
        if (!ok || length < 0 || lengthValue.startsWith('+'))
            return fail("bad content-length");
        m_framing = Framing::Length;
        m_remaining = length;
        if (length == 0) {
            m_state = State::Done;
            out.append({Event::Type::Complete, {}});
            return true;
        }
        m_state = State::Body;
        return true;
    }
    m_framing = Framing::UntilEof;
    m_state = State::Body;
    return true;
}

bool HttpResponseParser::feed(QByteArrayView data, QList<Event> &out)
{
    qsizetype pos = 0;
    const qsizetype n = data.size();
    while (pos < n) {
        switch (m_state) {
        case State::Head: {
            const qsizetype nl = data.indexOf('\n', pos);
            const qsizetype end = nl < 0 ? n : nl;
            m_headBytes += end - pos + (nl < 0 ? 0 : 1);
            if (m_headBytes > m_maxHead)
                return fail("response head too large");
            m_line.append(data.sliced(pos, end - pos));
            if (nl < 0)
                return true;
            pos = nl + 1;
            const QByteArray line = std::exchange(m_line, {});
            if (!takeHeadLine(line, out))
                return false;
            break;
        }
        case State::Body: {
            if (m_framing == Framing::Chunked) {
                QByteArray payload;
                pos += m_chunked.feed(data.sliced(pos), payload);
                if (!payload.isEmpty())
                    out.append({Event::Type::Body, payload});
                if (m_chunked.status() == ChunkedDecoder::Status::Error)
                    return fail(m_chunked.errorString());
                if (m_chunked.status() == ChunkedDecoder::Status::Done) {
                    m_state = State::Done;
                    out.append({Event::Type::Complete, {}});
                }
            } else if (m_framing == Framing::Length) {
                const qsizetype take = qsizetype(std::min<qint64>(m_remaining, n - pos));
                out.append({Event::Type::Body, data.sliced(pos, take).toByteArray()});
                pos += take;
                m_remaining -= take;
                if (m_remaining == 0) {
                    m_state = State::Done;
                    out.append({Event::Type::Complete, {}});
                }
            } else {
                out.append({Event::Type::Body, data.sliced(pos).toByteArray()});
                pos = n;
            }
            break;
        }
        case State::Upgraded:
            out.append({Event::Type::Body, data.sliced(pos).toByteArray()});
            pos = n;
            break;
        case State::Done:
            return true; // bytes after a complete response are not ours (connection is closing)
        case State::Error:
            return false;
        }
    }
    return true;
}

bool HttpResponseParser::finish(QList<Event> &out)
{
    switch (m_state) {
    case State::Upgraded:
        m_state = State::Done;
        out.append({Event::Type::Complete, {}});
        return true;
    case State::Body:
        if (m_framing == Framing::UntilEof) {
            m_state = State::Done;
            out.append({Event::Type::Complete, {}});
            return true;
        }
        return fail("connection closed inside the body");
    case State::Head:
        return fail(m_headBytes == 0 && !m_statusLineSeen ? "connection closed before a response"
                                                          : "connection closed inside the head");
    case State::Done:
        return true;
    case State::Error:
        return false;
    }
    return false;
}

} // namespace lightd::docker
