#include "volumes/FsError.h"

#include "http/ApiError.h"
#include "lightd/ErrorCodes.h"
#include "volumes/VolumesLog.h"

#include <cerrno>
#include <cstring>

namespace lightd::volumes {
using http::ApiError;

void throwInvalidPath(const QString &why)
{
    throw ApiError::badRequest(codes::InvalidPath, why);
}

void throwErrno(int err, const QString &what)
{
    const QString shown = what.isEmpty() ? QStringLiteral("/") : what;
    switch (err) {
    case ENOENT:
        throw ApiError::notFound(codes::FileNotFound, QStringLiteral("File not found: %1").arg(shown));
    case EXDEV:
        throwInvalidPath(QStringLiteral("Path leaves the volume: %1").arg(shown));
    case ELOOP:
        throwInvalidPath(QStringLiteral("Too many or forbidden symbolic links: %1").arg(shown));
    case ENAMETOOLONG:
        throwInvalidPath(QStringLiteral("Path is too long: %1").arg(shown));
    case ENOTDIR:
        throw ApiError::badRequest(codes::NotADirectory, QStringLiteral("Not a directory: %1").arg(shown));
    case EISDIR:
        throw ApiError::badRequest(codes::IsADirectory, QStringLiteral("Is a directory: %1").arg(shown));
    case EEXIST:
    case ENOTEMPTY:
        throw ApiError::conflict(codes::FileExists, QStringLiteral("Already exists: %1").arg(shown));
    case EINVAL:
        throwInvalidPath(QStringLiteral("Invalid operation on path: %1").arg(shown));
    case ENOSPC:
    case EDQUOT:
        throw ApiError(507, codes::DiskFull, QStringLiteral("No space left on the volume's disk"));
    case EACCES:
    case EPERM:
    case EROFS:
        throw ApiError(403, codes::Forbidden, QStringLiteral("Permission denied: %1").arg(shown));
    default:
        qCWarning(lcVolumes) << "filesystem error" << err << strerror(err);
        throw ApiError::internal();
    }
}
} // namespace lightd::volumes
