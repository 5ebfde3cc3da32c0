#pragma once
#include "config/Config.h"

#include <QObject>
#include <memory>

namespace lightd {
namespace storage {
class Database;
}
namespace auth {
class TokenService;
class RateLimiter;
class AuthGuard;
} // namespace auth
namespace http {
class Router;
class HttpListener;
} // namespace http
namespace network {
class Firewall;
class PortPool;
} // namespace network
namespace volumes {
class VolumeRegistry;
}
namespace docker {
class AdmissionQueue;
class DockerClient;
} // namespace docker
namespace containers {
class ContainerManager;
}
namespace ws {
class WebSocketGateway;
}
namespace sftp {
class SftpAccounts;
class SftpServer;
} // namespace sftp
namespace api {
class HealthController;
class TokenController;
class NetworkController;
class VolumeController;
class FileController;
class ContainerController;
class SystemController;
class SftpController;
class MetricsController;
class OpenApiController;
class BillingController;
class RemoteController;
} // namespace api
namespace metrics {
class Registry;
} // namespace metrics
namespace billing {
class Meter;
class CounterSource;
} // namespace billing
namespace sync {
class Outbox;
}

// Owns and wires every service of the daemon, in dependency order; tears them down in reverse.
class Daemon final : public QObject
{
    Q_OBJECT
  public:
    explicit Daemon(Config config, QObject *parent = nullptr);
    ~Daemon() override;

    // Opens storage, builds the services, starts listening. False with error set on failure.
    bool start(QString &error);
    quint16 port() const { return m_port; }
    quint16 sftpPort() const;
    // Re-reads config.json and applies what can change while running (SIGHUP, POST
    // /remote/config/reload). Returns why it was refused, empty when applied.
    QString reload();
    // Stops accepting, lets in-flight requests finish (bounded), then quits the event loop.
    void shutdown();

  private:
    bool startSftp(QString &error);
    Config m_config;
    quint16 m_port = 0;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<auth::TokenService> m_tokens;
    std::unique_ptr<auth::RateLimiter> m_limiter;
    std::unique_ptr<auth::AuthGuard> m_guard;
    std::unique_ptr<network::Firewall> m_firewall;
    std::unique_ptr<network::PortPool> m_ports;
    std::unique_ptr<volumes::VolumeRegistry> m_volumes;
    std::unique_ptr<docker::DockerClient> m_docker;
    std::unique_ptr<docker::AdmissionQueue> m_engine;   // m_docker behind the heavy-call queue
    std::unique_ptr<billing::CounterSource> m_counters; // the meter's and the summary route's
    std::unique_ptr<containers::ContainerManager> m_containers;
    std::unique_ptr<api::HealthController> m_healthCtl;
    std::unique_ptr<api::TokenController> m_tokenCtl;
    std::unique_ptr<api::NetworkController> m_networkCtl;
    std::unique_ptr<api::VolumeController> m_volumeCtl;
    std::unique_ptr<api::FileController> m_fileCtl;
    std::unique_ptr<api::ContainerController> m_containerCtl;
    std::unique_ptr<api::SystemController> m_systemCtl;
    std::unique_ptr<sftp::SftpAccounts> m_sftpAccounts;
    std::unique_ptr<sftp::SftpServer> m_sftp;
    std::unique_ptr<api::SftpController> m_sftpCtl;
    std::unique_ptr<metrics::Registry> m_metrics; // GET /metrics collectors: modules add theirs in start()
    std::unique_ptr<api::MetricsController> m_metricsCtl;
    std::unique_ptr<api::OpenApiController> m_openApiCtl;
    std::unique_ptr<api::BillingController> m_billingCtl;
    std::unique_ptr<api::RemoteController> m_remoteCtl;
    std::unique_ptr<sync::Outbox> m_outbox;
    std::unique_ptr<billing::Meter> m_meter;
    std::unique_ptr<http::Router> m_router;
    http::HttpListener *m_listener = nullptr;
    ws::WebSocketGateway *m_gateway = nullptr;
};
} // namespace lightd
