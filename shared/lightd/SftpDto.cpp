#include "lightd/SftpDto.h"

#include "lightd/Keys.h"

namespace lightd {
namespace {
const QLatin1StringView kUsername("username");
const QLatin1StringView kHost("host");
const QLatin1StringView kVolumePath("volume_path");
} // namespace

QJsonObject SftpInfoDto::toJson() const
{
    return QJsonObject{{kUsername, username},        {kHost, host},
                       {keys::Port, port},           {kVolumePath, volumePath},
                       {keys::CreatedAt, createdAt}, {keys::UpdatedAt, updatedAt}};
}

SftpInfoDto SftpInfoDto::fromJson(const QJsonObject &o)
{
    return SftpInfoDto{o.value(kUsername).toString(),        o.value(kHost).toString(),
                       o.value(keys::Port).toInt(),          o.value(kVolumePath).toString(),
                       o.value(keys::CreatedAt).toInteger(), o.value(keys::UpdatedAt).toInteger()};
}
} // namespace lightd
