#pragma once
#include "docker/DockerRequest.h"
#include "docker/DockerTypes.h"
#include "docker/EngineEndpoint.h"
#include "docker/HttpResponseParser.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QLocalSocket>
#include <QObject>
#include <QTimer>

namespace lightd::docker {

// One HTTP exchange with the engine on its own connection (unix socket, TCP or TLS): connect, send, parse the
// response, then close. A hijacked (101) connection stays open for raw bytes both ways.
// Signals are never emitted from inside start(); finished() is emitted exactly once unless the
// connection is aborted first. Receivers may delete this object from any slot.
class DockerConnection final : public QObject
{
    Q_OBJECT
  public:
    struct Timeouts
    {
        int connectMs = 5000; // until the socket is connected
        int headMs = 30000;   // until the response head is in (0 = none)
        int totalMs = 30000;  // until the whole response is in (0 = none: streams)
    };

    DockerConnection(const EngineEndpoint &address, DockerRequest request, Timeouts timeouts,
                     QObject *parent = nullptr);
    ~DockerConnection() override;

    // Connects and sends on the next event-loop turn.
    void start();
    // Bytes for the hijacked stream; queued until the upgrade is done. False once closed.
    bool write(const QByteArray &data);
    // Closes the socket without emitting anything more.
    void abort();

    bool isUpgraded() const { return m_parser.state() == HttpResponseParser::State::Upgraded; }
    const HttpResponseHead &head() const { return m_parser.head(); }
    const DockerRequest &request() const { return m_request; }

  Q_SIGNALS:
    void headReceived(const lightd::docker::HttpResponseHead &head);
    void bodyData(const QByteArray &data);
    void finished(const lightd::docker::DockerError &error);

  private:
    void connectNow();
    void onConnected();
    void onReadyRead();
    void onSocketError(QLocalSocket::LocalSocketError error);
    void onTcpError(QAbstractSocket::SocketError error);
    void connectTcp();
    void startTimers();
    void stopTimers();
    void abortSocket();
    void onDisconnected();
    void dispatch(QList<HttpResponseParser::Event> &events);
    void finish(const DockerError &error);

    EngineEndpoint m_address;
    QString m_socketPath; // m_address.describe(), for messages
    DockerRequest m_request;
    Timeouts m_timeouts;
    QIODevice *m_socket = nullptr; // QLocalSocket, QTcpSocket or QSslSocket
    HttpResponseParser m_parser;
    QTimer m_connectTimer;
    QTimer m_headTimer;
    QTimer m_totalTimer;
    QElapsedTimer m_elapsed; // for the debug line of each finished call
    QByteArray m_pendingWrites;
    bool m_connected = false;
    bool m_done = false;
};

} // namespace lightd::docker
