#include "volumes/FsError.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "volumes/VolumesLog.h"

#include <cerrno>
#include <cstring>

namespace lightd::volumes {

void throwInvalidPath(const QString &why)
{
    throw DomainError(codes::InvalidPath, why);
}

void throwErrno(int err, const QString &what)
{
    const QString shown = what.isEmpty() ? QStringLiteral("/") : what;
    switch (err) {
    case ENOENT:
        throw DomainError(codes::FileNotFound, QStringLiteral("File not found: %1").arg(shown));
    case EXDEV:
        throwInvalidPath(QStringLiteral("Path leaves the volume: %1").arg(shown));
    case ELOOP:
        throwInvalidPath(QStringLiteral("Too many or forbidden symbolic links: %1").arg(shown));
    case ENAMETOOLONG:
        throwInvalidPath(QStringLiteral("Path is too long: %1").arg(shown));
    case ENOTDIR:
        throw DomainError(codes::NotADirectory, QStringLiteral("Not a directory: %1").arg(shown));
    case EISDIR:
        throw DomainError(codes::IsADirectory, QStringLiteral("Is a directory: %1").arg(shown));
    case EEXIST:
    case ENOTEMPTY:
        throw DomainError(codes::FileExists, QStringLiteral("Already exists: %1").arg(shown));
    case EINVAL:
        throwInvalidPath(QStringLiteral("Invalid operation on path: %1").arg(shown));
    case ENOSPC:
    case EDQUOT:
        throw DomainError(codes::DiskFull, QStringLiteral("No space left on the volume's disk"));
    case EACCES:
    case EPERM:
    case EROFS:
        throw DomainError(codes::Forbidden, QStringLiteral("Permission denied: %1").arg(shown));
    default:
        qCWarning(lcVolumes) << "filesystem error" << err << strerror(err);
        throw DomainError::internal();
    }
}
} // namespace lightd::volumes
