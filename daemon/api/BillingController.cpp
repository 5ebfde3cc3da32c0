#include "api/BillingController.h"

#include "billing/UsageMath.h"
#include "containers/ContainerManager.h"
#include "http/JsonFields.h"
#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "lightd/Keys.h"

#include <QDateTime>
#include <QJsonArray>

namespace lightd::api {
using namespace http;
using K = QLatin1StringView;

namespace {
double quantity(const QJsonObject &body, K key, K alias = K())
{
    if (!alias.isEmpty() && !body.contains(key))
        return fields::optionalNumber(body, alias, 0, 1e12).value_or(0);
    return fields::optionalNumber(body, key, 0, 1e12).value_or(0);
}
} // namespace

HttpResponse BillingController::rates(const HttpRequest &)
{
    const auto &r = m_config.monitoring.billing;
    return HttpResponse::json(200, QJsonObject{{K("memory_per_gb_hour"), r.memoryPerGbHour},
                                               {K("cpu_per_vcpu_hour"), r.cpuPerVcpuHour},
                                               {K("storage_per_gb_hour"), r.storagePerGbHour},
                                               {K("egress_per_gb"), r.egressPerGb}});
}

HttpResponse BillingController::estimateContainer(const HttpRequest &req)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(
        body, {K("memory_gb"), K("cpu_vcpus"), K("cpu_vcpu"), K("storage_gb"), K("egress_gb_per_month")});
    const auto e =
        billing::estimateContainer(m_config.monitoring.billing, quantity(body, K("memory_gb")),
                                   quantity(body, K("cpu_vcpus"), K("cpu_vcpu")),
                                   quantity(body, K("storage_gb")), quantity(body, K("egress_gb_per_month")));
    return HttpResponse::json(200, e.toJson());
}

HttpResponse BillingController::estimateVolume(const HttpRequest &req)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(body, {K("size_gb"), K("storage_gb")});
    const double size = quantity(body, K("size_gb"), K("storage_gb"));
    const auto c = billing::estimateVolume(m_config.monitoring.billing, size);
    const billing::Cost none;
    QJsonObject out{{K("hourly"), c.hourly},
                    {K("daily"), c.daily},
                    {K("monthly"), c.monthly},
                    {K("breakdown"), QJsonObject{{K("memory"), none.toJson()},
                                                 {K("cpu"), none.toJson()},
                                                 {K("storage"), c.toJson()},
                                                 {K("egress"), none.toJson()}}},
                    {K("hourly_cost"), c.hourly},
                    {K("daily_cost"), c.daily},
                    {K("monthly_cost"), c.monthly},
                    {K("storage_gb"), size},
                    {K("size_gb"), size}};
    return HttpResponse::json(200, out);
}

QString BillingController::resolve(const QString &id)
{
    if (auto *rt = m_containers.find(id))
        return rt->record().dto.internalId;
    if (m_samples.containers().contains(id))
        return id; // deleted since, its samples kept until retention
    throw DomainError(codes::ContainerNotFound, QStringLiteral("Container not found"));
}

namespace {
qint64 windowMs(const QString &period)
{
    const qint64 hours = period == QLatin1StringView("hourly")  ? 1
                         : period == QLatin1StringView("daily") ? 24
                                                                : 720;
    return hours * 3600 * 1000;
}
} // namespace

HttpResponse BillingController::series(const HttpRequest &req, const QString &period)
{
    const QString internalId = resolve(req.param(QStringLiteral("id")));
    constexpr int kSteps = 60;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 stepMs = windowMs(period) / kSteps;
    const qint64 fromMs = nowMs - stepMs * kSteps;
    const auto samples = m_samples.since(internalId, fromMs);
    QJsonArray points;
    qsizetype first = 0;
    for (int i = 0; i < kSteps; ++i) {
        const qint64 start = fromMs + i * stepMs, end = start + stepMs;
        while (first < samples.size() && samples[first].atMs <= start)
            ++first;
        QList<storage::UsageSampleRow> inStep;
        for (qsizetype j = first; j < samples.size() && samples[j].atMs - samples[j].durationMs < end; ++j) {
            auto s = samples[j];
            if (s.atMs > end) { // the part after the step belongs to the next one
                const double keep = double(end - (s.atMs - s.durationMs)) / double(s.durationMs);
                s.cpuNs = qint64(double(s.cpuNs) * keep);
                s.txBytes = qint64(double(s.txBytes) * keep);
                s.durationMs = end - (s.atMs - s.durationMs);
                s.atMs = end;
            }
            inStep.append(s);
        }
        const auto u = billing::summarize(inStep, start, m_config.monitoring.billing);
        points.append(QJsonObject{{K("timestamp"), end / 1000},
                                  {K("duration_hours"), u.durationHours},
                                  {K("memory_gb"), u.memoryGb()},
                                  {K("cpu_vcpus"), u.cpuVcpus()},
                                  {K("storage_gb"), u.storageGb()},
                                  {K("egress_gb"), u.egressGb},
                                  {K("cost"), u.totalCost()}});
    }
    return HttpResponse::json(200, QJsonObject{{keys::ContainerId, internalId},
                                               {K("period"), period},
                                               {K("step_seconds"), stepMs / 1000},
                                               {K("points"), points}});
}

HttpResponse BillingController::usage(const HttpRequest &req, const QString &period)
{
    const QString internalId = resolve(req.param(QStringLiteral("id")));
    const qint64 fromMs = QDateTime::currentMSecsSinceEpoch() - windowMs(period);
    const auto &rates = m_config.monitoring.billing;
    const auto u = billing::summarize(m_samples.since(internalId, fromMs), fromMs, rates);
    const double total = u.totalCost();
    return HttpResponse::json(200, QJsonObject{{keys::ContainerId, internalId},
                                               {K("period"), period},
                                               {K("memory_gb"), u.memoryGb()},
                                               {K("cpu_vcpus"), u.cpuVcpus()},
                                               {K("storage_gb"), u.storageGb()},
                                               {K("egress_gb"), u.egressGb},
                                               {K("duration_hours"), u.durationHours},
                                               {K("estimated_cost"), total},
                                               {K("memory_usage_gb"), u.memoryGbHours},
                                               {K("cpu_usage_vcpu"), u.cpuVcpuHours},
                                               {K("storage_usage_gb"), u.storageGbHours},
                                               {K("network_egress_gb"), u.egressGb},
                                               {K("memory_cost"), u.memoryCost},
                                               {K("cpu_cost"), u.cpuCost},
                                               {K("storage_cost"), u.storageCost},
                                               {K("egress_cost"), u.egressCost},
                                               {K("total_cost"), total},
                                               {K("timestamp"), QDateTime::currentSecsSinceEpoch()}});
}

HttpResponse BillingController::containers(const HttpRequest &)
{
    return HttpResponse::json(
        200, QJsonObject{{K("containers"), QJsonArray::fromStringList(m_samples.containers())}});
}
} // namespace lightd::api
