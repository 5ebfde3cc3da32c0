#include "lightd/ErrorStatus.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"

#include <array>
#include <utility>

namespace lightd::codes {
namespace {
// Keep in step with ErrorCodes.h: a code missing here answers `unknown` (500 by default), which
// the unit test tst_shared_dtos catches for every listed code.
constexpr std::array kStatus{
    std::pair{BadRequest, 400},        std::pair{InvalidJson, 400},       std::pair{InvalidField, 400},
    std::pair{MissingField, 400},      std::pair{UnknownField, 400},      std::pair{Unauthorized, 401},
    std::pair{InvalidVendor, 403},     std::pair{Forbidden, 403},         std::pair{NotFound, 404},
    std::pair{RouteNotFound, 404},     std::pair{MethodNotAllowed, 405},  std::pair{Conflict, 409},
    std::pair{PayloadTooLarge, 413},   std::pair{HeadersTooLarge, 431},   std::pair{RateLimited, 429},
    std::pair{Internal, 500},          std::pair{DockerUnavailable, 503}, std::pair{DockerError, 500},
    std::pair{Timeout, 408},           std::pair{TokenNotFound, 404},     std::pair{PortExists, 409},
    std::pair{PortNotFound, 404},      std::pair{PortInUse, 409},         std::pair{PortNotInPool, 400},
    std::pair{NoAvailablePorts, 404},  std::pair{VolumeNotFound, 404},    std::pair{VolumeInUse, 409},
    std::pair{ContainerNotFound, 404}, std::pair{ContainerExists, 409},   std::pair{InvalidState, 409},
    std::pair{PowerLocked, 409},       std::pair{InvalidPath, 400},       std::pair{QuotaExceeded, 507},
    std::pair{FileNotFound, 404},      std::pair{NotADirectory, 400},     std::pair{IsADirectory, 400},
    std::pair{FileExists, 409},        std::pair{InvalidArchive, 400},    std::pair{DiskFull, 507},
    std::pair{MountNotAllowed, 400},   std::pair{SftpNotConfigured, 404}, std::pair{UsernameTaken, 409},
    std::pair{KeyNotFound, 404},
};
} // namespace

int httpStatus(QStringView code, int unknown)
{
    for (const auto &[c, status] : kStatus)
        if (code == c)
            return status;
    return unknown;
}

int httpStatus(QLatin1StringView code, int unknown)
{
    for (const auto &[c, status] : kStatus)
        if (code == c)
            return status;
    return unknown;
}
} // namespace lightd::codes

namespace lightd {
DomainError DomainError::internal()
{
    return DomainError(codes::Internal, QStringLiteral("Internal server error"));
}

DomainError DomainError::invalidField(QLatin1StringView key, const QString &why)
{
    return DomainError(codes::InvalidField, QStringLiteral("Field '%1' %2").arg(key, why));
}
} // namespace lightd
