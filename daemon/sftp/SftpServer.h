#pragma once
#include "config/Config.h"
#include "sftp/LoginLimiter.h"
#include "sftp/SftpSession.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSocketNotifier>
#include <condition_variable>
#include <list>
#include <memory>
#include <mutex>

struct ssh_bind_struct;

namespace lightd::sftp {
class SftpAccounts;

// The SFTP listener (API.md section 9). Accepts on the main thread and hands each connection to a
// thread of its own (libssh's set-up included); at most sftp.max_sessions at once (further
// connections are closed at once).
// Revocations and shutdown reach sessions through their SessionControl.
class SftpServer final : public QObject
{
    Q_OBJECT
  public:
    SftpServer(const Config &config, SftpAccounts &accounts, volumes::QuotaTracker &quota,
               QObject *parent = nullptr);
    ~SftpServer() override;

    // Loads (or creates once) the host key and listens on sftp.host:sftp.port.
    bool start(QString &error);
    quint16 port() const { return m_port; }
    int activeSessions() const;
    void configureLimiter(int maxFailures, int windowMs) { m_limiter.configure(maxFailures, windowMs); }

    // Which volume a container's logins land in (main thread keeps it current).
    void setTarget(const QString &container, const VolumeTarget &target);
    void removeTarget(const QString &container);

    // Ends the container's sessions (all, or the ones logged in with that key).
    void revoke(const QString &container, const QString &fingerprint, const QString &reason);
    // Stops listening, tells every session to end, waits up to graceMs, then cuts what is left.
    void stop(int graceMs = 3000);

    static QString hostKeyPath(const Config &config);

  private:
    void onAcceptable();
    void runSession(std::shared_ptr<SessionControl> control);

    const Config &m_config;
    SftpAccounts &m_accounts;
    volumes::QuotaTracker &m_quota;
    LoginLimiter m_limiter;
    ssh_bind_struct *m_bind = nullptr;
    std::mutex m_bindMutex; // ssh_bind_accept_fd from session threads
    int m_listenFd = -1;
    quint16 m_port = 0;
    QSocketNotifier *m_notifier = nullptr;

    mutable QMutex m_targetsMutex;
    QHash<QString, VolumeTarget> m_targets;

    mutable std::mutex m_sessionsMutex;
    std::condition_variable m_sessionsDone;
    std::list<std::shared_ptr<SessionControl>> m_sessions;
};
} // namespace lightd::sftp
