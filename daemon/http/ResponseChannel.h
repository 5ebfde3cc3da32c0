#pragma once
#include "http/HttpResponse.h"

#include <QFile>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <memory>

namespace lightd::http {
// Writes a connection's responses in request order, whatever order handlers finish in, and closes
// the connection after a response that asked for it. It is the only writer of response bytes, which
// is also where HEAD bodies are dropped and `Connection: close` is honoured.
class ResponseChannel final : public QObject
{
    Q_OBJECT
  public:
    explicit ResponseChannel(QTcpSocket *socket);

    quint64 open() { return m_nextSeq++; }
    // Serialises and queues the response for slot seq. headOnly drops the body, close ends the connection.
    void complete(quint64 seq, const HttpResponse &response, const QString &requestId, bool headOnly,
                  bool close);
    // Abandons the connection after everything queued so far: used by the guard's refusals.
    void completeAndClose(const HttpResponse &response, const QString &requestId);
    quint64 pending() const { return m_nextSeq - m_nextToWrite; }
    QTcpSocket *socket() const { return m_socket; }

    static QByteArray serialize(const HttpResponse &response, const QString &requestId, bool headOnly,
                                bool close);

  private:
    struct Pending
    {
        QByteArray bytes;
        QString file; // streamed after bytes when set
        qint64 fileSize = 0;
        bool close = false;
    };
    void flush();
    void pump();

    QPointer<QTcpSocket> m_socket;
    quint64 m_nextSeq = 0;
    quint64 m_nextToWrite = 0;
    QMap<quint64, Pending> m_ready;
    std::unique_ptr<QFile> m_stream; // the file body being written, if any
    qint64 m_streamLeft = 0;
    bool m_closeAfterStream = false;
    bool m_closing = false;
};
} // namespace lightd::http
