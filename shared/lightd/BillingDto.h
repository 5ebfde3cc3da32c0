#pragma once
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace lightd {
// GET /billing/rates (API.md section 7).
struct BillingRatesDto
{
    double memoryPerGbHour = 0;
    double cpuPerVcpuHour = 0;
    double storagePerGbHour = 0;
    double egressPerGb = 0;

    static BillingRatesDto fromJson(const QJsonObject &o);
};

struct CostDto
{
    double hourly = 0;
    double daily = 0;
    double monthly = 0;

    static CostDto fromJson(const QJsonObject &o);
};

// POST /billing/estimate body.
struct EstimateRequestDto
{
    double memoryGb = 0;
    double cpuVcpus = 0;
    double storageGb = 0;
    double egressGbPerMonth = 0;

    QJsonObject toJson() const;
};

// POST /billing/estimate answer: the total plus one CostDto per resource (memory, cpu, storage, egress).
struct BillingEstimateDto
{
    CostDto total;
    QMap<QString, CostDto> breakdown;

    static BillingEstimateDto fromJson(const QJsonObject &o);
};

// GET /billing/usage/:id/{hourly|daily|monthly}.
struct UsageDto
{
    QString containerId;
    double memoryGb = 0;
    double cpuVcpus = 0;
    double storageGb = 0;
    double egressGb = 0;
    double durationHours = 0;
    double estimatedCost = 0;

    static UsageDto fromJson(const QJsonObject &o);
    bool operator==(const UsageDto &) const = default;
};

// GET /billing/usage/:id/{period}/series: the window in equal steps, for charts over time.
struct UsagePointDto
{
    qint64 timestamp = 0; // end of the step, unix s
    double memoryGb = 0;
    double cpuVcpus = 0;
    double storageGb = 0;
    double egressGb = 0;
    double cost = 0;
};

struct UsageSeriesDto
{
    QString containerId;
    QList<UsagePointDto> points;

    static UsageSeriesDto fromJson(const QJsonObject &o);
};
} // namespace lightd
