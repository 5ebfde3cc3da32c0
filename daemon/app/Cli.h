#pragma once
#include "app/AppLog.h"

#include <QStringList>
#include <optional>

namespace lightd {
// Parses the command line; for the one-shot commands (--token, --version, --help) it does the work
// and returns the exit code. nullopt = run the daemon with configPath.
struct CliOutcome
{
    std::optional<int> exitCode;
    QString configPath;
    LogFormat logFormat = LogFormat::Plain;
};
CliOutcome runCli(const QStringList &arguments);
} // namespace lightd
