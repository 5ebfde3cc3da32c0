#include "lightd/FileDto.h"

#include "lightd/Keys.h"

#include <QJsonArray>

namespace lightd {
namespace {
using K = QLatin1StringView;
constexpr K Name{"name"};
constexpr K Type{"type"};
constexpr K Size{"size"};
constexpr K Mode{"mode"};
constexpr K ModifiedAt{"modified_at"};
constexpr K Mimetype{"mimetype"};
constexpr K Files{"files"};
constexpr K UsedMb{"used_mb"};
constexpr K AvailableMb{"available_mb"};
constexpr K PercentageUsed{"percentage_used"};
} // namespace

QJsonObject FileEntryDto::toJson() const
{
    return QJsonObject{
        {Name, name},        {Type, type}, {Size, size}, {Mode, mode}, {ModifiedAt, modifiedAt},
        {Mimetype, mimetype}};
}

FileEntryDto FileEntryDto::fromJson(const QJsonObject &o)
{
    FileEntryDto f;
    f.name = o.value(Name).toString();
    f.type = o.value(Type).toString();
    f.size = o.value(Size).toInteger();
    f.mode = o.value(Mode).toString();
    f.modifiedAt = o.value(ModifiedAt).toInteger();
    f.mimetype = o.value(Mimetype).toString();
    return f;
}

FileListDto FileListDto::fromJson(const QJsonObject &o)
{
    FileListDto l;
    l.path = o.value(keys::Path).toString();
    const auto array = o.value(Files).toArray();
    l.files.reserve(array.size());
    for (const auto &v : array)
        l.files.append(FileEntryDto::fromJson(v.toObject()));
    return l;
}

QuotaDto QuotaDto::fromJson(const QJsonObject &o)
{
    QuotaDto q;
    if (o.value(keys::SizeMb).isDouble())
        q.sizeMb = o.value(keys::SizeMb).toInteger();
    q.usedMb = o.value(UsedMb).toDouble();
    if (o.value(AvailableMb).isDouble())
        q.availableMb = o.value(AvailableMb).toDouble();
    q.percentageUsed = o.value(PercentageUsed).toDouble();
    return q;
}
} // namespace lightd
