#include "sftp/SftpServer.h"

#include "sftp/HostKey.h"
#include "sftp/LoginLimiter.h"
#include "sftp/SftpAccounts.h"
#include "sftp/SftpLog.h"

#include <QDir>
#include <arpa/inet.h>
#include <cerrno>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#define WITH_SERVER
#include <libssh/libssh.h>
#include <libssh/server.h>

namespace lightd::sftp {
namespace {
constexpr int kSessionNice = 5;

QHostAddress peerOf(int fd)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof(ss);
    if (getpeername(fd, reinterpret_cast<sockaddr *>(&ss), &len) != 0)
        return {};
    QHostAddress a(reinterpret_cast<const sockaddr *>(&ss));
    bool v4 = false;
    const quint32 ip4 = a.toIPv4Address(&v4);
    return v4 ? QHostAddress(ip4) : a;
}
} // namespace

SftpServer::SftpServer(const Config &config, SftpAccounts &accounts, volumes::QuotaTracker &quota,
                       QObject *parent)
    : QObject(parent), m_config(config), m_accounts(accounts), m_quota(quota),
      m_limiter(config.authorization.maxFailures, config.authorization.failureWindowS * 1000)
{
    ssh_init();
}

SftpServer::~SftpServer()
{
    stop(1000);
    if (m_bind)
        ssh_bind_free(m_bind);
}

QString SftpServer::hostKeyPath(const Config &config)
{
    return QDir(config.storage.basePath).filePath(QStringLiteral("sftp_host_ed25519_key"));
}

bool SftpServer::start(QString &error)
{
    ssh_key key = hostkey::loadOrCreate(hostKeyPath(m_config), error);
    if (!key)
        return false;
    m_bind = ssh_bind_new();
    bool no = false;
    ssh_bind_options_set(m_bind, SSH_BIND_OPTIONS_PROCESS_CONFIG, &no); // never /etc/ssh/libssh_server_config
    if (ssh_bind_options_set(m_bind, SSH_BIND_OPTIONS_IMPORT_KEY, key) != SSH_OK) {
        error = QStringLiteral("sftp: cannot use the host key");
        return false;
    }
    // The listening socket is ours (port 0 works, and accept runs on the event loop); libssh gets
    // each accepted descriptor.
    addrinfo hints{}, *res = nullptr;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST;
    const QByteArray host =
        m_config.sftp.host.isEmpty() ? QByteArray("0.0.0.0") : m_config.sftp.host.toUtf8();
    if (getaddrinfo(host.constData(), QByteArray::number(m_config.sftp.port).constData(), &hints, &res) !=
        0) {
        error = QStringLiteral("sftp.host: not a numeric address: %1").arg(m_config.sftp.host);
        return false;
    }
    m_listenFd = socket(res->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int one = 1;
    setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    const bool ok = m_listenFd >= 0 && bind(m_listenFd, res->ai_addr, res->ai_addrlen) == 0 &&
                    listen(m_listenFd, 128) == 0;
    freeaddrinfo(res);
    if (!ok) {
        error = QStringLiteral("sftp: cannot listen on %1:%2: %3")
                    .arg(m_config.sftp.host)
                    .arg(m_config.sftp.port)
                    .arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    sockaddr_storage ss{};
    socklen_t len = sizeof(ss);
    getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&ss), &len);
    m_port = ntohs(ss.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port
                                            : reinterpret_cast<sockaddr_in *>(&ss)->sin_port);
    m_notifier = new QSocketNotifier(m_listenFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SftpServer::onAcceptable);
    qCInfo(lcSftp).noquote() << "sftp accepting on"
                             << QStringLiteral("%1:%2").arg(QString::fromUtf8(host)).arg(m_port)
                             << "max sessions" << m_config.sftp.maxSessions;
    return true;
}

int SftpServer::activeSessions() const
{
    std::lock_guard lock(m_sessionsMutex);
    return int(m_sessions.size());
}

void SftpServer::setTarget(const QString &container, const VolumeTarget &target)
{
    QMutexLocker lock(&m_targetsMutex);
    m_targets.insert(container, target);
}

void SftpServer::removeTarget(const QString &container)
{
    {
        QMutexLocker lock(&m_targetsMutex);
        m_targets.remove(container);
    }
    revoke(container, QString(), QStringLiteral("container-deleted"));
}

void SftpServer::revoke(const QString &container, const QString &fingerprint, const QString &reason)
{
    std::lock_guard lock(m_sessionsMutex);
    for (const auto &c : m_sessions) {
        QMutexLocker l(&c->mutex);
        if (c->container != container || (!fingerprint.isEmpty() && c->fingerprint != fingerprint))
            continue;
        c->stopReason = reason;
        c->stop = true;
    }
}

void SftpServer::onAcceptable()
{
    for (;;) {
        const int fd = accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            return;
        // SFTP answers each WRITE with a small STATUS packet: with Nagle on, those wait for the
        // client's delayed ACKs and a single upload crawls (35 MB/s instead of 300 on loopback).
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        const QHostAddress peer = peerOf(fd);
        if (activeSessions() >= m_config.sftp.maxSessions) {
            qCWarning(lcSftp).noquote() << "refused" << peer.toString() << ": sftp.max_sessions reached";
            ::close(fd);
            continue;
        }
        auto control = std::make_shared<SessionControl>();
        control->fd = fd;
        control->peer = peer;
        {
            std::lock_guard lock(m_sessionsMutex);
            m_sessions.push_back(control);
        }
        std::thread([this, control] { runSession(control); }).detach();
    }
}

void SftpServer::runSession(std::shared_ptr<SessionControl> control)
{
    // When the CPU is short, transfers yield to the event loop (REST, consoles) and to the
    // containers' own processes: the session thread's nice value is raised (Linux keeps one per
    // thread; raising it needs no privilege).
    setpriority(PRIO_PROCESS, id_t(gettid()), kSessionNice);
    // libssh's session set-up (about 0.3 ms of CPU) here rather than on the event loop; one thread
    // at a time reads the shared ssh_bind.
    ssh_session session = ssh_new();
    bool accepted = false;
    if (session) {
        std::lock_guard lock(m_bindMutex);
        accepted = ssh_bind_accept_fd(m_bind, session, control->fd) == SSH_OK;
    }
    if (!accepted) {
        if (session)
            ssh_free(session);
        {
            std::lock_guard lock(m_sessionsMutex);
            m_sessions.remove(control);
            m_sessionsDone.notify_all();
        }
        ::close(control->fd); // out of the list first: stop() never shuts down a reused number
        return;
    }
    SessionDeps deps{m_accounts, m_quota, m_limiter,
                     [this](const QString &container) -> std::optional<VolumeTarget> {
                         QMutexLocker lock(&m_targetsMutex);
                         const auto it = m_targets.constFind(container);
                         if (it == m_targets.cend())
                             return std::nullopt;
                         return *it;
                     },
                     m_config.sftp.idleTimeoutS};
    {
        SftpSession s(session, control, deps);
        s.run();
    } // the session (and its socket) is gone before it leaves the list
    std::lock_guard lock(m_sessionsMutex);
    m_sessions.remove(control);
    m_sessionsDone.notify_all();
}

void SftpServer::stop(int graceMs)
{
    if (m_notifier) {
        delete m_notifier;
        m_notifier = nullptr;
    }
    if (m_listenFd >= 0) {
        ::close(m_listenFd);
        m_listenFd = -1;
    }
    std::unique_lock lock(m_sessionsMutex);
    for (const auto &c : m_sessions) {
        QMutexLocker l(&c->mutex);
        c->stopReason = QStringLiteral("server-stopping");
        c->stop = true;
    }
    if (!m_sessionsDone.wait_for(lock, std::chrono::milliseconds(graceMs),
                                 [this] { return m_sessions.empty(); })) {
        // Sessions stuck in a blocking read (login, a half-sent packet): cut their sockets.
        for (const auto &c : m_sessions)
            ::shutdown(c->fd, SHUT_RDWR);
        m_sessionsDone.wait_for(lock, std::chrono::milliseconds(graceMs),
                                [this] { return m_sessions.empty(); });
    }
    if (!m_sessions.empty())
        qCWarning(lcSftp) << m_sessions.size() << "sftp sessions still open at shutdown";
}
} // namespace lightd::sftp
