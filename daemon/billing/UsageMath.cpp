#include "billing/UsageMath.h"

#include <algorithm>

namespace lightd::billing {
QJsonObject Cost::toJson() const
{
    return {{QStringLiteral("hourly"), hourly},
            {QStringLiteral("daily"), daily},
            {QStringLiteral("monthly"), monthly}};
}

namespace {
Cost fromHourly(double hourly)
{
    return {hourly, hourly * 24.0, hourly * 24.0 * 30.0};
}
Cost fromMonthly(double monthly)
{
    const double daily = monthly / 30.0;
    return {daily / 24.0, daily, monthly};
}
} // namespace

QJsonObject Estimate::toJson() const
{
    QJsonObject breakdown{{QStringLiteral("memory"), memory.toJson()},
                          {QStringLiteral("cpu"), cpu.toJson()},
                          {QStringLiteral("storage"), storage.toJson()},
                          {QStringLiteral("egress"), egress.toJson()},
                          // the upstream docs' flat names, for panels written against them
                          {QStringLiteral("memory_cost_per_hour"), memory.hourly},
                          {QStringLiteral("cpu_cost_per_hour"), cpu.hourly},
                          {QStringLiteral("storage_cost_per_hour"), storage.hourly},
                          {QStringLiteral("egress_cost_per_month"), egress.monthly}};
    return {{QStringLiteral("hourly"), total.hourly},       {QStringLiteral("daily"), total.daily},
            {QStringLiteral("monthly"), total.monthly},     {QStringLiteral("breakdown"), breakdown},
            {QStringLiteral("hourly_cost"), total.hourly},  {QStringLiteral("daily_cost"), total.daily},
            {QStringLiteral("monthly_cost"), total.monthly}};
}

Estimate estimateContainer(const Config::Billing &rates, double memoryGb, double cpuVcpus, double storageGb,
                           double egressGbPerMonth)
{
    Estimate e;
    e.memory = fromHourly(memoryGb * rates.memoryPerGbHour);
    e.cpu = fromHourly(cpuVcpus * rates.cpuPerVcpuHour);
    e.storage = fromHourly(storageGb * rates.storagePerGbHour);
    e.egress = fromMonthly(egressGbPerMonth * rates.egressPerGb);
    for (const Cost *c : {&e.memory, &e.cpu, &e.storage, &e.egress}) {
        e.total.hourly += c->hourly;
        e.total.daily += c->daily;
        e.total.monthly += c->monthly;
    }
    return e;
}

Cost estimateVolume(const Config::Billing &rates, double sizeGb)
{
    return fromHourly(sizeGb * rates.storagePerGbHour);
}

qint64 counterDelta(std::optional<qint64> previousTotal, qint64 previousRun, qint64 total, qint64 run)
{
    if (!previousTotal)
        return 0;
    if (run != previousRun || total < *previousTotal)
        return std::max<qint64>(total, 0);
    return total - *previousTotal;
}

Usage summarize(const QList<storage::UsageSampleRow> &samples, qint64 fromMs, const Config::Billing &rates)
{
    Usage u;
    for (const auto &s : samples) {
        if (s.atMs <= fromMs || s.durationMs <= 0)
            continue;
        const qint64 inside = std::min(s.durationMs, s.atMs - fromMs);
        const double part = double(inside) / double(s.durationMs);
        const double hours = double(inside) / kMsPerHour;
        u.durationHours += hours;
        u.memoryGbHours += double(s.memoryBytes) / kBytesPerGb * hours;
        u.storageGbHours += double(s.storageBytes) / kBytesPerGb * hours;
        u.cpuVcpuHours += double(s.cpuNs) * part / kNsPerHour;
        u.egressGb += double(s.txBytes) * part / kBytesPerGb;
    }
    u.memoryCost = u.memoryGbHours * rates.memoryPerGbHour;
    u.cpuCost = u.cpuVcpuHours * rates.cpuPerVcpuHour;
    u.storageCost = u.storageGbHours * rates.storagePerGbHour;
    u.egressCost = u.egressGb * rates.egressPerGb;
    return u;
}
} // namespace lightd::billing
