#pragma once
#include "containers/ContainerRecord.h"

#include <QRegularExpression>

namespace lightd::containers {
// Rules for container fields that are plain values (API.md section 3): each check throws
// DomainError 400 invalid_field naming the field. Request bodies are read in api/ContainerSpecParser,
// which applies these; the runtime uses the start-pattern limits below.
namespace spec {
QString parseImage(const QString &image, QLatin1StringView field);
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
