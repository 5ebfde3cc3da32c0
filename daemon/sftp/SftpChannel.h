#pragma once
#include <QString>
#include <functional>

struct ssh_session_struct;
struct ssh_channel_struct;

namespace lightd::volumes {
class QuotaTracker;
}

namespace lightd::sftp {
// Where a container's files are (its volume), as the session thread may ask for it.
struct VolumeTarget
{
    QString volumeId;
    QString rootPath;
};

struct ChannelEnd
{
    QString reason; // client-closed, idle-timeout, write-failed, volume-unavailable, sftp-init-failed
    quint64 read = 0, written = 0;
};

// The SFTP requests of one accepted `sftp` subsystem channel, from the protocol's init to the end:
// every request through SftpFileOps on the volume's Sandbox, until EOF, idle timeout or `stopping`.
// The channel is closed (not freed) on return. Separate from the login so that the wire-level fuzz
// target (tests/fuzz/fuzz_sftp_requests) drives exactly the code a customer's client reaches.
ChannelEnd serveChannel(ssh_session_struct *session, ssh_channel_struct *channel, const VolumeTarget &target,
                        volumes::QuotaTracker &quota, int idleTimeoutS,
                        const std::function<bool()> &stopping);
} // namespace lightd::sftp
