#pragma once
#include <QSslConfiguration>
#include <QString>
#include <memory>

namespace lightd::docker {
// Where the engine listens: a unix socket (dockerd, Podman's Docker-compatible service), or
// host:port over TCP, with client-certificate TLS when `tls` is set (docker.host = tcp://...).
struct EngineEndpoint
{
    EngineEndpoint() = default;
    EngineEndpoint(const QString &unixSocket) : socketPath(unixSocket) {} // NOLINT: a path is an address
    static EngineEndpoint tcp(const QString &host, quint16 port,
                              std::shared_ptr<const QSslConfiguration> tls = nullptr);

    QString socketPath; // used when tcpHost is empty
    QString tcpHost;
    quint16 tcpPort = 0;
    // Only built when configured: constructing one loads the TLS backend.
    std::shared_ptr<const QSslConfiguration> tls;

    bool isTcp() const { return !tcpHost.isEmpty(); }
    QString describe() const; // for messages: the socket path, or tcp://host:port (tls)
};
} // namespace lightd::docker
