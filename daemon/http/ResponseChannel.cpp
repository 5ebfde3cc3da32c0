#include "http/ResponseChannel.h"

namespace lightd::http {
namespace {
constexpr qint64 kChunk = 256 * 1024;
constexpr qint64 kHighWater = 1024 * 1024;
} // namespace

ResponseChannel::ResponseChannel(QTcpSocket *socket) : QObject(socket), m_socket(socket)
{
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_stream)
            pump();
    });
}

QByteArray ResponseChannel::serialize(const HttpResponse &response, const QString &requestId, bool headOnly,
                                      bool close)
{
    QByteArray out;
    out.reserve(160 + response.body.size());
    out += "HTTP/1.1 ";
    out += QByteArray::number(response.status);
    out += ' ';
    out += reasonPhrase(response.status);
    if (response.status != 204) { // a 204 carries neither (RFC 9110 8.6)
        out += "\r\nContent-Type: ";
        out += response.contentType;
        out += "\r\nContent-Length: ";
        out += QByteArray::number(response.bodyFile.isEmpty() ? response.body.size() : response.bodyFileSize);
    }
    out += "\r\nX-Request-Id: ";
    out += requestId.toLatin1();
    for (const auto &[k, v] : response.headers) {
        out += "\r\n";
        out += k;
        out += ": ";
        out += v;
    }
    out += close ? "\r\nConnection: close\r\n\r\n" : "\r\nConnection: keep-alive\r\n\r\n";
    if (!headOnly)
        out += response.body;
    return out;
}

void ResponseChannel::complete(quint64 seq, const HttpResponse &response, const QString &requestId,
                               bool headOnly, bool close)
{
    Pending p;
    p.bytes = serialize(response, requestId, headOnly, close);
    if (!headOnly && !response.bodyFile.isEmpty()) {
        p.file = response.bodyFile;
        p.fileSize = response.bodyFileSize;
    }
    p.close = close;
    m_ready.insert(seq, std::move(p));
    flush();
}

void ResponseChannel::completeAndClose(const HttpResponse &response, const QString &requestId)
{
    complete(open(), response, requestId, false, true);
}

void ResponseChannel::flush()
{
    while (!m_closing && !m_stream && !m_ready.isEmpty() && m_ready.firstKey() == m_nextToWrite) {
        Pending p = m_ready.take(m_nextToWrite);
        ++m_nextToWrite;
        if (!m_socket)
            continue;
        m_socket->write(p.bytes);
        if (!p.file.isEmpty()) {
            m_stream = std::make_unique<QFile>(p.file);
            if (!m_stream->open(QIODevice::ReadOnly)) {
                // Headers are out already: the only honest signal left is to cut the connection.
                m_stream.reset();
                m_closing = true;
                m_socket->abort();
                return;
            }
            m_streamLeft = p.fileSize;
            m_closeAfterStream = p.close;
            pump();
            continue;
        }
        if (p.close) {
            m_closing = true;
            m_socket->disconnectFromHost(); // flushes what is written, then closes
        }
    }
}

void ResponseChannel::pump()
{
    if (!m_socket) {
        m_stream.reset();
        return;
    }
    while (m_streamLeft > 0 && m_socket->bytesToWrite() < kHighWater) {
        const QByteArray chunk = m_stream->read(std::min(kChunk, m_streamLeft));
        if (chunk.isEmpty()) { // file shrank under us: the promised length cannot be kept
            m_stream.reset();
            m_closing = true;
            m_socket->abort();
            return;
        }
        m_socket->write(chunk);
        m_streamLeft -= chunk.size();
    }
    if (m_streamLeft > 0)
        return;
    m_stream.reset();
    if (m_closeAfterStream) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    flush();
}
} // namespace lightd::http
