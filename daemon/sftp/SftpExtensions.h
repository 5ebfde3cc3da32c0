#pragma once
#include <QByteArray>
#include <QtGlobal>

struct sftp_session_struct;
struct sftp_client_message_struct;

namespace lightd::sftp {
// What libssh 0.10's SFTP server leaves out: it answers INIT with a bare VERSION (no extension
// announced, so clients never ask for one) and has no reply for extended requests. These read and
// write those packets on the session's channel themselves (the SFTP framing: u32 length, u8 type).

// Instead of sftp_server_init: reads the client's INIT and answers VERSION 3 announcing
// statvfs@openssh.com. False when the client sent something else or went away.
bool serverInit(sftp_session_struct *sftp);

// The string after the extension's name in an extended request (the path of statvfs@openssh.com);
// false when the request has none.
bool extendedArgument(sftp_client_message_struct *msg, QByteArray &out);

// A statvfs@openssh.com answer (SSH_FXP_EXTENDED_REPLY, the field order of OpenSSH's
// PROTOCOL file).
struct VfsFigures
{
    quint64 bsize = 4096, frsize = 4096, blocks = 0, bfree = 0, bavail = 0, files = 0, ffree = 0, favail = 0,
            fsid = 0, flag = 0, namemax = 255;
};
int replyStatvfs(sftp_client_message_struct *msg, const VfsFigures &v);
} // namespace lightd::sftp
