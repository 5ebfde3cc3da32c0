#include "http/JsonFields.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "lightd/JsonUtil.h"

#include <QStringList>
#include <algorithm>
#include <cmath>

namespace lightd::http::fields {
namespace {
[[noreturn]] void missing(QLatin1StringView key)
{
    throw DomainError(codes::MissingField, QStringLiteral("Field '%1' is required").arg(key));
}

bool present(const QJsonObject &o, QLatin1StringView key)
{
    const auto v = o.value(key);
    return !v.isUndefined() && !v.isNull();
}
} // namespace

void invalid(QLatin1StringView key, const QString &why)
{
    throw DomainError::invalidField(key, why);
}

void allowOnly(const QJsonObject &o, std::initializer_list<QLatin1StringView> known)
{
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) != known.end())
            continue;
        QStringList names;
        for (const auto k : known)
            names.append(k);
        throw DomainError(
            codes::UnknownField,
            names.isEmpty()
                ? QStringLiteral("Unknown field '%1': this route takes no body fields").arg(it.key())
                : QStringLiteral("Unknown field '%1' (known: %2)")
                      .arg(it.key(), names.join(QStringLiteral(", "))));
    }
}

std::optional<QString> optionalString(const QJsonObject &o, QLatin1StringView key)
{
    if (!present(o, key))
        return std::nullopt;
    const auto v = o.value(key);
    if (!v.isString())
        invalid(key, QStringLiteral("must be a string"));
    return v.toString();
}

QString requireString(const QJsonObject &o, QLatin1StringView key)
{
    auto s = optionalString(o, key);
    if (!s)
        missing(key);
    if (s->trimmed().isEmpty())
        invalid(key, QStringLiteral("must not be empty"));
    return *s;
}

std::optional<qint64> optionalInt(const QJsonObject &o, QLatin1StringView key, qint64 min, qint64 max)
{
    if (!present(o, key))
        return std::nullopt;
    const auto v = o.value(key);
    const auto n = json::exactInt64(v);
    if (!n || *n < min || *n > max)
        invalid(key, QStringLiteral("must be an integer between %1 and %2").arg(min).arg(max));
    return *n;
}

qint64 requireInt(const QJsonObject &o, QLatin1StringView key, qint64 min, qint64 max)
{
    auto n = optionalInt(o, key, min, max);
    if (!n)
        missing(key);
    return *n;
}

std::optional<double> optionalNumber(const QJsonObject &o, QLatin1StringView key, double min, double max)
{
    if (!present(o, key))
        return std::nullopt;
    const auto v = o.value(key);
    if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max)
        invalid(key, QStringLiteral("must be a number between %1 and %2").arg(min).arg(max));
    return v.toDouble();
}

std::optional<bool> optionalBool(const QJsonObject &o, QLatin1StringView key)
{
    if (!present(o, key))
        return std::nullopt;
    if (!o.value(key).isBool())
        invalid(key, QStringLiteral("must be true or false"));
    return o.value(key).toBool();
}

bool requireBool(const QJsonObject &o, QLatin1StringView key)
{
    auto b = optionalBool(o, key);
    if (!b)
        missing(key);
    return *b;
}

std::optional<QJsonArray> optionalArray(const QJsonObject &o, QLatin1StringView key)
{
    if (!present(o, key))
        return std::nullopt;
    if (!o.value(key).isArray())
        invalid(key, QStringLiteral("must be an array"));
    return o.value(key).toArray();
}

QJsonArray requireArray(const QJsonObject &o, QLatin1StringView key)
{
    auto a = optionalArray(o, key);
    if (!a)
        missing(key);
    return *a;
}

std::optional<QJsonObject> optionalObject(const QJsonObject &o, QLatin1StringView key)
{
    if (!present(o, key))
        return std::nullopt;
    if (!o.value(key).isObject())
        invalid(key, QStringLiteral("must be an object"));
    return o.value(key).toObject();
}

std::optional<QJsonObject> optionalStringMap(const QJsonObject &o, QLatin1StringView key)
{
    auto map = optionalObject(o, key);
    if (!map)
        return std::nullopt;
    for (auto it = map->constBegin(); it != map->constEnd(); ++it) {
        if (!it.value().isString())
            invalid(key, QStringLiteral("must map names to strings ('%1' is not a string)").arg(it.key()));
    }
    return map;
}
} // namespace lightd::http::fields
