#include "sftp/HostKey.h"

#include "sftp/SftpLog.h"

#include <QDir>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define WITH_SERVER
#include <libssh/libssh.h>

namespace lightd::sftp::hostkey {
ssh_key loadOrCreate(const QString &path, QString &error)
{
    const QByteArray file = QFile::encodeName(path);
    ssh_key key = nullptr;
    if (QFileInfo::exists(path)) {
        struct stat st
        {
        };
        if (::stat(file.constData(), &st) == 0 && (st.st_mode & 077))
            ::chmod(file.constData(), 0600); // a key others can read is tightened, not trusted less
        if (ssh_pki_import_privkey_file(file.constData(), nullptr, nullptr, nullptr, &key) != SSH_OK) {
            error = QStringLiteral("sftp: cannot read the host key %1").arg(path);
            return nullptr;
        }
        return key;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK) {
        error = QStringLiteral("sftp: cannot generate a host key");
        return nullptr;
    }
    char *pem = nullptr;
    if (ssh_pki_export_privkey_base64(key, nullptr, nullptr, nullptr, &pem) != SSH_OK) {
        ssh_key_free(key);
        error = QStringLiteral("sftp: cannot encode the host key");
        return nullptr;
    }
    // Created 0600 from the start (O_EXCL): there is no moment when the key is readable by others.
    const int fd = ::open(file.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    const size_t len = strlen(pem);
    const bool ok = fd >= 0 && ::write(fd, pem, len) == ssize_t(len) && ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    ssh_string_free_char(pem);
    if (!ok) {
        ssh_key_free(key);
        ::unlink(file.constData());
        error = QStringLiteral("sftp: cannot write the host key %1: %2")
                    .arg(path, QString::fromLocal8Bit(strerror(errno)));
        return nullptr;
    }
    qCInfo(lcSftp).noquote() << "generated the sftp host key" << path;
    return key;
}
} // namespace lightd::sftp::hostkey
