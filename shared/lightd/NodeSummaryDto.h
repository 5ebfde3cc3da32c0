#pragma once
#include "lightd/ContainerDto.h"

#include <QList>
#include <QString>
#include <optional>

namespace lightd {
// One row of GET /system/containers: what a container list shows beside the name, for every
// container in one answer. Figures the node cannot tell (not running, no readable cgroup, CPU on
// the first ask) are nullopt, JSON null.
struct ContainerUsageDto
{
    QString internalId;
    QString state;
    std::optional<double> cpuPercent; // 100 = one core busy, since the route was last asked
    std::optional<qint64> memoryBytes;
    qint64 memoryLimitBytes = 0; // 0 = unlimited
    std::optional<qint64> uptimeS;
    // When this run started (unix ms): a restart between two asks changes it, however quick it was.
    std::optional<qint64> startedAtMs;
    QList<PortBindingDto> ports;
    QString volumeId;

    QJsonObject toJson() const;
    static ContainerUsageDto fromJson(const QJsonObject &o);
    bool operator==(const ContainerUsageDto &) const = default;
};

// The node's host as /proc tells it (the all-nodes page).
struct HostUsageDto
{
    std::optional<double> cpuPercent; // 100 = every core busy, since the route was last asked
    int cpus = 0;
    qint64 memoryTotalBytes = 0;
    qint64 memoryAvailableBytes = 0;

    QJsonObject toJson() const;
    static HostUsageDto fromJson(const QJsonObject &o);
    bool operator==(const HostUsageDto &) const = default;
};

struct NodeSummaryDto
{
    HostUsageDto host;
    QList<ContainerUsageDto> containers;

    QJsonObject toJson() const;
    static NodeSummaryDto fromJson(const QJsonObject &o);
};
} // namespace lightd
