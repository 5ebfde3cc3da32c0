#include "docker/EngineEndpoint.h"

namespace lightd::docker {
EngineEndpoint EngineEndpoint::tcp(const QString &host, quint16 port,
                                   std::shared_ptr<const QSslConfiguration> tls)
{
    EngineEndpoint a;
    a.tcpHost = host;
    a.tcpPort = port;
    a.tls = std::move(tls);
    return a;
}

QString EngineEndpoint::describe() const
{
    if (!isTcp())
        return socketPath;
    return QStringLiteral("tcp://%1:%2%3")
        .arg(tcpHost)
        .arg(tcpPort)
        .arg(tls ? QStringLiteral(" (TLS)") : QString());
}
} // namespace lightd::docker
