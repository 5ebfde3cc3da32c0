#include "sftp/SftpChannel.h"

#include "metrics/Counters.h"
#include "sftp/SftpExtensions.h"
#include "sftp/SftpFileOps.h"
#include "volumes/Sandbox.h"

#include <QElapsedTimer>

#define WITH_SERVER
#include <libssh/libssh.h>
#include <libssh/server.h>
#include <libssh/sftp.h>

namespace lightd::sftp {
namespace {
constexpr int kPollMs = 250;
}

ChannelEnd serveChannel(ssh_session session, ssh_channel channel, const VolumeTarget &target,
                        volumes::QuotaTracker &quota, int idleTimeoutS, const std::function<bool()> &stopping)
{
    ChannelEnd end{QStringLiteral("closed")};
    std::shared_ptr<const volumes::Sandbox> sandbox;
    try {
        sandbox = std::make_shared<volumes::Sandbox>(target.rootPath);
    } catch (...) {
        end.reason = QStringLiteral("volume-unavailable");
        return end;
    }
    sftp_session sftp = sftp_server_new(session, channel);
    if (!sftp || !serverInit(sftp)) { // libssh's own init announces no extensions
        if (sftp)
            sftp_server_free(sftp);
        end.reason = QStringLiteral("sftp-init-failed");
        return end;
    }
    {
        SftpFileOps ops(sandbox, quota, target.volumeId);
        QElapsedTimer idle;
        idle.start();
        while (!stopping()) {
            const int rc = ssh_channel_poll_timeout(channel, kPollMs, 0);
            if (rc == SSH_ERROR || rc == SSH_EOF) {
                end.reason = QStringLiteral("client-closed");
                break;
            }
            if (rc == 0) {
                if (idle.elapsed() > qint64(idleTimeoutS) * 1000) {
                    end.reason = QStringLiteral("idle-timeout");
                    break;
                }
                continue;
            }
            sftp_client_message msg = sftp_get_client_message(sftp);
            if (!msg) {
                end.reason = QStringLiteral("client-closed");
                break;
            }
            idle.restart();
            const bool ok = ops.handle(msg);
            sftp_client_message_free(msg);
            if (!ok) {
                end.reason = QStringLiteral("write-failed");
                break;
            }
        }
        end.read = ops.bytesRead();
        end.written = ops.bytesWritten();
        metrics::Counters::add(metrics::counters().sftpSessions);
        metrics::Counters::add(metrics::counters().sftpBytesDown, end.read);
        metrics::Counters::add(metrics::counters().sftpBytesUp, end.written);
    } // open files closed (temp files of unfinished uploads removed) before the channel goes
    if (stopping()) {
        const QByteArray why = "Session closed by the server.\r\n";
        ssh_channel_write_stderr(channel, why.constData(), uint32_t(why.size()));
    }
    sftp_server_free(sftp);
    ssh_channel_send_eof(channel);
    ssh_channel_close(channel);
    return end;
}
} // namespace lightd::sftp
