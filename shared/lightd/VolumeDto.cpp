#include "lightd/VolumeDto.h"

#include "lightd/Keys.h"

namespace lightd {
QJsonObject VolumeDto::toJson() const
{
    return QJsonObject{{keys::VolumeId, volumeId},
                       {keys::Path, path},
                       {keys::QuotaMb, quotaMb ? QJsonValue(*quotaMb) : QJsonValue()},
                       {keys::UsedBytes, usedBytes},
                       {keys::CreatedAt, createdAt}};
}

VolumeDto VolumeDto::fromJson(const QJsonObject &o)
{
    VolumeDto v;
    v.volumeId = o.value(keys::VolumeId).toString();
    v.path = o.value(keys::Path).toString();
    const auto quota = o.value(keys::QuotaMb);
    if (quota.isDouble())
        v.quotaMb = quota.toInteger();
    v.usedBytes = o.value(keys::UsedBytes).toInteger();
    v.createdAt = o.value(keys::CreatedAt).toInteger();
    return v;
}
} // namespace lightd
