#pragma once
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace lightd::json {
QJsonObject fromStringMap(const QMap<QString, QString> &map);
QMap<QString, QString> toStringMap(const QJsonObject &object);
QJsonArray fromStringList(const QStringList &list);
QStringList toStringList(const QJsonArray &array);
// Compact UTF-8 encoding, the form every response body and frame uses.
QByteArray encode(const QJsonObject &object);
// The JSON number as a 64-bit integer when it is one exactly (finite, no fraction, in range);
// casting any other double to an integer is undefined behaviour, which the fuzzers found twice.
std::optional<qint64> exactInt64(const QJsonValue &value);
} // namespace lightd::json
