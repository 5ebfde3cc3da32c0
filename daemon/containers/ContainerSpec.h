#pragma once
#include "containers/ContainerRecord.h"

#include <QJsonObject>

namespace lightd::containers {
// Validation of client-supplied container fields (API.md section 3). Each function throws
// http::ApiError 400 naming the offending field; nothing here looks at other resources (volume
// existence, the port pool and id uniqueness are checked by the manager).
namespace spec {
ContainerRecord parseCreate(const QJsonObject &body);
QList<PortBindingDto> parsePorts(const QJsonArray &ports);
LimitsDto parseLimits(const QJsonObject &limits);
QMap<QString, QString> parseMounts(const QJsonObject &mount, QLatin1StringView field);
QMap<QString, QString> parseEnv(const QJsonObject &env);
QString parseImage(const QString &image, QLatin1StringView field);
std::optional<QString> parseStartPattern(const QJsonValue &value);
QString parseStartupCommand(const QString &command);
bool isValidInternalId(const QString &id);
} // namespace spec
} // namespace lightd::containers
