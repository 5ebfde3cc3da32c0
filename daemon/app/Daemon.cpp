#include "app/Daemon.h"

#include "api/BillingController.h"
#include "api/ContainerController.h"
#include "api/FileController.h"
#include "api/HealthController.h"
#include "api/MetricsController.h"
#include "api/NetworkController.h"
#include "api/OpenApiController.h"
#include "api/RemoteController.h"
#include "api/Routes.h"
#include "api/SftpController.h"
#include "api/SystemController.h"
#include "api/TokenController.h"
#include "api/VolumeController.h"
#include "app/AppLog.h"
#include "app/EngineOptions.h"
#include "app/MemoryTrim.h"
#include "auth/AuthGuard.h"
#include "auth/RateLimiter.h"
#include "auth/TokenService.h"
#include "billing/Meter.h"
#include "containers/ContainerManager.h"
#include "containers/QuotaStop.h"
#include "docker/AdmissionQueue.h"
#include "docker/DockerClient.h"
#include "http/HttpListener.h"
#include "http/Router.h"
#include "lightd/ErrorCodes.h"
#include "metrics/Counters.h"
#include "metrics/Registry.h"
#include "network/Firewall.h"
#include "network/PortPool.h"
#include "sftp/SftpAccounts.h"
#include "sftp/SftpServer.h"
#include "storage/Database.h"
#include "sync/Outbox.h"
#include "volumes/QuotaTracker.h"
#include "volumes/VolumeRegistry.h"
#include "ws/WebSocketGateway.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

namespace lightd {
Daemon::Daemon(Config config, QObject *parent) : QObject(parent), m_config(std::move(config)) {}

Daemon::~Daemon()
{
    m_sftp.reset(); // session threads use the quota tracker and the accounts
    delete m_listener;
    m_listener = nullptr;
    m_meter.reset();
    m_containers.reset(); // runtimes close their engine streams before the client goes
}

bool Daemon::start(QString &error)
{
    try {
        m_db = std::make_unique<storage::Database>(m_config.storage.database);
        m_db->open();
        m_tokens = std::make_unique<auth::TokenService>(*m_db, m_config.authorization.token);
        m_limiter = std::make_unique<auth::RateLimiter>(m_config.authorization.maxFailures,
                                                        m_config.authorization.failureWindowS * 1000);
        m_guard = std::make_unique<auth::AuthGuard>(*m_tokens, *m_limiter);
        m_guard->setEnabled(m_config.authorization.enabled);
        m_guard->setMetricsToken(m_config.server.metricsToken);
        m_firewall =
            std::make_unique<network::Firewall>(m_config.network.chain, m_config.network.manageFirewall);
        m_ports = std::make_unique<network::PortPool>(*m_db, *m_firewall);
        m_volumes = std::make_unique<volumes::VolumeRegistry>(*m_db, m_config.storage.volumesPath);
        m_docker = std::make_unique<docker::DockerClient>(engineOptions(m_config.docker));
        m_engine = std::make_unique<docker::AdmissionQueue>(
            *m_docker, docker::AdmissionQueue::limitFor(m_config.docker.maxConcurrentCalls));
        m_counters = std::make_unique<billing::CounterSource>(*m_docker);
        m_containers =
            std::make_unique<containers::ContainerManager>(*m_engine, *m_db, m_config, *m_ports, *m_volumes);
        m_sftpAccounts = std::make_unique<sftp::SftpAccounts>(*m_db);
        m_sftp = std::make_unique<sftp::SftpServer>(m_config, *m_sftpAccounts, m_volumes->quota());
        // Every state change is an outbox event written in the same transaction as the change.
        m_outbox = std::make_unique<sync::Outbox>(*m_db, m_config.remote, m_config.monitoring.billing);
        m_containers->repository().setStateHook([this](const storage::ContainerRow &r) {
            m_outbox->addStateEvent(r.internalId, r.state, r.error);
        });
    } catch (const std::exception &e) {
        error = QString::fromUtf8(e.what());
        return false;
    }

    m_healthCtl = std::make_unique<api::HealthController>();
    m_tokenCtl = std::make_unique<api::TokenController>(*m_tokens, m_config);
    m_networkCtl = std::make_unique<api::NetworkController>(*m_ports);
    m_volumeCtl = std::make_unique<api::VolumeController>(*m_volumes, m_config);
    m_fileCtl = std::make_unique<api::FileController>(*m_volumes, m_config);
    // The quota walker belongs to the daemon's life, not to a controller's.
    m_volumes->quota().startPeriodicRefresh(m_config.volumes.quotaCheckS);
    m_containerCtl = std::make_unique<api::ContainerController>(*m_containers, *m_engine);
    m_sftpCtl = std::make_unique<api::SftpController>(*m_sftpAccounts, m_sftp.get(), *m_containers, m_config);
    m_router = std::make_unique<http::Router>();
    m_listener = new http::HttpListener(*m_router, [this](const http::HttpRequest &req, http::Access access) {
        return m_guard->authenticate(req, access);
    });
    m_gateway =
        new ws::WebSocketGateway(*m_listener, *m_guard, *m_containers, *m_volumes, m_config, m_listener);
    connect(m_listener, &http::HttpListener::connectionClosed, new app::MemoryTrim(2000, m_listener),
            &app::MemoryTrim::schedule);
    m_systemCtl = std::make_unique<api::SystemController>(*m_gateway, *m_containers, *m_engine, *m_counters);
    m_metrics = std::make_unique<metrics::Registry>();
    api::addCoreCollectors(*m_metrics, *m_listener, *m_gateway, *m_containers);
    // Later modules add theirs the same way: m_metrics->addCollector([this](metrics::TextWriter &w) { ... });
    m_metrics->addCollector([this](metrics::TextWriter &w) {
        const auto &c = metrics::counters();
        w.family("lightd_sftp_sessions", "gauge", "SFTP sessions open.");
        w.sample("lightd_sftp_sessions", m_sftp ? m_sftp->activeSessions() : 0);
        w.family("lightd_sftp_sessions_total", "counter", "SFTP sessions ended.");
        w.sample("lightd_sftp_sessions_total", double(c.sftpSessions.load()));
        w.family("lightd_sftp_bytes_total", "counter",
                 "Bytes moved by SFTP sessions that ended, by direction.");
        w.sample("lightd_sftp_bytes_total", {{"direction", QStringLiteral("up")}},
                 double(c.sftpBytesUp.load()));
        w.sample("lightd_sftp_bytes_total", {{"direction", QStringLiteral("down")}},
                 double(c.sftpBytesDown.load()));
    });
    m_metrics->addCollector([this](metrics::TextWriter &w) {
        w.family("lightd_engine_calls_queued", "gauge",
                 "Heavy engine calls (pull, create, start, stop, restart, remove) waiting for a slot.");
        w.sample("lightd_engine_calls_queued", m_engine->queued());
        w.family("lightd_engine_calls_in_flight", "gauge", "Heavy engine calls at the engine now.");
        w.sample("lightd_engine_calls_in_flight", m_engine->inFlight());
        w.family("lightd_engine_calls_limit", "gauge", "docker.max_concurrent_calls as applied.");
        w.sample("lightd_engine_calls_limit", m_engine->limit());
    });
    m_metricsCtl = std::make_unique<api::MetricsController>(*m_metrics);
    m_openApiCtl = std::make_unique<api::OpenApiController>(*m_router);
    m_metrics->addCollector([this](metrics::TextWriter &w) {
        w.family("lightd_outbox_pending", "gauge", "Remote sync events waiting in the outbox.");
        w.sample("lightd_outbox_pending", double(m_outbox->pendingEvents()));
        w.family("lightd_outbox_dropped_total", "counter",
                 "Billing events dropped because the outbox was full.");
        w.sample("lightd_outbox_dropped_total", double(m_outbox->droppedEvents()));
        w.family("lightd_outbox_delivered_total", "counter", "Events the remote accepted since start.");
        w.sample("lightd_outbox_delivered_total", double(m_outbox->deliveredEvents()));
        w.family("lightd_outbox_failures_total", "counter",
                 "Deliveries to the remote that failed (no answer, timeout or not 2xx) since start.");
        w.sample("lightd_outbox_failures_total", double(m_outbox->failedDeliveries()));
        w.family("lightd_remote_healthy", "gauge", "1 while the remote's last health check answered 2xx.");
        w.sample("lightd_remote_healthy", m_outbox->healthy() ? 1 : 0);
        w.family("lightd_metering_ticks_total", "counter", "Metering ticks written since start.");
        w.sample("lightd_metering_ticks_total", m_meter ? double(m_meter->ticks()) : 0.0);
        w.family("lightd_metering_sources", "gauge",
                 "Running containers whose counters are read from held-open cgroup files (cgroup) or "
                 "from one engine stats call per tick (stats, costlier for the engine).");
        w.sample("lightd_metering_sources", {{"kind", QStringLiteral("cgroup")}},
                 m_counters->cgroupTargets());
        w.sample("lightd_metering_sources", {{"kind", QStringLiteral("stats")}}, m_counters->statsTargets());
    });
    m_billingCtl = std::make_unique<api::BillingController>(*m_db, *m_containers, m_config);
    m_remoteCtl = std::make_unique<api::RemoteController>(
        *m_outbox, [this] { return m_config.raw; }, [this] { return reload(); });
    api::registerRoutes(*m_router,
                        api::Controllers{m_healthCtl.get(), m_tokenCtl.get(), m_networkCtl.get(),
                                         m_volumeCtl.get(), m_fileCtl.get(), m_containerCtl.get(),
                                         m_systemCtl.get(), m_sftpCtl.get(), m_metricsCtl.get(),
                                         m_openApiCtl.get(), m_billingCtl.get(), m_remoteCtl.get()});

    http::ConnectionGuard::Limits limits;
    limits.maxBodyBytes = qint64(m_config.server.maxBodyMb) * 1024 * 1024;
    limits.maxHeadBytes = qsizetype(m_config.server.maxHeaderKb) * 1024;
    limits.idleTimeoutMs = m_config.server.idleTimeoutS * 1000;
    m_listener->setLimits(limits);
    m_listener->setAccessLog(m_config.server.accessLog);
    m_listener->setAllowedOrigins(m_config.server.allowedOrigins);
    m_listener->setMaxConnectionsPerAddress(m_config.server.maxConnectionsPerIp);
    m_listener->setUploadLimit(qint64(m_config.files.uploadLimitMb) * 1024 * 1024);
    m_listener->setUpgradeCheck([this](const http::RequestHead &head, const QHostAddress &peer) {
        return m_gateway->checkUpgrade(head, peer);
    });
    if (!m_config.server.tlsCert.isEmpty()) {
        QFile certFile(m_config.server.tlsCert), keyFile(m_config.server.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("server.tls: cannot read certificate or key");
            return false;
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(&certFile, QSsl::Pem));
        tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
        if (tls.localCertificate().isNull() || tls.privateKey().isNull()) {
            error = QStringLiteral("server.tls: certificate or key is not valid PEM");
            return false;
        }
        m_listener->setTls(tls);
    }
    m_port = m_listener->start(QHostAddress(m_config.server.host), quint16(m_config.server.port));
    if (m_port == 0) {
        error = QStringLiteral("cannot listen on %1:%2: %3")
                    .arg(m_config.server.host)
                    .arg(m_config.server.port)
                    .arg(m_listener->errorString());
        return false;
    }
    // A volume found over its quota stops the containers writing into it, with a notice on their console.
    connect(m_volumes.get(), &volumes::VolumeRegistry::quotaExceeded, this, [this](const QString &volumeId) {
        containers::stopContainersOverQuota(*m_containers, volumeId);
    });
    m_outbox->start();
    m_containers->start();
    m_counters->follow(*m_containers); // the meter's or not: a deleted container's files close
    if (!startSftp(error))
        return false;
    if (m_config.monitoring.enabled) {
        m_meter = std::make_unique<billing::Meter>(*m_db, *m_counters, *m_containers, *m_volumes,
                                                   m_config.monitoring);
        m_meter->setSampleHook(
            [this](const storage::UsageSampleRow &row) { m_outbox->addBillingEvent(row); });
        m_meter->start();
    }
    qCInfo(lcApp).noquote() << "lightd" << LIGHTD_VERSION << "listening on"
                            << QStringLiteral("%1:%2").arg(m_config.server.host).arg(m_port) << "data"
                            << m_config.storage.basePath;
    return true;
}

// Logins land in the container's volume; a deleted container takes its logins and sessions along.
bool Daemon::startSftp(QString &error)
{
    auto targetOf = [this](containers::ContainerRuntime *rt) {
        const QString volumeId = rt->record().dto.volumeId;
        if (m_volumes->contains(volumeId))
            m_sftp->setTarget(rt->record().dto.internalId, {volumeId, m_volumes->get(volumeId).path});
    };
    for (auto *rt : m_containers->all())
        targetOf(rt);
    connect(m_containers.get(), &containers::ContainerManager::containerAdded, this, targetOf);
    connect(m_containers.get(), &containers::ContainerManager::containerRemoved, this,
            [this](const QString &id) {
                m_sftpAccounts->removeContainer(id);
                m_sftp->removeTarget(id);
            });
    connect(m_sftpAccounts.get(), &sftp::SftpAccounts::revoked, this,
            [this](const QString &container, const QString &fingerprint) {
                m_sftp->revoke(container, fingerprint,
                               fingerprint.isEmpty() ? QStringLiteral("credentials-changed")
                                                     : QStringLiteral("key-removed"));
            });
    return !m_config.sftp.enabled || m_sftp->start(error);
}

quint16 Daemon::sftpPort() const
{
    return m_sftp ? m_sftp->port() : 0;
}

QString Daemon::reload()
{
    const auto result = config::load(m_config.filePath, false);
    if (!result.config) {
        qCWarning(lcApp).noquote() << "reload refused, keeping the running config:" << result.error;
        return result.error;
    }
    const Config &c = *result.config;
    m_tokens->setMasterToken(c.authorization.token);
    m_guard->setEnabled(c.authorization.enabled);
    m_guard->setMetricsToken(c.server.metricsToken);
    m_limiter->configure(c.authorization.maxFailures, c.authorization.failureWindowS * 1000);
    m_sftp->configureLimiter(c.authorization.maxFailures, c.authorization.failureWindowS * 1000);
    m_listener->setAccessLog(c.server.accessLog);
    m_listener->setAllowedOrigins(c.server.allowedOrigins);
    m_listener->setMaxConnectionsPerAddress(c.server.maxConnectionsPerIp);
    if (c.server.port != m_config.server.port || c.server.host != m_config.server.host ||
        c.storage.database != m_config.storage.database || c.sftp.enabled != m_config.sftp.enabled ||
        c.sftp.port != m_config.sftp.port || c.sftp.host != m_config.sftp.host)
        qCWarning(lcApp) << "server address and storage changes take effect after a restart";
    if (c.monitoring.enabled != m_config.monitoring.enabled ||
        c.monitoring.intervalMs != m_config.monitoring.intervalMs ||
        c.monitoring.retentionDays != m_config.monitoring.retentionDays)
        qCWarning(lcApp) << "monitoring interval and retention changes take effect after a restart";
    m_outbox->reconfigure(c.remote, c.monitoring.billing);
    m_config = c;
    qCInfo(lcApp) << "configuration reloaded";
    return {};
}

void Daemon::shutdown()
{
    qCInfo(lcApp) << "shutting down";
    if (m_listener)
        m_listener->stop();
    if (m_sftp)
        m_sftp->stop(); // sessions told and their files closed (unfinished uploads dropped)
    // Let requests already being handled finish, within a bound.
    auto deadline = std::make_shared<QDeadlineTimer>(10000);
    auto *poll = new QTimer(this);
    poll->setInterval(20);
    connect(poll, &QTimer::timeout, this, [this, poll, deadline] {
        if ((m_listener && m_listener->inFlight() > 0) && !deadline->hasExpired())
            return;
        poll->stop();
        QCoreApplication::quit();
    });
    poll->start();
}
} // namespace lightd
