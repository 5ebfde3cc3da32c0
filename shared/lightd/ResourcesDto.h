#pragma once
#include <QJsonObject>
#include <QString>
#include <optional>

namespace lightd {
// GET and POST /containers/:id/resources (API.md section 3): the engine's live limits. Every field is
// optional: an update sends only what is set, a read leaves unset what the engine did not report.
struct ResourcesDto
{
    std::optional<qint64> memory;            // bytes, 4 MiB..1 TiB (0 read back = unlimited)
    std::optional<qint64> memorySwap;        // bytes >= memory, or -1 for unlimited swap
    std::optional<qint64> memoryReservation; // bytes, soft limit
    std::optional<qint64> cpuShares;         // 2..262144
    std::optional<qint64> cpuPeriod;         // 1000..1000000 µs
    std::optional<qint64> cpuQuota;          // >= 1000 µs, or -1
    std::optional<QString> cpusetCpus;       // "0-1", "0,2"
    std::optional<qint64> blkioWeight;       // 10..1000
    std::optional<double> cpu;               // cores; sent on update, not reported by GET

    bool isEmpty() const { return *this == ResourcesDto{}; }
    QJsonObject toJson() const;
    static ResourcesDto fromJson(const QJsonObject &o);
    bool operator==(const ResourcesDto &) const = default;
};
} // namespace lightd
