#pragma once
#include "containers/ContainerRecord.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace lightd::containers {
// Validation of client-supplied container fields (API.md section 3). Each function throws
// DomainError 400 naming the offending field; nothing here looks at other resources (volume
// existence, the port pool and id uniqueness are checked by the manager).
namespace spec {
ContainerRecord parseCreate(const QJsonObject &body);
QList<PortBindingDto> parsePorts(const QJsonArray &ports);
LimitsDto parseLimits(const QJsonObject &limits);
QMap<QString, QString> parseMounts(const QJsonObject &mount, QLatin1StringView field);
QMap<QString, QString> parseEnv(const QJsonObject &env);
QString parseImage(const QString &image, QLatin1StringView field);
std::optional<QString> parseStartPattern(const QJsonValue &value);
// The start_pattern as matched against console lines: each match is bounded (PCRE2 match and depth
// limits; lines are matched up to kPatternLineChars), since it runs on the event loop and a pattern
// like ^(a|aa)+$ would otherwise backtrack for seconds per line. Past the limit a line does not match.
inline constexpr int kPatternMatchLimit = 10000;
inline constexpr int kPatternLineChars = 2048;
QRegularExpression startPatternRegex(const QString &pattern);
QString parseStartupCommand(const QString &command);
bool isValidInternalId(const QString &id);
} // namespace spec
} // namespace lightd::containers
