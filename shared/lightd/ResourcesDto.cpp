#include "lightd/ResourcesDto.h"

#include "lightd/Keys.h"

namespace lightd {
namespace {
using Field = std::optional<qint64> ResourcesDto::*;
const struct
{
    QLatin1StringView key;
    Field field;
} kIntegers[] = {
    {QLatin1StringView("memory"), &ResourcesDto::memory},
    {QLatin1StringView("memory_swap"), &ResourcesDto::memorySwap},
    {QLatin1StringView("memory_reservation"), &ResourcesDto::memoryReservation},
    {QLatin1StringView("cpu_shares"), &ResourcesDto::cpuShares},
    {QLatin1StringView("cpu_period"), &ResourcesDto::cpuPeriod},
    {QLatin1StringView("cpu_quota"), &ResourcesDto::cpuQuota},
    {QLatin1StringView("blkio_weight"), &ResourcesDto::blkioWeight},
};
const QLatin1StringView kCpusetCpus("cpuset_cpus");
} // namespace

QJsonObject ResourcesDto::toJson() const
{
    QJsonObject o;
    for (const auto &f : kIntegers)
        if (const auto &v = this->*f.field)
            o.insert(f.key, *v);
    if (cpusetCpus)
        o.insert(kCpusetCpus, *cpusetCpus);
    if (cpu)
        o.insert(keys::Cpu, *cpu);
    return o;
}

ResourcesDto ResourcesDto::fromJson(const QJsonObject &o)
{
    ResourcesDto r;
    for (const auto &f : kIntegers)
        if (o.value(f.key).isDouble())
            r.*f.field = o.value(f.key).toInteger();
    if (o.value(kCpusetCpus).isString())
        r.cpusetCpus = o.value(kCpusetCpus).toString();
    if (o.value(keys::Cpu).isDouble())
        r.cpu = o.value(keys::Cpu).toDouble();
    return r;
}
} // namespace lightd
