#include "sync/RemoteEvents.h"

#include "billing/UsageMath.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace lightd::sync {
namespace {
QJsonObject head(const QString &event, const QString &node, const QString &server, qint64 atS)
{
    return {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("event"), event},
            {QStringLiteral("node"), node},
            {QStringLiteral("server"), server},
            {QStringLiteral("timestamp"), atS}};
}
} // namespace

QByteArray stateEvent(const QString &node, const QString &server, const QString &state, const QString &error,
                      qint64 atS)
{
    QJsonObject o = head(QStringLiteral("update"), node, server, atS);
    o.insert(QStringLiteral("status"), state);
    if (state == QLatin1StringView("failed")) {
        // the upstream failure shape, beside the status
        o.insert(QStringLiteral("error"), QStringLiteral("failed"));
        o.insert(QStringLiteral("data"), error);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray billingEvent(const QString &node, const storage::UsageSampleRow &sample,
                        const Config::Billing &rates)
{
    const auto u = billing::summarize({sample}, sample.atMs - sample.durationMs, rates);
    QJsonObject o = head(QStringLiteral("billing"), node, sample.container, sample.atMs / 1000);
    o.insert(QStringLiteral("memory_gb"), u.memoryGb());
    o.insert(QStringLiteral("cpu_vcpus"), u.cpuVcpus());
    o.insert(QStringLiteral("storage_gb"), u.storageGb());
    o.insert(QStringLiteral("egress_gb"), u.egressGb);
    o.insert(QStringLiteral("duration_hours"), u.durationHours);
    o.insert(QStringLiteral("estimated_cost"), u.totalCost());
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString joinUrl(const QString &base, const QString &path)
{
    QString b = base.trimmed();
    while (b.endsWith(QLatin1Char('/')))
        b.chop(1);
    QString p = path;
    while (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    return b + QLatin1Char('/') + p;
}
} // namespace lightd::sync
