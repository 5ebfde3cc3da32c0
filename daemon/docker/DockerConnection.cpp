#include "docker/DockerConnection.h"

#include "docker/DockerLog.h"
#include "docker/EngineAddress.h"

#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>

namespace lightd::docker {

DockerConnection::DockerConnection(const EngineEndpoint &address, DockerRequest request, Timeouts timeouts,
                                   QObject *parent)
    : QObject(parent), m_address(address), m_socketPath(address.describe()), m_request(std::move(request)),
      m_timeouts(timeouts)
{
    m_parser.setHeadRequest(m_request.method == "HEAD");
    for (QTimer *t : {&m_connectTimer, &m_headTimer, &m_totalTimer})
        t->setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        finish(DockerError::timeout(QStringLiteral("connecting to the engine at %1 took longer than %2 ms")
                                        .arg(m_socketPath)
                                        .arg(m_timeouts.connectMs)));
    });
    connect(&m_headTimer, &QTimer::timeout, this, [this] {
        finish(DockerError::timeout(QStringLiteral("engine sent no response to %1 within %2 ms")
                                        .arg(QString::fromLatin1(m_request.describe()))
                                        .arg(m_timeouts.headMs)));
    });
    connect(&m_totalTimer, &QTimer::timeout, this, [this] {
        finish(DockerError::timeout(QStringLiteral("%1 did not complete within %2 ms")
                                        .arg(QString::fromLatin1(m_request.describe()))
                                        .arg(m_timeouts.totalMs)));
    });
}

DockerConnection::~DockerConnection()
{
    abort();
}

void DockerConnection::start()
{
    // Deferred: QLocalSocket reports a missing socket synchronously, and callers must never see a
    // callback before the call that started it has returned.
    QMetaObject::invokeMethod(this, &DockerConnection::connectNow, Qt::QueuedConnection);
}

void DockerConnection::connectNow()
{
    if (m_done || m_socket)
        return;
    if (m_address.isTcp()) {
        connectTcp();
        return;
    }
    auto *local = new QLocalSocket(this);
    m_socket = local;
    connect(local, &QLocalSocket::connected, this, &DockerConnection::onConnected);
    connect(local, &QLocalSocket::readyRead, this, &DockerConnection::onReadyRead);
    connect(local, &QLocalSocket::errorOccurred, this, &DockerConnection::onSocketError);
    connect(local, &QLocalSocket::disconnected, this, &DockerConnection::onDisconnected);
    startTimers();
    qCDebug(lcDocker) << "->" << m_request.describe();
    m_elapsed.start();
    // A unix socket path, or on Windows Docker Desktop's named pipe (QLocalSocket speaks both).
    local->connectToServer(localServerName(m_address.socketPath, config::hostOs()), QIODevice::ReadWrite);
}

// The connect, head and total deadlines run from the moment the socket starts connecting.
void DockerConnection::startTimers()
{
    if (m_timeouts.connectMs > 0)
        m_connectTimer.start(m_timeouts.connectMs);
    if (m_timeouts.headMs > 0)
        m_headTimer.start(m_timeouts.headMs);
    if (m_timeouts.totalMs > 0)
        m_totalTimer.start(m_timeouts.totalMs);
}

void DockerConnection::stopTimers()
{
    m_connectTimer.stop();
    m_headTimer.stop();
    m_totalTimer.stop();
}

// docker.host = tcp://host:port: plain TCP, or TLS with the client certificate (verified both ways).
void DockerConnection::connectTcp()
{
    QTcpSocket *tcp = nullptr;
    if (m_address.tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setSslConfiguration(*m_address.tls);
        connect(ssl, &QSslSocket::encrypted, this, &DockerConnection::onConnected);
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            QStringList why;
            for (const auto &e : errors)
                why << e.errorString();
            finish(DockerError::unavailable(QStringLiteral("TLS with the engine at %1 failed: %2")
                                                .arg(m_socketPath, why.join(QStringLiteral("; ")))));
        });
        tcp = ssl;
    } else {
        tcp = new QTcpSocket(this);
        connect(tcp, &QTcpSocket::connected, this, &DockerConnection::onConnected);
    }
    m_socket = tcp;
    tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(tcp, &QTcpSocket::readyRead, this, &DockerConnection::onReadyRead);
    connect(tcp, &QTcpSocket::errorOccurred, this, &DockerConnection::onTcpError);
    connect(tcp, &QTcpSocket::disconnected, this, &DockerConnection::onDisconnected);
    startTimers();
    qCDebug(lcDocker) << "->" << m_request.describe() << "via" << m_socketPath;
    m_elapsed.start();
    if (auto *ssl = qobject_cast<QSslSocket *>(tcp))
        ssl->connectToHostEncrypted(m_address.tcpHost, m_address.tcpPort);
    else
        tcp->connectToHost(m_address.tcpHost, m_address.tcpPort);
}

void DockerConnection::onTcpError(QAbstractSocket::SocketError error)
{
    if (m_done)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onDisconnected();
        return;
    }
    if (!m_connected) {
        finish(DockerError::unavailable(QStringLiteral("Docker engine unreachable at %1: %2")
                                            .arg(m_socketPath, m_socket->errorString())));
        return;
    }
    finish(DockerError::unavailable(
        QStringLiteral("connection to the engine lost: %1").arg(m_socket->errorString())));
}

void DockerConnection::abortSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    if (auto *local = qobject_cast<QLocalSocket *>(m_socket))
        local->abort();
    else if (auto *tcp = qobject_cast<QAbstractSocket *>(m_socket))
        tcp->abort();
}

void DockerConnection::onConnected()
{
    if (m_done)
        return;
    m_connected = true;
    m_connectTimer.stop();
    m_socket->write(m_request.serialize());
}

bool DockerConnection::write(const QByteArray &data)
{
    if (m_done || !m_request.upgrade)
        return false;
    if (isUpgraded() && m_socket)
        return m_socket->write(data) == data.size();
    m_pendingWrites += data;
    return true;
}

void DockerConnection::onReadyRead()
{
    if (m_done || !m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    if (bytes.isEmpty())
        return;
    QList<HttpResponseParser::Event> events;
    const bool ok = m_parser.feed(bytes, events);
    QPointer<DockerConnection> self(this);
    dispatch(events);
    if (!self || m_done)
        return;
    if (!ok) {
        finish(DockerError::protocol(QStringLiteral("malformed response to %1: %2")
                                         .arg(QString::fromLatin1(m_request.describe()),
                                              QString::fromLatin1(m_parser.errorString()))));
    }
}

void DockerConnection::dispatch(QList<HttpResponseParser::Event> &events)
{
    QPointer<DockerConnection> self(this);
    for (auto &ev : events) {
        if (!self || m_done)
            return;
        switch (ev.type) {
        case HttpResponseParser::Event::Type::Head:
            m_headTimer.stop();
            if (m_parser.head().status == 101) {
                if (!m_request.upgrade) {
                    finish(DockerError::protocol(QStringLiteral("unexpected protocol switch")));
                    return;
                }
                if (!m_pendingWrites.isEmpty())
                    m_socket->write(std::exchange(m_pendingWrites, {}));
            }
            Q_EMIT headReceived(m_parser.head());
            break;
        case HttpResponseParser::Event::Type::Body:
            Q_EMIT bodyData(ev.data);
            break;
        case HttpResponseParser::Event::Type::Complete:
            finish({});
            return;
        }
    }
}

void DockerConnection::onSocketError(QLocalSocket::LocalSocketError error)
{
    if (m_done)
        return;
    if (error == QLocalSocket::PeerClosedError) {
        onDisconnected();
        return;
    }
    if (!m_connected) {
        QString why = m_socket->errorString();
        if (error == QLocalSocket::ServerNotFoundError)
            why = QStringLiteral("no socket there");
        else if (error == QLocalSocket::ConnectionRefusedError)
            why = QStringLiteral("connection refused");
        else if (error == QLocalSocket::SocketAccessError)
            why = QStringLiteral("permission denied");
        finish(DockerError::unavailable(
            QStringLiteral("Docker engine unreachable at %1: %2").arg(m_socketPath, why)));
        return;
    }
    finish(m_parser.headSeen()
               ? DockerError::unavailable(
                     QStringLiteral("connection to the engine lost: %1").arg(m_socket->errorString()))
               : DockerError::unavailable(
                     QStringLiteral("engine dropped the connection: %1").arg(m_socket->errorString())));
}

void DockerConnection::onDisconnected()
{
    if (m_done || !m_socket)
        return;
    // Bytes may still sit in the socket's buffer when the close is reported.
    if (m_socket->bytesAvailable() > 0) {
        QPointer<DockerConnection> self(this);
        onReadyRead();
        if (!self || m_done)
            return;
    }
    if (!m_connected) {
        finish(DockerError::unavailable(QStringLiteral("Docker engine unreachable at %1").arg(m_socketPath)));
        return;
    }
    const bool hadHead = m_parser.headSeen();
    QList<HttpResponseParser::Event> events;
    if (m_parser.finish(events)) {
        dispatch(events);
        return;
    }
    // The engine closing mid-response is the engine going away, not a malformed answer.
    finish(DockerError::unavailable(hadHead
                                        ? QStringLiteral("engine closed the connection mid-response to %1")
                                              .arg(QString::fromLatin1(m_request.describe()))
                                        : QStringLiteral("engine closed the connection before answering %1")
                                              .arg(QString::fromLatin1(m_request.describe()))));
}

void DockerConnection::finish(const DockerError &error)
{
    if (m_done)
        return;
    m_done = true;
    stopTimers();
    abortSocket();
    if (!error.ok())
        qCDebug(lcDocker) << "x " << m_request.describe() << error.toString();
    else
        qCDebug(lcDocker).noquote() << "<-" << m_request.describe() << m_parser.head().status << "in"
                                    << (m_elapsed.isValid() ? m_elapsed.elapsed() : -1) << "ms";
    Q_EMIT finished(error);
}

void DockerConnection::abort()
{
    m_done = true;
    stopTimers();
    abortSocket();
}

} // namespace lightd::docker
