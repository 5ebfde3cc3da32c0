#include "app/EngineOptions.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <stdexcept>

namespace lightd {
namespace {
QByteArray readPem(const QString &path, const char *key)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error(std::string(key) + ": cannot read " + path.toStdString());
    return f.readAll();
}

std::shared_ptr<const QSslConfiguration> clientTls(const Config::Docker &c)
{
    const auto cas = QSslCertificate::fromData(readPem(c.tlsCa, "docker.tls_ca"), QSsl::Pem);
    const auto certs = QSslCertificate::fromData(readPem(c.tlsCert, "docker.tls_cert"), QSsl::Pem);
    const QByteArray keyPem = readPem(c.tlsKey, "docker.tls_key");
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (cas.isEmpty())
        throw std::runtime_error("docker.tls_ca: no PEM certificate in " + c.tlsCa.toStdString());
    if (certs.isEmpty())
        throw std::runtime_error("docker.tls_cert: no PEM certificate in " + c.tlsCert.toStdString());
    if (key.isNull())
        throw std::runtime_error("docker.tls_key: no RSA or EC PEM key in " + c.tlsKey.toStdString());
    auto tls = std::make_shared<QSslConfiguration>(QSslConfiguration::defaultConfiguration());
    tls->setCaCertificates(cas); // the engine's CA only, not the system's
    tls->setLocalCertificate(certs.first());
    tls->setPrivateKey(key);
    tls->setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls->setProtocol(QSsl::TlsV1_2OrLater);
    return tls;
}
} // namespace

docker::DockerClient::Options engineOptions(const Config::Docker &c)
{
    docker::DockerClient::Options o;
    o.socketPath = c.socketPath;
    o.callTimeoutMs = c.timeoutS * 1000;
    if (c.host.startsWith(QLatin1StringView("unix://"))) {
        o.socketPath = c.host.mid(7);
    } else if (c.host.startsWith(QLatin1StringView("npipe://"))) {
        o.socketPath = c.host; // DockerConnection turns it into the pipe's name
    } else if (c.host.startsWith(QLatin1StringView("tcp://"))) { // validated by config::load
        const QString rest = c.host.mid(6);
        const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
        o.tcpHost = rest.left(colon);
        if (o.tcpHost.startsWith(QLatin1Char('[')) && o.tcpHost.endsWith(QLatin1Char(']')))
            o.tcpHost = o.tcpHost.mid(1, o.tcpHost.size() - 2); // [::1]
        o.tcpPort = quint16(rest.mid(colon + 1).toUInt());
        if (!c.tlsCa.isEmpty())
            o.tls = clientTls(c);
    }
    return o;
}
} // namespace lightd
