#pragma once
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <initializer_list>
#include <optional>

// Strict readers for request bodies: a missing or mistyped field becomes a 400 that names it.
namespace lightd::http::fields {
QString requireString(const QJsonObject &o, QLatin1StringView key);
std::optional<QString> optionalString(const QJsonObject &o, QLatin1StringView key);
qint64 requireInt(const QJsonObject &o, QLatin1StringView key, qint64 min, qint64 max);
std::optional<qint64> optionalInt(const QJsonObject &o, QLatin1StringView key, qint64 min, qint64 max);
std::optional<double> optionalNumber(const QJsonObject &o, QLatin1StringView key, double min, double max);
bool requireBool(const QJsonObject &o, QLatin1StringView key);
std::optional<bool> optionalBool(const QJsonObject &o, QLatin1StringView key);
QJsonArray requireArray(const QJsonObject &o, QLatin1StringView key);
std::optional<QJsonArray> optionalArray(const QJsonObject &o, QLatin1StringView key);
std::optional<QJsonObject> optionalObject(const QJsonObject &o, QLatin1StringView key);
// Every value of the object must be a string (env, mount maps).
std::optional<QJsonObject> optionalStringMap(const QJsonObject &o, QLatin1StringView key);
// Every key of a request body must be one the route knows: anything else is 400 unknown_field naming
// it, never silently ignored (a misspelt quota would otherwise create an unlimited volume).
void allowOnly(const QJsonObject &o, std::initializer_list<QLatin1StringView> known);
[[noreturn]] void invalid(QLatin1StringView key, const QString &why);
} // namespace lightd::http::fields
