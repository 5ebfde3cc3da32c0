#pragma once
#include "http/ConnectionGuard.h"
#include "http/Cors.h"
#include "http/RequestMetrics.h"
#include "http/Router.h"

#include <QPointer>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <functional>
#include <optional>

class QTcpServer;

namespace lightd::http {
// The REST + WebSocket listener. Every connection is accepted by our own server and read by its
// ConnectionGuard, the one HTTP parser (QHttpServer 6.4's parser read bytes twice and framed some
// requests differently from the guard, so it is not fed at all); dispatch goes through the one
// Router and the one error mapper; accepted WebSocket upgrades are answered by the guard and queued
// here for the console gateway.
class HttpListener final : public QObject
{
    Q_OBJECT
  public:
    // Checks credentials for a route; throws DomainError (401/403/429) or returns the caller.
    using Authenticate = std::function<Caller(const HttpRequest &, Access)>;

    HttpListener(Router &router, Authenticate authenticate, QObject *parent = nullptr);

    void setLimits(const ConnectionGuard::Limits &limits) { m_limits = limits; }
    void setUpgradeCheck(ConnectionGuard::UpgradeCheck check) { m_upgradeCheck = std::move(check); }
    // Per-route body limits (uploads allow more than JSON routes).
    void setBodyLimit(ConnectionGuard::BodyLimit limit) { m_bodyLimit = std::move(limit); }
    void setTls(const QSslConfiguration &tls) { m_tls = tls; }
    // Body limit of streaming-upload routes (files.upload_limit_mb).
    void setUploadLimit(qint64 bytes) { m_uploadLimit = bytes; }
    void setAccessLog(bool on) { m_accessLog = on; }
    void setAllowedOrigins(const QStringList &origins) { m_cors.setAllowedOrigins(origins); }
    // Open connections one address may hold (server.max_connections_per_ip); past it: 429, closed.
    void setMaxConnectionsPerAddress(int n) { m_maxPerAddress = n; }

    // Starts listening; returns the bound port, or 0 with errorString set.
    quint16 start(const QHostAddress &address, quint16 port);
    void stop();
    QString errorString() const { return m_error; }
    quint64 inFlight() const { return m_inFlight; }
    const RequestMetrics &requestMetrics() const { return m_requestMetrics; }
    // A WebSocket connection whose upgrade passed the check and was answered (same-port consoles).
    // The listener's server still owns the socket and deletes it once it disconnects.
    struct Console
    {
        QPointer<QTcpSocket> wire; // null when the connection went away meanwhile
        QByteArray target;         // the upgrade's request target (path and query)
        QByteArray early;          // what the client sent right behind its handshake
    };
    bool hasPendingConsole() const { return !m_consoles.isEmpty(); }
    Console nextPendingConsole() { return m_consoles.takeFirst(); }

  Q_SIGNALS:
    void consoleConnected();
    // A connection (REST or console) has ended and its socket is gone.
    void connectionClosed();

  private:
    friend class GuardedTcpServer;
    class AddressSlot final : public QObject
    {
      public:
        AddressSlot(QObject *socket, HttpListener *listener, QString peer)
            : QObject(socket), m_listener(listener), m_peer(std::move(peer))
        {}
        ~AddressSlot() override;

      private:
        QPointer<HttpListener> m_listener;
        QString m_peer;
    };
    bool admit(QTcpSocket *socket);
    void adopt(QTcpSocket *socket);
    void handle(const RequestHead &head, QByteArray body, QTcpSocket *socket, ResponseChannel *channel);
    void dispatch(const HttpRequest &req, const Route &route, Responder responder);
    ConnectionGuard::Upload uploadFor(const RequestHead &head, const QHostAddress &peer);

    Router &m_router;
    Cors m_cors;
    RequestMetrics m_requestMetrics;
    Authenticate m_authenticate;
    ConnectionGuard::Limits m_limits;
    ConnectionGuard::UpgradeCheck m_upgradeCheck;
    ConnectionGuard::BodyLimit m_bodyLimit;
    // Only constructed when TLS is configured: building one loads the TLS backend (OpenSSL).
    std::optional<QSslConfiguration> m_tls;
    QTcpServer *m_server = nullptr;
    QList<Console> m_consoles; // upgraded, not yet taken by the gateway
    QString m_error;
    bool m_accessLog = true;
    qint64 m_uploadLimit = 1024LL * 1024 * 1024;
    quint64 m_inFlight = 0;
    int m_maxPerAddress = 512;
    QHash<QString, int> m_perAddress; // open connections per peer address
};
} // namespace lightd::http
