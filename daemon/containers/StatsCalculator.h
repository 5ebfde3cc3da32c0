#pragma once
#include <QJsonObject>

namespace lightd::containers {
// One sample of the engine's stats stream turned into API.md section 6's stats frame fields:
// cpu_absolute with the Docker CLI formula, memory without the page cache (inactive_file),
// network rx/tx summed over interfaces.
struct StatsSample
{
    double cpuAbsolute = 0; // percent of one core x cores
    qint64 memoryBytes = 0;
    qint64 memoryLimitBytes = 0;
    qint64 rxBytes = 0;
    qint64 txBytes = 0;
};

StatsSample computeStats(const QJsonObject &engineStats);
} // namespace lightd::containers
