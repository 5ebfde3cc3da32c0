#pragma once
#include "config/Config.h"
#include "storage/UsageSampleTable.h"

#include <QJsonObject>

namespace lightd::billing {
// The formulas of API.md section 7, free of I/O so they can be checked by hand. A GB is 2^30 bytes
// (the unit Docker limits and the panel's memory fields use).
inline constexpr double kBytesPerGb = 1024.0 * 1024.0 * 1024.0;
inline constexpr double kMsPerHour = 3600.0 * 1000.0;
inline constexpr double kNsPerHour = 3600.0 * 1e9;

struct Cost
{
    double hourly = 0, daily = 0, monthly = 0;
    QJsonObject toJson() const;
};

struct Estimate
{
    Cost memory, cpu, storage, egress, total;
    QJsonObject toJson() const; // the POST /billing/estimate answer
};

// hourly = qty x rate, daily = 24 x hourly, monthly = 30 x daily; egress is priced per month.
Estimate estimateContainer(const Config::Billing &rates, double memoryGb, double cpuVcpus, double storageGb,
                           double egressGbPerMonth);
Cost estimateVolume(const Config::Billing &rates, double sizeGb);

// Growth of a counter that only grows inside one run of a container. A new run (or a counter that
// went backwards: the container restarted) counts from zero; no baseline at all counts nothing.
qint64 counterDelta(std::optional<qint64> previousTotal, qint64 previousRun, qint64 total, qint64 run);

// Integrals and averages over the samples in a window.
struct Usage
{
    double durationHours = 0;
    double memoryGbHours = 0, cpuVcpuHours = 0, storageGbHours = 0, egressGb = 0;
    double memoryCost = 0, cpuCost = 0, storageCost = 0, egressCost = 0;
    double memoryGb() const { return durationHours > 0 ? memoryGbHours / durationHours : 0; }
    double cpuVcpus() const { return durationHours > 0 ? cpuVcpuHours / durationHours : 0; }
    double storageGb() const { return durationHours > 0 ? storageGbHours / durationHours : 0; }
    double totalCost() const { return memoryCost + cpuCost + storageCost + egressCost; }
};

// Samples are (atMs - durationMs, atMs]; a sample that starts before fromMs counts only its part
// inside the window (its deltas pro rata).
Usage summarize(const QList<storage::UsageSampleRow> &samples, qint64 fromMs, const Config::Billing &rates);
} // namespace lightd::billing
