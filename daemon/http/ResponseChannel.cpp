#include "http/ResponseChannel.h"

namespace lightd::http {
ResponseChannel::ResponseChannel(QTcpSocket *socket) : QObject(socket), m_socket(socket) {}

QByteArray ResponseChannel::serialize(const HttpResponse &response, const QString &requestId, bool headOnly,
                                      bool close)
{
    QByteArray out;
    out.reserve(160 + response.body.size());
    out += "HTTP/1.1 ";
    out += QByteArray::number(response.status);
    out += ' ';
    out += reasonPhrase(response.status);
    out += "\r\nContent-Type: ";
    out += response.contentType;
    out += "\r\nContent-Length: ";
    out += QByteArray::number(response.body.size());
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
    m_ready.insert(seq, {serialize(response, requestId, headOnly, close), close});
    flush();
}

void ResponseChannel::completeAndClose(const HttpResponse &response, const QString &requestId)
{
    complete(open(), response, requestId, false, true);
}

void ResponseChannel::flush()
{
    while (!m_closing && !m_ready.isEmpty() && m_ready.firstKey() == m_nextToWrite) {
        auto [bytes, close] = m_ready.take(m_nextToWrite);
        ++m_nextToWrite;
        if (!m_socket)
            continue;
        m_socket->write(bytes);
        if (close) {
            m_closing = true;
            m_socket->disconnectFromHost(); // flushes what is written, then closes
        }
    }
}
} // namespace lightd::http
