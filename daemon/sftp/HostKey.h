#pragma once
#include <QString>

struct ssh_key_struct;

namespace lightd::sftp::hostkey {
// The server's ed25519 host key: read from path, or generated once and written there (0600, never
// replaced), so clients see the same key across restarts. nullptr with error set on failure.
ssh_key_struct *loadOrCreate(const QString &path, QString &error);
} // namespace lightd::sftp::hostkey
