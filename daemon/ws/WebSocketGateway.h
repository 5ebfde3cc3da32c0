#pragma once
#include "config/Config.h"
#include "http/HttpFramer.h"
#include "lightd/DomainError.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <optional>

namespace lightd::http {
class HttpListener;
}
namespace lightd::auth {
class AuthGuard;
}
namespace lightd::containers {
class ContainerManager;
}
namespace lightd::volumes {
class VolumeRegistry;
}

namespace lightd::ws {
class ConsoleHub;

// `GET /ws/:internal_id?token=...` on the REST port. The upgrade is checked before the 101 (token
// 401, container 404, origin 403 as plain HTTP answers); accepted sockets join their container's hub.
class WebSocketGateway final : public QObject
{
    Q_OBJECT
  public:
    WebSocketGateway(http::HttpListener &listener, auth::AuthGuard &auth,
                     containers::ContainerManager &manager, volumes::VolumeRegistry &volumes,
                     const Config &config, QObject *parent = nullptr);

    std::optional<DomainError> checkUpgrade(const http::RequestHead &head, const QHostAddress &peer);
    int viewerCount() const;
    QJsonObject metrics() const;

  private:
    void onNewConnection();
    ConsoleHub *hubFor(const QString &internalId);

    http::HttpListener &m_listener;
    auth::AuthGuard &m_auth;
    containers::ContainerManager &m_manager;
    volumes::VolumeRegistry &m_volumes;
    const Config &m_config;
    QHash<QString, ConsoleHub *> m_hubs;
};
} // namespace lightd::ws
