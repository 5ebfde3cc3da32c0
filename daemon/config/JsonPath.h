#pragma once
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace lightd::config::jsonpath {
// Dotted keys ("server.tls.key") over nested JSON objects: config.json's keys are written this way
// in the key table, on the command line (`lightd config set`) and in redaction.
QJsonValue lookup(const QJsonObject &root, const QString &dotted);
// root with the value at parts (created as objects on the way) replaced.
QJsonObject assign(QJsonObject root, QStringList parts, const QJsonValue &value);
// base with over laid on it, objects merged key by key.
QJsonObject merge(QJsonObject base, const QJsonObject &over);
} // namespace lightd::config::jsonpath
