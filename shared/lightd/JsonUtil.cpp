#include "lightd/JsonUtil.h"

#include <QJsonDocument>

#include <cmath>

namespace lightd::json {
QJsonObject fromStringMap(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QMap<QString, QString> toStringMap(const QJsonObject &object)
{
    QMap<QString, QString> map;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

QJsonArray fromStringList(const QStringList &list)
{
    QJsonArray a;
    for (const auto &s : list)
        a.append(s);
    return a;
}

QStringList toStringList(const QJsonArray &array)
{
    QStringList list;
    list.reserve(array.size());
    for (const auto &v : array)
        list.append(v.toString());
    return list;
}

QByteArray encode(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
std::optional<qint64> exactInt64(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    // 2^63 is exactly representable; every double below it (and >= -2^63) converts without UB.
    constexpr double kLimit = 9223372036854775808.0;
    if (!(d >= -kLimit && d < kLimit) || std::trunc(d) != d)
        return std::nullopt;
    return qint64(d);
}
} // namespace lightd::json
