#pragma once
#include "containers/ContainerRecord.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace lightd::api {
// Container request bodies (API.md section 3) read into typed values for the container services.
// Each function throws DomainError 400 naming the offending field; nothing here looks at other
// resources (volume existence, the port pool and id uniqueness are checked by the manager).
namespace spec {
// POST /containers: a new record in state installing.
containers::ContainerRecord parseCreate(const QJsonObject &body);
QList<PortBindingDto> parsePorts(const QJsonArray &ports);
LimitsDto parseLimits(const QJsonObject &limits);
QMap<QString, QString> parseMounts(const QJsonObject &mount, QLatin1StringView field);
QMap<QString, QString> parseEnv(const QJsonObject &env);
std::optional<QString> parseStartPattern(const QJsonValue &value);
} // namespace spec
} // namespace lightd::api
