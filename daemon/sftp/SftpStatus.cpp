#include "sftp/SftpStatus.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"

#include <cerrno>
#include <cstring>

#define WITH_SERVER
#include <libssh/sftp.h>

namespace lightd::sftp {
SftpFailure SftpFailure::from(const DomainError &error)
{
    const QString code = error.code();
    const QByteArray message = error.message().toUtf8();
    if (code == codes::QuotaExceeded)
        return SftpFailure(SSH_FX_FAILURE, "quota exceeded");
    // By code, never by HTTP status: the volume layer's refusals and what SFTP calls them.
    if (code == codes::FileNotFound || code == codes::VolumeNotFound || code == codes::NotFound)
        return SftpFailure(SSH_FX_NO_SUCH_FILE, message);
    if (code == codes::InvalidPath || code == codes::Forbidden)
        return SftpFailure(SSH_FX_PERMISSION_DENIED, message);
    if (code == codes::Internal || code == codes::DockerError || code == codes::DockerUnavailable)
        return SftpFailure(SSH_FX_FAILURE, "internal error");
    return SftpFailure(SSH_FX_FAILURE, message);
}

SftpFailure SftpFailure::fromErrno(int err)
{
    switch (err) {
    case ENOENT:
        return SftpFailure(SSH_FX_NO_SUCH_FILE, "No such file");
    case EACCES:
    case EPERM:
    case EROFS:
    case EXDEV:
    case ELOOP:
        return SftpFailure(SSH_FX_PERMISSION_DENIED, "Permission denied");
    case EEXIST:
        return SftpFailure(SSH_FX_FAILURE, "Already exists");
    case ENOTEMPTY:
        return SftpFailure(SSH_FX_FAILURE, "Directory not empty");
    case ENOTDIR:
        return SftpFailure(SSH_FX_FAILURE, "Not a directory");
    case EISDIR:
        return SftpFailure(SSH_FX_FAILURE, "Is a directory");
    case ENOSPC:
    case EDQUOT:
        return SftpFailure(SSH_FX_FAILURE, "No space left on the volume's disk");
    default:
        return SftpFailure(SSH_FX_FAILURE, QByteArray("Failure: ") + strerror(err));
    }
}

namespace paths {
volumes::PathParts parse(const QByteArray &path, bool clamp)
{
    if (path.size() > volumes::paths::kMaxPath)
        throw SftpFailure(SSH_FX_PERMISSION_DENIED, "Path is too long");
    volumes::PathParts out;
    for (const QByteArray &c : path.split('/')) {
        if (c.isEmpty() || c == ".")
            continue;
        if (c == "..") {
            if (!out.isEmpty())
                out.removeLast();
            else if (!clamp)
                throw SftpFailure(SSH_FX_PERMISSION_DENIED, "Path leaves the volume");
            continue;
        }
        if (c.size() > volumes::paths::kMaxName)
            throw SftpFailure(SSH_FX_PERMISSION_DENIED, "A path component is too long");
        out.append(c);
    }
    return out;
}

QByteArray show(const volumes::PathParts &parts)
{
    QByteArray out;
    for (const auto &p : parts)
        out += '/' + p;
    return out.isEmpty() ? QByteArray("/") : out;
}
} // namespace paths
} // namespace lightd::sftp
