#include "containers/StatsCalculator.h"

#include <QJsonArray>

namespace lightd::containers {
StatsSample computeStats(const QJsonObject &s)
{
    StatsSample out;
    const QJsonObject cpu = s.value(QStringLiteral("cpu_stats")).toObject();
    const QJsonObject pre = s.value(QStringLiteral("precpu_stats")).toObject();
    const double cpuDelta =
        cpu.value(QStringLiteral("cpu_usage")).toObject().value(QStringLiteral("total_usage")).toDouble() -
        pre.value(QStringLiteral("cpu_usage")).toObject().value(QStringLiteral("total_usage")).toDouble();
    const double sysDelta = cpu.value(QStringLiteral("system_cpu_usage")).toDouble() -
                            pre.value(QStringLiteral("system_cpu_usage")).toDouble();
    double cpus = cpu.value(QStringLiteral("online_cpus")).toDouble();
    if (cpus <= 0)
        cpus = cpu.value(QStringLiteral("cpu_usage"))
                   .toObject()
                   .value(QStringLiteral("percpu_usage"))
                   .toArray()
                   .size();
    if (cpus <= 0)
        cpus = 1;
    if (cpuDelta > 0 && sysDelta > 0)
        out.cpuAbsolute = cpuDelta / sysDelta * cpus * 100.0;

    const QJsonObject mem = s.value(QStringLiteral("memory_stats")).toObject();
    const QJsonObject memStats = mem.value(QStringLiteral("stats")).toObject();
    const qint64 usage = mem.value(QStringLiteral("usage")).toInteger();
    // cgroup v2 reports inactive_file, v1 total_inactive_file
    const qint64 cache = memStats.contains(QStringLiteral("inactive_file"))
                             ? memStats.value(QStringLiteral("inactive_file")).toInteger()
                             : memStats.value(QStringLiteral("total_inactive_file")).toInteger();
    out.memoryBytes = usage > cache ? usage - cache : usage;
    out.memoryLimitBytes = mem.value(QStringLiteral("limit")).toInteger();

    const QJsonObject nets = s.value(QStringLiteral("networks")).toObject();
    for (auto it = nets.constBegin(); it != nets.constEnd(); ++it) {
        out.rxBytes += it.value().toObject().value(QStringLiteral("rx_bytes")).toInteger();
        out.txBytes += it.value().toObject().value(QStringLiteral("tx_bytes")).toInteger();
    }
    return out;
}
} // namespace lightd::containers
