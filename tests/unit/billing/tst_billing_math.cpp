// The billing formulas of API.md section 7 against values worked out by hand (not the upstream
// docs' examples, whose totals do not add up).
#include "billing/UsageMath.h"

#include <QTest>

using namespace lightd;
using namespace lightd::billing;

namespace {
Config::Billing rates()
{
    return {0.01, 0.05, 0.005, 0.12}; // memory/GB-h, CPU/vCPU-h, storage/GB-h, egress/GB
}
constexpr qint64 GiB = 1024LL * 1024 * 1024;

storage::UsageSampleRow sample(qint64 atMs, qint64 durMs, double memGb, double cpuSeconds, double storageGb,
                               double txGb)
{
    storage::UsageSampleRow r;
    r.container = QStringLiteral("c");
    r.atMs = atMs;
    r.durationMs = durMs;
    r.memoryBytes = qint64(memGb * GiB);
    r.cpuNs = qint64(cpuSeconds * 1e9);
    r.storageBytes = qint64(storageGb * GiB);
    r.txBytes = qint64(txGb * GiB);
    return r;
}
} // namespace

class TstBillingMath : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void estimateContainer()
    {
        // 2 GB, 1 vCPU, 10 GB disk, 100 GB egress a month
        const auto e = billing::estimateContainer(rates(), 2, 1, 10, 100);
        QCOMPARE(e.memory.hourly, 0.02);
        QCOMPARE(e.memory.daily, 0.48);
        QCOMPARE(e.memory.monthly, 14.4);
        QCOMPARE(e.cpu.hourly, 0.05);
        QCOMPARE(e.cpu.monthly, 36.0);
        QCOMPARE(e.storage.hourly, 0.05);
        QCOMPARE(e.egress.monthly, 12.0);
        QCOMPARE(e.egress.daily, 0.4);
        QVERIFY(qFuzzyCompare(e.egress.hourly, 0.4 / 24));
        QVERIFY(qFuzzyCompare(e.total.hourly, 0.02 + 0.05 + 0.05 + 0.4 / 24));
        QVERIFY(qFuzzyCompare(e.total.daily, 3.28));
        QVERIFY(qFuzzyCompare(e.total.monthly, 98.4));
        const auto json = e.toJson();
        QCOMPARE(json.value(QStringLiteral("monthly_cost")).toDouble(), e.total.monthly);
        QCOMPARE(json.value(QStringLiteral("breakdown"))
                     .toObject()
                     .value(QStringLiteral("cpu"))
                     .toObject()
                     .value(QStringLiteral("daily"))
                     .toDouble(),
                 1.2);
    }

    void estimateVolume()
    {
        const auto c = billing::estimateVolume(rates(), 50);
        QCOMPARE(c.hourly, 0.25);
        QCOMPARE(c.daily, 6.0);
        QCOMPARE(c.monthly, 180.0);
    }

    void counterDeltas()
    {
        QCOMPARE(counterDelta(std::nullopt, 0, 500, 7), 0); // no baseline: metering starts here
        QCOMPARE(counterDelta(100, 7, 150, 7), 50);         // same run
        QCOMPARE(counterDelta(100, 7, 30, 7), 30);          // counter reset: counts from zero
        QCOMPARE(counterDelta(100, 7, 500, 8), 500);        // new run (restart): from zero
        QCOMPARE(counterDelta(100, 7, 100, 7), 0);
    }

    void summarizeWholeWindow()
    {
        // Two one-minute samples: 1 then 3 GB memory, 30 s then 90 s of CPU, 2 GB disk, 0.5 + 0.25 GB out.
        const QList<storage::UsageSampleRow> s{sample(60000, 60000, 1, 30, 2, 0.5),
                                               sample(120000, 60000, 3, 90, 2, 0.25)};
        const auto u = summarize(s, 0, rates());
        QVERIFY(qFuzzyCompare(u.durationHours, 1.0 / 30));
        QVERIFY(qFuzzyCompare(u.memoryGbHours, 4.0 / 60)); // 1 GB x 1/60 h + 3 GB x 1/60 h
        QVERIFY(qFuzzyCompare(u.memoryGb(), 2.0));         // averaged over 2 minutes
        QVERIFY(qFuzzyCompare(u.cpuVcpuHours, 1.0 / 30));  // 120 CPU seconds
        QVERIFY(qFuzzyCompare(u.cpuVcpus(), 1.0));
        QVERIFY(qFuzzyCompare(u.storageGbHours, 4.0 / 60));
        QVERIFY(qFuzzyCompare(u.storageGb(), 2.0));
        QVERIFY(qFuzzyCompare(u.egressGb, 0.75));
        QVERIFY(qFuzzyCompare(u.memoryCost, 4.0 / 60 * 0.01));
        QVERIFY(qFuzzyCompare(u.cpuCost, 1.0 / 30 * 0.05));
        QVERIFY(qFuzzyCompare(u.storageCost, 4.0 / 60 * 0.005));
        QVERIFY(qFuzzyCompare(u.egressCost, 0.09));
        QVERIFY(qFuzzyCompare(u.totalCost(), 0.0926666666666667)); // 0.000667 + 0.001667 + 0.000333 + 0.09
    }

    void summarizeClipsAtWindowStart()
    {
        const QList<storage::UsageSampleRow> s{sample(60000, 60000, 1, 30, 2, 0.5),
                                               sample(120000, 60000, 3, 90, 2, 0.25)};
        // The window starts 30 s into the second sample: half of it counts, the first not at all.
        const auto u = summarize(s, 90000, rates());
        QVERIFY(qFuzzyCompare(u.durationHours, 1.0 / 120));
        QVERIFY(qFuzzyCompare(u.memoryGbHours, 3.0 / 120));
        QVERIFY(qFuzzyCompare(u.memoryGb(), 3.0));
        QVERIFY(qFuzzyCompare(u.cpuVcpuHours, 45.0 / 3600));
        QVERIFY(qFuzzyCompare(u.egressGb, 0.125));
    }

    void summarizeNothing()
    {
        const auto u = summarize({}, 0, rates());
        QCOMPARE(u.durationHours, 0.0);
        QCOMPARE(u.memoryGb(), 0.0);
        QCOMPARE(u.totalCost(), 0.0);
    }
};

QTEST_GUILESS_MAIN(TstBillingMath)
#include "tst_billing_math.moc"
