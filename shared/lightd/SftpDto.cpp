#include "lightd/SftpDto.h"

#include "lightd/Keys.h"

namespace lightd {
namespace {
const QLatin1StringView kUsername("username");
const QLatin1StringView kPassword("password");
const QLatin1StringView kHost("host");
const QLatin1StringView kVolumePath("volume_path");
const QLatin1StringView kFingerprint("fingerprint");
const QLatin1StringView kComment("comment");
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

QJsonObject SftpCredentialsDto::toJson() const
{
    return QJsonObject{{kUsername, username},
                       {kPassword, password},
                       {kHost, host},
                       {keys::Port, port},
                       {kVolumePath, volumePath}};
}

SftpCredentialsDto SftpCredentialsDto::fromJson(const QJsonObject &o)
{
    return SftpCredentialsDto{o.value(kUsername).toString(), o.value(kPassword).toString(),
                              o.value(kHost).toString(), o.value(keys::Port).toInt(),
                              o.value(kVolumePath).toString()};
}

QJsonObject SftpKeyDto::toJson() const
{
    return QJsonObject{
        {kFingerprint, fingerprint}, {keys::Type, type}, {kComment, comment}, {keys::CreatedAt, createdAt}};
}

SftpKeyDto SftpKeyDto::fromJson(const QJsonObject &o)
{
    return SftpKeyDto{o.value(kFingerprint).toString(), o.value(keys::Type).toString(),
                      o.value(kComment).toString(), o.value(keys::CreatedAt).toInteger()};
}
} // namespace lightd
