#pragma once
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace lightd::json {
QJsonObject fromStringMap(const QMap<QString, QString> &map);
QMap<QString, QString> toStringMap(const QJsonObject &object);
QJsonArray fromStringList(const QStringList &list);
QStringList toStringList(const QJsonArray &array);
// Compact UTF-8 encoding, the form every response body and frame uses.
QByteArray encode(const QJsonObject &object);
} // namespace lightd::json
