#include "sftp/SftpSession.h"

#include "sftp/LoginLimiter.h"
#include "sftp/SftpAccounts.h"
#include "sftp/SftpChannel.h"
#include "sftp/SftpLog.h"

#include <QElapsedTimer>
#include <QThread>

#define WITH_SERVER
#include <libssh/libssh.h>
#include <libssh/server.h>

// libssh 0.10 marks the message-based publickey getters deprecated in favour of callbacks; the
// message loop is the simpler fit for one blocking thread per session.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace lightd::sftp {
namespace {
constexpr int kMaxAuthAttempts = 6;
constexpr char kOnlySftp[] = "This service allows sftp connections only.\r\n";

// Failures all take the same time, whatever failed (unknown user, wrong password, rate limited).
void padTo(const QElapsedTimer &since, int ms)
{
    const qint64 left = ms - since.elapsed();
    if (left > 0)
        QThread::msleep(ulong(left));
}
} // namespace

SftpSession::SftpSession(ssh_session session, std::shared_ptr<SessionControl> control, SessionDeps deps)
    : m_session(session), m_control(std::move(control)), m_deps(std::move(deps))
{}

SftpSession::~SftpSession()
{
    ssh_disconnect(m_session);
    ssh_free(m_session);
}

bool SftpSession::stopping() const
{
    return m_control->stop.load();
}

void SftpSession::run()
{
    QElapsedTimer timer;
    timer.start();
    long timeout = kLoginGraceS;
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeout);
    if (ssh_handle_key_exchange(m_session) != SSH_OK) {
        qCDebug(lcSftp) << "key exchange failed from" << m_control->peer.toString()
                        << ssh_get_error(m_session);
        return;
    }
    if (!authenticate()) {
        qCInfo(lcSftp).noquote() << QStringLiteral("login refused user=%1 addr=%2")
                                        .arg(m_user.isEmpty() ? QStringLiteral("-") : m_user,
                                             m_control->peer.toString());
        return;
    }
    if (ssh_channel channel = openSftpChannel()) {
        serve(channel);
        ssh_channel_free(channel);
    }
    {
        QMutexLocker lock(&m_control->mutex);
        if (!m_control->stopReason.isEmpty())
            m_end = m_control->stopReason;
    }
    qCInfo(lcSftp).noquote() << QStringLiteral("session user=%1 addr=%2 auth=%3 read=%4 written=%5 "
                                               "duration=%6s end=%7")
                                    .arg(m_user, m_control->peer.toString(), m_method)
                                    .arg(m_read)
                                    .arg(m_written)
                                    .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                                    .arg(m_end);
}

bool SftpSession::authenticate()
{
    QElapsedTimer grace;
    grace.start();
    int attempts = 0;
    const QHostAddress &peer = m_control->peer;
    while (!stopping() && grace.elapsed() < kLoginGraceS * 1000 && attempts < kMaxAuthAttempts) {
        ssh_message msg = ssh_message_get(m_session);
        if (!msg)
            return false;
        if (ssh_message_type(msg) != SSH_REQUEST_AUTH) {
            ssh_message_reply_default(msg);
            ssh_message_free(msg);
            continue;
        }
        m_user = QString::fromUtf8(ssh_message_auth_user(msg)).left(64);
        const int method = ssh_message_subtype(msg);
        std::optional<QString> container;
        QString fingerprint;
        QElapsedTimer attempt;
        attempt.start();
        bool counted = false;
        if (method == SSH_AUTH_METHOD_PASSWORD) {
            ++attempts;
            counted = true;
            // Limited before any hashing: the check is reserved first (see LoginLimiter).
            if (m_deps.limiter.beginCheck(peer)) {
                const char *pw = ssh_message_auth_password(msg);
                const auto check = m_deps.accounts.checkPassword(m_user, QByteArray(pw ? pw : ""));
                // Busy (the hash queue was full) is no failure of the address: no password was tried.
                m_deps.limiter.finishCheck(peer, check.result == SftpAccounts::PasswordCheck::Wrong);
                if (check.result == SftpAccounts::PasswordCheck::Ok)
                    container = check.container;
                else if (check.result == SftpAccounts::PasswordCheck::Busy)
                    qCWarning(lcSftp).noquote() << "login from" << peer.toString() << "refused: busy";
            } else {
                qCWarning(lcSftp).noquote() << "login from" << peer.toString() << "rate limited";
            }
            m_method = QStringLiteral("password");
        } else if (method == SSH_AUTH_METHOD_PUBLICKEY && !m_deps.limiter.blocked(peer)) {
            ssh_key key = ssh_message_auth_pubkey(msg);
            char *b64 = nullptr;
            if (key && ssh_pki_export_pubkey_base64(key, &b64) == SSH_OK) {
                const auto match = m_deps.accounts.checkKey(m_user, QByteArray(b64));
                ssh_string_free_char(b64);
                if (match) {
                    const auto state = ssh_message_auth_publickey_state(msg);
                    if (state == SSH_PUBLICKEY_STATE_NONE) { // a probe: yes, sign with it
                        ssh_message_auth_reply_pk_ok_simple(msg);
                        ssh_message_free(msg);
                        continue;
                    }
                    if (state == SSH_PUBLICKEY_STATE_VALID) {
                        container = match->first;
                        fingerprint = match->second;
                    }
                }
            }
            m_method = QStringLiteral("publickey");
        }
        if (container) {
            const auto target = m_deps.target(*container);
            if (target) {
                QMutexLocker lock(&m_control->mutex);
                m_control->container = *container;
                m_control->fingerprint = fingerprint;
            }
            if (target && !stopping()) {
                ssh_message_auth_reply_success(msg, 0);
                ssh_message_free(msg);
                return true;
            }
        }
        if (counted)
            padTo(attempt, kFailureDelayMs);
        ssh_message_auth_set_methods(msg, SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_PUBLICKEY);
        ssh_message_reply_default(msg);
        ssh_message_free(msg);
    }
    return false;
}

ssh_channel SftpSession::openSftpChannel()
{
    ssh_channel channel = nullptr;
    QElapsedTimer grace;
    grace.start();
    while (!stopping() && grace.elapsed() < kLoginGraceS * 1000) {
        ssh_message msg = ssh_message_get(m_session);
        if (!msg)
            break;
        const int type = ssh_message_type(msg), subtype = ssh_message_subtype(msg);
        if (type == SSH_REQUEST_CHANNEL_OPEN && subtype == SSH_CHANNEL_SESSION && !channel) {
            channel = ssh_message_channel_request_open_reply_accept(msg);
        } else if (type == SSH_REQUEST_CHANNEL && channel && subtype == SSH_CHANNEL_REQUEST_SUBSYSTEM &&
                   qstrcmp(ssh_message_channel_request_subsystem(msg), "sftp") == 0) {
            ssh_message_channel_request_reply_success(msg);
            ssh_message_free(msg);
            return channel;
        } else if (type == SSH_REQUEST_CHANNEL && channel &&
                   (subtype == SSH_CHANNEL_REQUEST_SHELL || subtype == SSH_CHANNEL_REQUEST_EXEC ||
                    subtype == SSH_CHANNEL_REQUEST_SUBSYSTEM)) {
            // Said on the channel, so the user sees why, then the channel ends.
            ssh_message_channel_request_reply_success(msg);
            ssh_message_free(msg);
            ssh_channel_write_stderr(channel, kOnlySftp, sizeof(kOnlySftp) - 1);
            ssh_channel_request_send_exit_status(channel, 1);
            ssh_channel_send_eof(channel);
            ssh_channel_close(channel);
            ssh_channel_free(channel);
            m_end = QStringLiteral("refused-non-sftp");
            return nullptr;
        } else {
            // Port forwarding, X11, agent, pty, env, a second channel: refused.
            ssh_message_reply_default(msg);
        }
        ssh_message_free(msg);
    }
    if (channel)
        ssh_channel_free(channel);
    return nullptr;
}

void SftpSession::serve(ssh_channel channel)
{
    std::optional<VolumeTarget> target;
    {
        QMutexLocker lock(&m_control->mutex);
        target = m_deps.target(m_control->container);
    }
    if (!target)
        return;
    const ChannelEnd end = serveChannel(m_session, channel, *target, m_deps.quota, m_deps.idleTimeoutS,
                                        [this] { return stopping(); });
    m_end = end.reason;
    m_read = end.read;
    m_written = end.written;
}
} // namespace lightd::sftp
