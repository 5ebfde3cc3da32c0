#include "ws/WebSocketGateway.h"

#include "auth/AuthGuard.h"
#include "containers/ContainerManager.h"
#include "http/HttpListener.h"
#include "lightd/ErrorCodes.h"
#include "ws/ConsoleHub.h"
#include "ws/ServerFrame.h"
#include "ws/ViewerSession.h"

#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace lightd::ws {

namespace {
// "/ws/<id>" -> id; empty for anything else.
QString containerFromPath(const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() != 2 || parts[0] != QLatin1StringView("ws"))
        return {};
    return QUrl::fromPercentEncoding(parts[1].toUtf8());
}
} // namespace

WebSocketGateway::WebSocketGateway(http::HttpListener &listener, auth::AuthGuard &auth,
                                   containers::ContainerManager &manager, volumes::VolumeRegistry &volumes,
                                   const Config &config, QObject *parent)
    : QObject(parent), m_listener(listener), m_auth(auth), m_manager(manager), m_volumes(volumes),
      m_config(config)
{
    connect(&listener, &http::HttpListener::consoleConnected, this, &WebSocketGateway::onNewConnection);
    // Consoles go quiet while the engine is away (their attach streams end with it): say why.
    connect(&manager, &containers::ContainerManager::engineAvailabilityChanged, this, [this](bool up) {
        const QString text =
            up ? QStringLiteral("Docker engine is available again")
               : QStringLiteral("Docker engine is unavailable; console output paused and power actions "
                                "refused until it returns");
        for (auto *hub : std::as_const(m_hubs))
            hub->notice(text);
    });
    connect(&manager, &containers::ContainerManager::containerRemoved, this, [this](const QString &id) {
        if (auto *hub = m_hubs.take(id)) {
            hub->containerRemoved();
            hub->deleteLater();
        }
    });
}

std::optional<DomainError> WebSocketGateway::checkUpgrade(const http::RequestHead &head,
                                                          const QHostAddress &peer)
{
    const QUrl url(QString::fromLatin1(head.target));
    const QString id = containerFromPath(url.path(QUrl::FullyEncoded));
    if (head.method != "GET" || id.isEmpty())
        return DomainError(codes::RouteNotFound,
                           QStringLiteral("No WebSocket endpoint at %1").arg(url.path()));
    QString token =
        QUrlQuery(url.query(QUrl::FullyEncoded)).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    if (token.isEmpty()) {
        const QByteArray auth = head.header("authorization");
        if (auth.startsWith("Bearer "))
            token = QString::fromUtf8(auth.mid(7).trimmed());
    }
    auto *rt = m_manager.find(id);
    if (auto err = m_auth.checkConsole(token, rt ? rt->record().dto.internalId : id, peer))
        return err;
    if (!rt)
        return DomainError(codes::ContainerNotFound, QStringLiteral("Container not found"));
    // A cap per container (Wings allows 30 sockets per server since CVE-2025-69199): one token
    // holder cannot open unbounded viewers, each with its own buffers.
    if (auto *hub = m_hubs.value(rt->record().dto.internalId);
        hub && hub->viewerCount() >= m_config.websocket.maxViewersPerContainer)
        return DomainError::retryLater(
            codes::RateLimited,
            QStringLiteral("This container already has %1 console viewers").arg(hub->viewerCount()), 1);
    const QByteArray origin = head.header("origin");
    const QStringList &allowed = m_config.server.allowedOrigins;
    if (!origin.isEmpty() && !allowed.isEmpty() && !allowed.contains(QStringLiteral("*")) &&
        !allowed.contains(QString::fromUtf8(origin)))
        return DomainError(codes::Forbidden,
                           QStringLiteral("Origin %1 is not allowed").arg(QString::fromUtf8(origin)));
    return std::nullopt;
}

ConsoleHub *WebSocketGateway::hubFor(const QString &internalId)
{
    if (auto *hub = m_hubs.value(internalId))
        return hub;
    auto *rt = m_manager.find(internalId);
    if (!rt)
        return nullptr;
    auto *hub = new ConsoleHub(rt, m_volumes, m_config, this);
    m_hubs.insert(rt->record().dto.internalId, hub);
    return hub;
}

void WebSocketGateway::onNewConnection()
{
    while (m_listener.hasPendingConsole()) {
        const auto console = m_listener.nextPendingConsole();
        QTcpSocket *wire = console.wire;
        if (!wire || wire->state() != QAbstractSocket::ConnectedState)
            continue; // gone before it was taken
        // Refused after the 101: a close frame says why, then the connection ends.
        auto refuse = [wire](int code, const QString &why) {
            wire->write(closeFrame(code, why));
            wire->disconnectFromHost();
            QTimer::singleShot(2000, wire, [wire] { wire->abort(); });
        };
        const QString id =
            containerFromPath(QUrl(QString::fromLatin1(console.target)).path(QUrl::FullyEncoded));
        auto *rt = m_manager.find(id);
        ConsoleHub *hub = rt ? hubFor(rt->record().dto.internalId) : nullptr;
        if (!hub) { // deleted between the upgrade check and now
            refuse(1001, QStringLiteral("container not found"));
            continue;
        }
        if (hub->viewerCount() >= m_config.websocket.maxViewersPerContainer) { // raced past the check
            refuse(1008, QStringLiteral("too many viewers"));
            continue;
        }
        ViewerSession::Limits limits;
        limits.queueFrames = m_config.websocket.sendQueueFrames;
        limits.maxMessages = m_config.websocket.maxMessages;
        limits.messageWindowMs = m_config.websocket.messageWindowMs;
        limits.maxMessageBytes = qint64(m_config.websocket.maxMessageKb) * 1024;
        auto *viewer = new ViewerSession(wire, console.early, limits, hub);
        hub->addViewer(viewer);
    }
}

int WebSocketGateway::viewerCount() const
{
    int n = 0;
    for (auto *hub : m_hubs)
        n += hub->viewerCount();
    return n;
}

QJsonObject WebSocketGateway::metrics() const
{
    int attach = 0, stats = 0;
    for (auto *rt : m_manager.all()) {
        attach += rt->attachOpen() ? 1 : 0;
        stats += rt->statsOpen() ? 1 : 0;
    }
    return QJsonObject{{QStringLiteral("containers"), int(m_manager.all().size())},
                       {QStringLiteral("websocket_viewers"), viewerCount()},
                       {QStringLiteral("docker_streams"),
                        QJsonObject{{QStringLiteral("attach"), attach},
                                    {QStringLiteral("stats"), stats},
                                    {QStringLiteral("events"), m_manager.engineAvailable() ? 1 : 0}}}};
}
} // namespace lightd::ws
