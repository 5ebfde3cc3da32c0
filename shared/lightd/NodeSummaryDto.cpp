#include "lightd/NodeSummaryDto.h"

#include "lightd/Keys.h"

#include <QJsonArray>

namespace lightd {
namespace {
template <typename T> QJsonValue orNull(const std::optional<T> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}
std::optional<double> optionalDouble(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}
std::optional<qint64> optionalInt(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<qint64>(v.toInteger()) : std::nullopt;
}
} // namespace

QJsonObject ContainerUsageDto::toJson() const
{
    QJsonArray p;
    for (const PortBindingDto &b : ports)
        p.append(b.toJson());
    return QJsonObject{{keys::InternalId, internalId},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("cpu_percent"), orNull(cpuPercent)},
                       {QStringLiteral("memory_bytes"), orNull(memoryBytes)},
                       {QStringLiteral("memory_limit_bytes"), memoryLimitBytes},
                       {QStringLiteral("uptime_s"), orNull(uptimeS)},
                       {QStringLiteral("started_at_ms"), orNull(startedAtMs)},
                       {keys::Ports, p},
                       {keys::VolumeId, volumeId}};
}

ContainerUsageDto ContainerUsageDto::fromJson(const QJsonObject &o)
{
    ContainerUsageDto c;
    c.internalId = o.value(keys::InternalId).toString();
    c.state = o.value(QLatin1StringView("state")).toString();
    c.cpuPercent = optionalDouble(o.value(QLatin1StringView("cpu_percent")));
    c.memoryBytes = optionalInt(o.value(QLatin1StringView("memory_bytes")));
    c.memoryLimitBytes = o.value(QLatin1StringView("memory_limit_bytes")).toInteger();
    c.uptimeS = optionalInt(o.value(QLatin1StringView("uptime_s")));
    c.startedAtMs = optionalInt(o.value(QLatin1StringView("started_at_ms")));
    for (const QJsonValue &v : o.value(keys::Ports).toArray())
        c.ports.append(PortBindingDto::fromJson(v.toObject()));
    c.volumeId = o.value(keys::VolumeId).toString();
    return c;
}

QJsonObject HostUsageDto::toJson() const
{
    return QJsonObject{{QStringLiteral("cpu_percent"), orNull(cpuPercent)},
                       {QStringLiteral("cpus"), cpus},
                       {QStringLiteral("memory_total_bytes"), memoryTotalBytes},
                       {QStringLiteral("memory_available_bytes"), memoryAvailableBytes}};
}

HostUsageDto HostUsageDto::fromJson(const QJsonObject &o)
{
    HostUsageDto h;
    h.cpuPercent = optionalDouble(o.value(QLatin1StringView("cpu_percent")));
    h.cpus = o.value(QLatin1StringView("cpus")).toInt();
    h.memoryTotalBytes = o.value(QLatin1StringView("memory_total_bytes")).toInteger();
    h.memoryAvailableBytes = o.value(QLatin1StringView("memory_available_bytes")).toInteger();
    return h;
}

QJsonObject NodeSummaryDto::toJson() const
{
    QJsonArray a;
    for (const ContainerUsageDto &c : containers)
        a.append(c.toJson());
    return QJsonObject{{QStringLiteral("host"), host.toJson()}, {keys::Containers, a}};
}

NodeSummaryDto NodeSummaryDto::fromJson(const QJsonObject &o)
{
    NodeSummaryDto n;
    n.host = HostUsageDto::fromJson(o.value(QLatin1StringView("host")).toObject());
    for (const QJsonValue &v : o.value(keys::Containers).toArray())
        n.containers.append(ContainerUsageDto::fromJson(v.toObject()));
    return n;
}
} // namespace lightd
