#include "ws/ClientFrameReader.h"

namespace lightd::ws {
namespace {
enum Opcode : quint8 { Continuation = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA };
} // namespace

bool isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const quint8 *>(bytes.data());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const quint8 c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        quint32 cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (n - i < len)
            return false;
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        static constexpr quint32 kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

bool isValidCloseCode(int code)
{
    if (code >= 3000 && code <= 4999)
        return true; // registered and private codes
    switch (code) {
    case 1000:
    case 1001:
    case 1002:
    case 1003:
    case 1007:
    case 1008:
    case 1009:
    case 1010:
    case 1011:
        return true;
    default:
        return false; // 1004-1006 and 1015 are never sent; the rest is unassigned
    }
}

QList<ClientFrameReader::Event> ClientFrameReader::feed(QByteArrayView bytes)
{
    QList<Event> out;
    if (m_finished)
        return out;
    m_buf.append(bytes.data(), bytes.size());
    while (!m_finished && readFrame(out)) {
    }
    if (m_finished) {
        m_buf.clear();
        m_used = 0;
    } else if (m_used > 0) {
        m_buf.remove(0, m_used); // once per feed: what is left is less than one frame
        m_used = 0;
    }
    return out;
}

void ClientFrameReader::fail(QList<Event> &out, int code, const QString &why)
{
    out.append({Kind::Error, {}, code, why});
    m_finished = true;
}

bool ClientFrameReader::readFrame(QList<Event> &out)
{
    const auto *p = reinterpret_cast<const quint8 *>(m_buf.constData()) + m_used;
    const qsizetype avail = m_buf.size() - m_used;
    if (avail < 2)
        return false;
    const bool fin = p[0] & 0x80;
    const quint8 opcode = p[0] & 0x0F;
    const bool control = opcode & 0x08;
    if (p[0] & 0x70)
        return fail(out, 1002, QStringLiteral("reserved bits set")), false;
    if (!(p[1] & 0x80)) // RFC 6455 5.1: a server must close on an unmasked client frame
        return fail(out, 1002, QStringLiteral("client frames must be masked")), false;
    if (opcode != Continuation && opcode != Text && opcode != Binary && opcode != Close && opcode != Ping &&
        opcode != Pong)
        return fail(out, 1002, QStringLiteral("unknown opcode %1").arg(opcode)), false;
    quint64 len = p[1] & 0x7F;
    qsizetype head = 2;
    if (control && (!fin || len > 125))
        return fail(out, 1002, QStringLiteral("control frames must be whole and at most 125 bytes")), false;
    if (len == 126) {
        if (avail < 4)
            return false;
        len = (quint64(p[2]) << 8) | p[3];
        head = 4;
    } else if (len == 127) {
        if (avail < 10)
            return false;
        len = 0;
        for (int i = 0; i < 8; ++i)
            len = (len << 8) | p[2 + i];
        head = 10;
        if (len >> 63)
            return fail(out, 1002, QStringLiteral("frame length out of range")), false;
    }
    if (!control) {
        if (opcode == Continuation && m_messageOpcode == 0)
            return fail(out, 1002, QStringLiteral("continuation frame without a message")), false;
        if (opcode != Continuation && m_messageOpcode != 0)
            return fail(out, 1002, QStringLiteral("new message before the last one ended")), false;
        // Checked before the payload is buffered: a client cannot make us hold more than the limit.
        if (len > quint64(m_limits.maxMessageBytes - m_message.size()))
            return fail(out, 1009, QStringLiteral("message too large")), false;
        if (!fin && m_fragments + 1 > m_limits.maxFragments)
            return fail(out, 1002, QStringLiteral("too many fragments in one message")), false;
    }
    if (quint64(avail) < quint64(head) + 4 + len)
        return false;
    const quint8 *mask = p + head;
    const quint8 *data = mask + 4;
    QByteArray payload(qsizetype(len), Qt::Uninitialized);
    for (qsizetype i = 0; i < qsizetype(len); ++i)
        payload[i] = char(data[i] ^ mask[i & 3]);
    m_used += head + 4 + qsizetype(len);

    switch (opcode) {
    case Ping:
        out.append({Kind::Ping, payload, 0, {}});
        return true;
    case Pong:
        out.append({Kind::Pong, payload, 0, {}});
        return true;
    case Close: {
        if (payload.size() == 1)
            return fail(out, 1002, QStringLiteral("close frame with a one-byte body")), false;
        int code = 1005;
        QString reason;
        if (payload.size() >= 2) {
            code = (quint8(payload[0]) << 8) | quint8(payload[1]);
            if (!isValidCloseCode(code))
                return fail(out, 1002, QStringLiteral("invalid close code %1").arg(code)), false;
            const QByteArrayView text = QByteArrayView(payload).sliced(2);
            if (!isValidUtf8(text))
                return fail(out, 1007, QStringLiteral("close reason is not UTF-8")), false;
            reason = QString::fromUtf8(text);
        }
        out.append({Kind::Close, {}, code, reason});
        m_finished = true;
        return false;
    }
    default:
        break;
    }
    if (opcode != Continuation)
        m_messageOpcode = opcode;
    m_message.append(payload);
    if (!fin) {
        ++m_fragments;
        return true;
    }
    const bool text = m_messageOpcode == Text;
    QByteArray message = std::exchange(m_message, QByteArray());
    m_messageOpcode = 0;
    m_fragments = 0;
    if (text && !isValidUtf8(message))
        return fail(out, 1007, QStringLiteral("text message is not UTF-8")), false;
    out.append({text ? Kind::Text : Kind::Binary, std::move(message), 0, {}});
    return true;
}
} // namespace lightd::ws
