#include "lightd/TokenDto.h"

#include "lightd/JsonUtil.h"
#include "lightd/Keys.h"

namespace lightd {
QJsonObject CreatedTokenDto::toJson() const
{
    return QJsonObject{{keys::Token, token}, {keys::Id, id}, {keys::ExpiresAt, expiresAt}};
}

CreatedTokenDto CreatedTokenDto::fromJson(const QJsonObject &o)
{
    return CreatedTokenDto{o.value(keys::Token).toString(), o.value(keys::Id).toString(),
                           o.value(keys::ExpiresAt).toInteger()};
}

QJsonObject TokenInfoDto::toJson() const
{
    return QJsonObject{{keys::Id, id},
                       {keys::ExpiresAt, expiresAt},
                       {keys::RemoveOnUse, removeOnUse},
                       {keys::Scopes, json::fromStringList(scopes)},
                       {keys::CreatedAt, createdAt}};
}

TokenInfoDto TokenInfoDto::fromJson(const QJsonObject &o)
{
    return TokenInfoDto{o.value(keys::Id).toString(), o.value(keys::ExpiresAt).toInteger(),
                        o.value(keys::RemoveOnUse).toBool(),
                        json::toStringList(o.value(keys::Scopes).toArray()),
                        o.value(keys::CreatedAt).toInteger()};
}
} // namespace lightd
