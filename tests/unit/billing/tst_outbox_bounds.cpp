// The outbox's bound (API.md section 8): when it holds remote.outbox_max_events, the oldest billing
// events make room and are counted; state events are never dropped. Also the event bodies.
#include "storage/Database.h"
#include "storage/OutboxTable.h"
#include "sync/Outbox.h"
#include "sync/RemoteEvents.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace lightd;

class TstOutboxBounds : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void billingDroppedOldestFirstStateKept()
    {
        QTemporaryDir dir;
        storage::Database db(dir.filePath(QStringLiteral("t.db")));
        db.open();
        Config::Remote remote;
        remote.enabled = true;
        remote.url = QStringLiteral("http://127.0.0.1:9"); // nothing delivered: the loop never runs here
        remote.outboxMaxEvents = 100;
        sync::Outbox outbox(db, remote, Config::Billing{1, 1, 1, 1});
        storage::UsageSampleRow sample;
        sample.container = QStringLiteral("c");
        sample.atMs = 3600 * 1000;
        sample.durationMs = 60000;

        for (int i = 0; i < 10; ++i)
            outbox.addStateEvent(QStringLiteral("c"), QStringLiteral("ready"), QString());
        for (int i = 0; i < 200; ++i) {
            sample.atMs += 60000;
            outbox.addBillingEvent(sample);
        }
        storage::OutboxTable table(db);
        QCOMPARE(outbox.pendingEvents(), 100);
        QCOMPARE(table.count(), 100);
        QCOMPARE(outbox.droppedEvents(), 110);
        auto rows = table.head(100);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(rows[i].kind, int(storage::OutboxRow::State)); // the state events stay, first
        // the newest 90 billing events are the ones kept
        const auto last = QJsonDocument::fromJson(rows.last().body).object();
        QCOMPARE(last.value(QStringLiteral("timestamp")).toInteger(), sample.atMs / 1000);

        for (int i = 0; i < 100; ++i)
            outbox.addStateEvent(QStringLiteral("c"), QStringLiteral("running"), QString());
        QCOMPARE(table.count(), 110); // over the bound: state events are never dropped
        QCOMPARE(outbox.droppedEvents(), 200);
        outbox.addBillingEvent(sample); // full of state events: the new billing event is the one dropped
        QCOMPARE(table.count(), 110);
        QCOMPARE(outbox.droppedEvents(), 201);
        QCOMPARE(table.droppedTotal(), 201); // counted durably
    }

    void eventBodies()
    {
        const auto s =
            QJsonDocument::fromJson(sync::stateEvent(QStringLiteral("n1"), QStringLiteral("srv"),
                                                     QStringLiteral("failed"), QStringLiteral("boom"), 42))
                .object();
        QCOMPARE(s.value(QStringLiteral("event")).toString(), QStringLiteral("update"));
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(s.value(QStringLiteral("error")).toString(), QStringLiteral("failed"));
        QCOMPARE(s.value(QStringLiteral("data")).toString(), QStringLiteral("boom"));
        QCOMPARE(s.value(QStringLiteral("node")).toString(), QStringLiteral("n1"));
        QCOMPARE(s.value(QStringLiteral("timestamp")).toInteger(), 42);
        QCOMPARE(s.value(QStringLiteral("id")).toString().size(), 36);

        storage::UsageSampleRow r;
        r.container = QStringLiteral("srv");
        r.atMs = 7200 * 1000;
        r.durationMs = 3600 * 1000; // one hour at 2 GB, 30 min of CPU, 4 GB disk, 1 GB out
        r.memoryBytes = 2LL << 30;
        r.cpuNs = 1800LL * 1000000000;
        r.storageBytes = 4LL << 30;
        r.txBytes = 1LL << 30;
        const auto b =
            QJsonDocument::fromJson(sync::billingEvent(QStringLiteral("n1"), r, {0.01, 0.05, 0.005, 0.12}))
                .object();
        QCOMPARE(b.value(QStringLiteral("event")).toString(), QStringLiteral("billing"));
        QCOMPARE(b.value(QStringLiteral("memory_gb")).toDouble(), 2.0);
        QCOMPARE(b.value(QStringLiteral("cpu_vcpus")).toDouble(), 0.5);
        QCOMPARE(b.value(QStringLiteral("storage_gb")).toDouble(), 4.0);
        QCOMPARE(b.value(QStringLiteral("egress_gb")).toDouble(), 1.0);
        QCOMPARE(b.value(QStringLiteral("duration_hours")).toDouble(), 1.0);
        QVERIFY(
            qFuzzyCompare(b.value(QStringLiteral("estimated_cost")).toDouble(), 0.02 + 0.025 + 0.02 + 0.12));
    }

    void urlJoin()
    {
        QCOMPARE(sync::joinUrl(QStringLiteral("http://h/api/"), QStringLiteral("/update")),
                 QStringLiteral("http://h/api/update"));
        QCOMPARE(sync::joinUrl(QStringLiteral("http://h/api"), QStringLiteral("health")),
                 QStringLiteral("http://h/api/health"));
    }
};

QTEST_GUILESS_MAIN(TstOutboxBounds)
#include "tst_outbox_bounds.moc"
