#pragma once
#include "sftp/SftpChannel.h"

#include <QHostAddress>
#include <QMutex>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace lightd::sftp {
class SftpAccounts;
class LoginLimiter;

// What the server and one session share: the server sets `stop` (credentials revoked, daemon
// stopping), the session reads it between requests; the identity is set once logged in.
struct SessionControl
{
    std::atomic<bool> stop{false};
    int fd = -1;
    QHostAddress peer;
    QMutex mutex; // guards the fields below
    QString container;
    QString fingerprint; // the key it logged in with; empty for a password
    QString stopReason;
};

struct SessionDeps
{
    SftpAccounts &accounts;
    volumes::QuotaTracker &quota;
    LoginLimiter &limiter;
    std::function<std::optional<VolumeTarget>(const QString &container)> target; // thread-safe
    int idleTimeoutS = 300;
};

// One SSH connection from key exchange to the end, on its own thread (libssh's calls block): login
// (password or key, failures rate limited per address with a constant delay), one session channel
// with the `sftp` subsystem only, then the SFTP requests until EOF, idle timeout or stop.
class SftpSession final
{
  public:
    SftpSession(ssh_session_struct *session, std::shared_ptr<SessionControl> control, SessionDeps deps);
    ~SftpSession();
    void run();

    static constexpr int kFailureDelayMs = 400;
    static constexpr int kLoginGraceS = 60;

  private:
    bool authenticate();
    ssh_channel_struct *openSftpChannel();
    void serve(ssh_channel_struct *channel);
    bool stopping() const;

    ssh_session_struct *m_session;
    std::shared_ptr<SessionControl> m_control;
    SessionDeps m_deps;
    QString m_user;
    QString m_method;
    QString m_end = QStringLiteral("closed");
    quint64 m_read = 0, m_written = 0;
};
} // namespace lightd::sftp
