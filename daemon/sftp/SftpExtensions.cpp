#include "sftp/SftpExtensions.h"

#include <QtEndian>

#define WITH_SERVER
#include <libssh/libssh.h>
#include <libssh/sftp.h>

namespace lightd::sftp {
namespace {
constexpr int kInitTimeoutMs = 60000;
constexpr quint32 kMaxInit = 64 * 1024; // INIT is 5 bytes plus a client's extension pairs
constexpr quint8 kFxpExtendedReply = 201;

bool readExactly(ssh_channel channel, char *into, quint32 size)
{
    quint32 got = 0;
    while (got < size) {
        const int n = ssh_channel_read_timeout(channel, into + got, size - got, 0, kInitTimeoutMs);
        if (n <= 0)
            return false;
        got += quint32(n);
    }
    return true;
}

bool writeAll(ssh_channel channel, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const int n = ssh_channel_write(channel, bytes.constData() + done, uint32_t(bytes.size() - done));
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

void putU32(QByteArray &b, quint32 v)
{
    char raw[4];
    qToBigEndian(v, raw);
    b.append(raw, 4);
}

void putU64(QByteArray &b, quint64 v)
{
    char raw[8];
    qToBigEndian(v, raw);
    b.append(raw, 8);
}

void putString(QByteArray &b, const QByteArray &s)
{
    putU32(b, quint32(s.size()));
    b.append(s);
}

// One packet: u32 length, u8 type, body.
QByteArray packet(quint8 type, const QByteArray &body)
{
    QByteArray p;
    putU32(p, quint32(body.size() + 1));
    p.append(char(type));
    p.append(body);
    return p;
}
} // namespace

bool serverInit(sftp_session sftp)
{
    char head[5];
    if (!readExactly(sftp->channel, head, sizeof head))
        return false;
    const quint32 length = qFromBigEndian<quint32>(head);
    if (quint8(head[4]) != SSH_FXP_INIT || length < 5 || length > kMaxInit)
        return false;
    QByteArray rest(qsizetype(length - 1), Qt::Uninitialized);
    if (!readExactly(sftp->channel, rest.data(), length - 1))
        return false;
    const int version = int(qFromBigEndian<quint32>(rest.constData()));
    QByteArray body;
    putU32(body, LIBSFTP_VERSION);
    putString(body, "statvfs@openssh.com");
    putString(body, "2");
    if (!writeAll(sftp->channel, packet(SSH_FXP_VERSION, body)))
        return false;
    // What sftp_server_init records.
    sftp->client_version = version;
    sftp->version = std::min(version, LIBSFTP_VERSION);
    return true;
}

bool extendedArgument(sftp_client_message msg, QByteArray &out)
{
    // complete_message holds the packet after its type: u32 id, string name, then the arguments.
    if (!msg->complete_message)
        return false;
    const auto *data = static_cast<const char *>(ssh_buffer_get(msg->complete_message));
    const quint32 size = ssh_buffer_get_len(msg->complete_message);
    if (size < 8)
        return false;
    const quint32 nameLength = qFromBigEndian<quint32>(data + 4);
    if (nameLength > size - 8 || size - 8 - nameLength < 4)
        return false;
    const quint32 at = 8 + nameLength;
    const quint32 argLength = qFromBigEndian<quint32>(data + at);
    if (argLength > size - at - 4)
        return false;
    out = QByteArray(data + at + 4, qsizetype(argLength));
    return true;
}

int replyStatvfs(sftp_client_message msg, const VfsFigures &v)
{
    QByteArray body;
    // libssh keeps the id as it came (network order).
    body.append(reinterpret_cast<const char *>(&msg->id), sizeof(msg->id));
    for (const quint64 f : {v.bsize, v.frsize, v.blocks, v.bfree, v.bavail, v.files, v.ffree, v.favail,
                            v.fsid, v.flag, v.namemax})
        putU64(body, f);
    return writeAll(msg->sftp->channel, packet(kFxpExtendedReply, body)) ? 0 : -1;
}
} // namespace lightd::sftp
