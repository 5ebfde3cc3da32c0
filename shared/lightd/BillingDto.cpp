#include "lightd/BillingDto.h"

#include "lightd/Keys.h"

#include <QJsonArray>

namespace lightd {
namespace {
using K = QLatin1StringView;
constexpr K MemoryPerGbHour{"memory_per_gb_hour"};
constexpr K CpuPerVcpuHour{"cpu_per_vcpu_hour"};
constexpr K StoragePerGbHour{"storage_per_gb_hour"};
constexpr K EgressPerGb{"egress_per_gb"};
constexpr K Hourly{"hourly"};
constexpr K Daily{"daily"};
constexpr K Monthly{"monthly"};
constexpr K Breakdown{"breakdown"};
constexpr K MemoryGb{"memory_gb"};
constexpr K CpuVcpus{"cpu_vcpus"};
constexpr K StorageGb{"storage_gb"};
constexpr K EgressGb{"egress_gb"};
constexpr K EgressGbPerMonth{"egress_gb_per_month"};
constexpr K DurationHours{"duration_hours"};
constexpr K EstimatedCost{"estimated_cost"};
constexpr K Points{"points"};
constexpr K Timestamp{"timestamp"};
constexpr K Cost{"cost"};
} // namespace

BillingRatesDto BillingRatesDto::fromJson(const QJsonObject &o)
{
    return {o.value(MemoryPerGbHour).toDouble(), o.value(CpuPerVcpuHour).toDouble(),
            o.value(StoragePerGbHour).toDouble(), o.value(EgressPerGb).toDouble()};
}

CostDto CostDto::fromJson(const QJsonObject &o)
{
    return {o.value(Hourly).toDouble(), o.value(Daily).toDouble(), o.value(Monthly).toDouble()};
}

QJsonObject EstimateRequestDto::toJson() const
{
    return QJsonObject{{MemoryGb, memoryGb},
                       {CpuVcpus, cpuVcpus},
                       {StorageGb, storageGb},
                       {EgressGbPerMonth, egressGbPerMonth}};
}

BillingEstimateDto BillingEstimateDto::fromJson(const QJsonObject &o)
{
    BillingEstimateDto e;
    e.total = CostDto::fromJson(o);
    const auto breakdown = o.value(Breakdown).toObject();
    for (auto it = breakdown.constBegin(); it != breakdown.constEnd(); ++it)
        e.breakdown.insert(it.key(), CostDto::fromJson(it.value().toObject()));
    return e;
}

UsageDto UsageDto::fromJson(const QJsonObject &o)
{
    UsageDto u;
    u.containerId = o.value(keys::ContainerId).toString();
    u.memoryGb = o.value(MemoryGb).toDouble();
    u.cpuVcpus = o.value(CpuVcpus).toDouble();
    u.storageGb = o.value(StorageGb).toDouble();
    u.egressGb = o.value(EgressGb).toDouble();
    u.durationHours = o.value(DurationHours).toDouble();
    u.estimatedCost = o.value(EstimatedCost).toDouble();
    return u;
}

UsageSeriesDto UsageSeriesDto::fromJson(const QJsonObject &o)
{
    UsageSeriesDto s;
    s.containerId = o.value(keys::ContainerId).toString();
    for (const auto &v : o.value(Points).toArray()) {
        const QJsonObject p = v.toObject();
        s.points.append({p.value(Timestamp).toInteger(), p.value(MemoryGb).toDouble(),
                         p.value(CpuVcpus).toDouble(), p.value(StorageGb).toDouble(),
                         p.value(EgressGb).toDouble(), p.value(Cost).toDouble()});
    }
    return s;
}
} // namespace lightd
