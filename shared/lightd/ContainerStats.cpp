#include "lightd/ContainerStats.h"

#include "lightd/Keys.h"

namespace lightd {
namespace {
using K = QLatin1StringView;
constexpr K CpuAbsolute{"cpu_absolute"};
constexpr K MemoryBytes{"memory_bytes"};
constexpr K MemoryLimitBytes{"memory_limit_bytes"};
constexpr K Network{"network"};
constexpr K RxBytes{"rx_bytes"};
constexpr K TxBytes{"tx_bytes"};
constexpr K DiskBytes{"disk_bytes"};
constexpr K Uptime{"uptime"};
} // namespace

QJsonObject ContainerStats::toJson() const
{
    return QJsonObject{{CpuAbsolute, cpuAbsolute},
                       {MemoryBytes, memoryBytes},
                       {MemoryLimitBytes, memoryLimitBytes},
                       {Network, QJsonObject{{RxBytes, rxBytes}, {TxBytes, txBytes}}},
                       {DiskBytes, diskBytes},
                       {Uptime, uptime},
                       {keys::State, state}};
}

ContainerStats ContainerStats::fromJson(const QJsonObject &o)
{
    ContainerStats s;
    s.cpuAbsolute = o.value(CpuAbsolute).toDouble();
    s.memoryBytes = o.value(MemoryBytes).toInteger();
    s.memoryLimitBytes = o.value(MemoryLimitBytes).toInteger();
    const auto net = o.value(Network).toObject();
    s.rxBytes = net.value(RxBytes).toInteger();
    s.txBytes = net.value(TxBytes).toInteger();
    s.diskBytes = o.value(DiskBytes).toInteger();
    s.uptime = o.value(Uptime).toInteger();
    s.state = o.value(keys::State).toString();
    return s;
}
} // namespace lightd
