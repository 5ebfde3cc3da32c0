#pragma once
#include <QByteArray>
#include <sys/stat.h>

#define WITH_SERVER
#include <libssh/sftp.h>

namespace lightd::sftp::attrs {
// SFTP v3 attributes of a stat result (size, uid/gid, permissions with the type bits, times).
sftp_attributes_struct fromStat(const struct stat &st);
// The `ls -l` line OpenSSH clients print for a directory entry.
QByteArray longName(const QByteArray &name, const struct stat &st);
} // namespace lightd::sftp::attrs
