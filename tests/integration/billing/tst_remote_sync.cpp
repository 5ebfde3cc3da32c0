// Remote sync through the durable outbox (API.md section 8) with tests/support/panel.py as the
// remote: state and billing events arrive in order with the remote's token; a remote that is down
// for a while gets everything once it is back, once and in order; 1000 events pending when the
// daemon is killed with SIGKILL all arrive after the restart; a failing or hanging remote never
// slows the API; /remote/config redacts secrets.
#include "ApiCalls.h"
#include "Await.h"
#include "PanelProcess.h"
#include "Programs.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

using namespace lightd::test;

namespace {
const QString kRemoteToken = QStringLiteral("lightd_remote_secret_0123456789");

// The statuses the panel received for one server, in arrival order.
QStringList statuses(const QJsonArray &events, const QString &server)
{
    QStringList out;
    for (const auto &v : events) {
        const auto e = v.toObject();
        if (e.value(QStringLiteral("event")).toString() == QLatin1String("update") &&
            e.value(QStringLiteral("server")).toString() == server)
            out.append(e.value(QStringLiteral("status")).toString());
    }
    return out;
}

// One sample of GET /metrics (Prometheus text); -1 when absent.
double sampleValue(const QByteArray &text, const QByteArray &series)
{
    for (const auto &line : text.split('\n')) {
        if (line.startsWith(series + ' '))
            return line.mid(series.size() + 1).toDouble();
    }
    return -1;
}

bool noRepeats(const QJsonArray &events)
{
    QSet<QString> seen;
    for (const auto &v : events) {
        const QString id = v.toObject().value(QStringLiteral("id")).toString();
        if (id.isEmpty() || seen.contains(id))
            return false;
        seen.insert(id);
    }
    return true;
}
} // namespace

class TestRemoteSync : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        panel = std::make_unique<PanelProcess>(kRemoteToken);
        QVERIFY(panel->start());
        env = std::make_unique<ApiCalls>(
            QStringLiteral("rsync"),
            QJsonObject{{QStringLiteral("remote"),
                         QJsonObject{{QStringLiteral("enabled"), true},
                                     {QStringLiteral("url"), panel->url() + QStringLiteral("/")},
                                     {QStringLiteral("token"), kRemoteToken},
                                     {QStringLiteral("node_id"), QStringLiteral("node-rs")}}},
                        {QStringLiteral("monitoring"), QJsonObject{{QStringLiteral("interval_ms"), 1000}}}});
        QVERIFY(env->startDaemon());
        volume = env->createVolume();
        QVERIFY(!volume.isEmpty());
    }
    void cleanupTestCase()
    {
        env.reset();
        panel.reset();
    }

    void configIsRedacted()
    {
        const auto c = env->get(QStringLiteral("/remote/config")).json();
        const auto remote = c.value(QStringLiteral("remote")).toObject();
        QCOMPARE(remote.value(QStringLiteral("url")).toString(), panel->url() + QStringLiteral("/"));
        QCOMPARE(remote.value(QStringLiteral("token")).toString(), QStringLiteral("***"));
        QCOMPARE(
            c.value(QStringLiteral("authorization")).toObject().value(QStringLiteral("token")).toString(),
            QStringLiteral("***"));
        QVERIFY(!env->get(QStringLiteral("/remote/config")).body.contains(env->token().toUtf8()));
        QCOMPARE(env->post(QStringLiteral("/remote/config/reload")).status, 200);
    }

    void stateAndBillingInOrder()
    {
        const QString id = env->id(QStringLiteral("order"));
        QVERIFY(create(id));
        QCOMPARE(env->post(QStringLiteral("/containers/%1/start").arg(id)).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(env->post(QStringLiteral("/containers/%1/stop").arg(id)).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        const QStringList want{QStringLiteral("installing"), QStringLiteral("ready"),
                               QStringLiteral("starting"),   QStringLiteral("running"),
                               QStringLiteral("stopping"),   QStringLiteral("ready")};
        QJsonArray events;
        QVERIFY2(waitUntil(
                     [&] {
                         events = panel->events();
                         return statuses(events, id) == want && hasBilling(events, id);
                     },
                     30000),
                 qPrintable(statuses(events, id).join(QLatin1Char(','))));
        QVERIFY(noRepeats(events));
        for (const auto &v : events) {
            const auto e = v.toObject();
            QCOMPARE(e.value(QStringLiteral("node")).toString(), QStringLiteral("node-rs"));
            QVERIFY(e.value(QStringLiteral("timestamp")).toInteger() > 1600000000);
            if (e.value(QStringLiteral("event")).toString() == QLatin1String("billing")) {
                for (const char *k : {"memory_gb", "cpu_vcpus", "storage_gb", "egress_gb", "duration_hours",
                                      "estimated_cost"})
                    QVERIFY2(e.contains(QLatin1StringView(k)), k);
            }
        }
        const auto auth = panel->snapshot().value(QStringLiteral("auth")).toArray();
        QVERIFY(!auth.isEmpty());
        QCOMPARE(auth.last().toString(), QStringLiteral("Bearer ") + kRemoteToken);
        QVERIFY(waitUntil([&] { return status().value(QStringLiteral("pending_events")).toInt() == 0; }));
        QCOMPARE(status().value(QStringLiteral("healthy")).toBool(), true);
    }

    void downThenUpDeliversEverythingOnceInOrder()
    {
        const QByteArray m0 = metrics();
        const double failures0 = sampleValue(m0, "lightd_outbox_failures_total");
        const double delivered0 = sampleValue(m0, "lightd_outbox_delivered_total");
        QVERIFY(failures0 >= 0 && delivered0 >= 0);
        QVERIFY(panel->setMode(QStringLiteral("fail")));
        const QString id = env->id(QStringLiteral("down"));
        QVERIFY(create(id));
        QCOMPARE(env->post(QStringLiteral("/containers/%1/start").arg(id)).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(env->post(QStringLiteral("/containers/%1/kill").arg(id)).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        QVERIFY(waitUntil([&] { return !status().value(QStringLiteral("last_error")).isNull(); }));
        QVERIFY(status().value(QStringLiteral("pending_events")).toInt() >= 4);
        QVERIFY(statuses(panel->events(), id).isEmpty());
        // /metrics: the failed attempts are counted, the waiting events are the status' pending ones
        const QByteArray m1 = metrics();
        QVERIFY(sampleValue(m1, "lightd_outbox_failures_total") > failures0);
        QVERIFY(sampleValue(m1, "lightd_outbox_pending") >= 4);
        QCOMPARE(sampleValue(m1, "lightd_outbox_delivered_total"), delivered0);

        QVERIFY(panel->setMode(QStringLiteral("ok")));
        QJsonArray events;
        QVERIFY2(waitUntil(
                     [&] {
                         events = panel->events();
                         return status().value(QStringLiteral("pending_events")).toInt() == 0 &&
                                statuses(events, id).size() >= 5;
                     },
                     70000),
                 qPrintable(statuses(events, id).join(QLatin1Char(','))));
        const QStringList got = statuses(events, id);
        QCOMPARE(got.mid(0, 4), (QStringList{QStringLiteral("installing"), QStringLiteral("ready"),
                                             QStringLiteral("starting"), QStringLiteral("running")}));
        QCOMPARE(got.last(), QStringLiteral("ready"));
        QVERIFY(noRepeats(events));
        const QByteArray m2 = metrics();
        QVERIFY(sampleValue(m2, "lightd_outbox_delivered_total") >= delivered0 + 5);
        QCOMPARE(sampleValue(m2, "lightd_outbox_pending"), 0.0);
    }

    void hangingRemoteNeverBlocksTheApi()
    {
        QVERIFY(panel->setMode(QStringLiteral("hang")));
        const QString id = env->id(QStringLiteral("hang"));
        QVERIFY(create(id)); // its events wait on the hanging remote
        QElapsedTimer t;
        for (int i = 0; i < 20; ++i) {
            t.start();
            QCOMPARE(env->get(QStringLiteral("/containers")).status, 200);
            QCOMPARE(env->get(QStringLiteral("/remote/status")).status, 200);
            QVERIFY2(t.elapsed() < 1000, "the API waited on the remote");
            QTest::qWait(100);
        }
        QVERIFY(status().value(QStringLiteral("pending_events")).toInt() > 0);
        QVERIFY(panel->setMode(QStringLiteral("ok")));
        QVERIFY(waitUntil([&] { return statuses(panel->events(), id).contains(QStringLiteral("ready")); },
                          70000));
    }

    void killedWithThousandPendingDeliversAllAfterRestart()
    {
        QVERIFY(panel->setMode(QStringLiteral("fail")));
        // 1000 events written straight into the outbox of the stopped daemon, as its own writes would be
        QVERIFY(env->daemon->stop());
        QStringList ids;
        {
            const QString conn = QStringLiteral("rsync-fill");
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), conn);
            db.setDatabaseName(env->daemon->dataDir() + QStringLiteral("/data/lightd.db"));
            QVERIFY(db.open());
            QVERIFY(db.transaction());
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT INTO outbox (kind, body, created_ms) VALUES (0, ?, 0)"));
            for (int i = 0; i < 1000; ++i) {
                const QString eid = QUuid::createUuid().toString(QUuid::WithoutBraces);
                ids.append(eid);
                q.addBindValue(QJsonDocument(QJsonObject{{QStringLiteral("id"), eid},
                                                         {QStringLiteral("event"), QStringLiteral("update")},
                                                         {QStringLiteral("server"), QStringLiteral("bulk")},
                                                         {QStringLiteral("status"), QStringLiteral("ready")},
                                                         {QStringLiteral("n"), i}})
                                   .toJson(QJsonDocument::Compact));
                QVERIFY(q.exec());
            }
            QVERIFY(db.commit());
            q = QSqlQuery();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(conn);
        }
        QVERIFY(env->startDaemon());
        QVERIFY(status().value(QStringLiteral("pending_events")).toInt() >= 1000);
        env->daemon->kill(); // SIGKILL with the 1000 still pending
        QVERIFY(panel->setMode(QStringLiteral("ok")));
        QVERIFY(env->startDaemon());
        QJsonArray events;
        QJsonObject st;
        QVERIFY2(waitUntil(
                     [&] {
                         st = status();
                         return st.value(QStringLiteral("pending_events")).toInt() == 0;
                     },
                     90000),
                 QJsonDocument(st).toJson().constData());
        events = panel->events();
        QStringList got;
        for (const auto &v : events) {
            if (v.toObject().value(QStringLiteral("server")).toString() == QLatin1String("bulk"))
                got.append(v.toObject().value(QStringLiteral("id")).toString());
        }
        QCOMPARE(got.size(), 1000);
        QCOMPARE(got, ids); // each once, in order
        QVERIFY(noRepeats(events));
    }

  private:
    bool create(const QString &id)
    {
        const auto r = env->post(QStringLiteral("/containers"),
                                 {{QStringLiteral("internal_id"), id},
                                  {QStringLiteral("image"), kImage},
                                  {QStringLiteral("volume_id"), volume},
                                  {QStringLiteral("startup_command"), QStringLiteral("sleep 3600")}});
        return r.status == 201 && env->waitState(id, QStringLiteral("ready"), 60000);
    }
    QJsonObject status() { return env->get(QStringLiteral("/remote/status")).json(); }
    QByteArray metrics() { return env->get(QStringLiteral("/metrics")).body; }
    static bool hasBilling(const QJsonArray &events, const QString &id)
    {
        for (const auto &v : events) {
            const auto e = v.toObject();
            if (e.value(QStringLiteral("event")).toString() == QLatin1String("billing") &&
                e.value(QStringLiteral("server")).toString() == id)
                return true;
        }
        return false;
    }

    std::unique_ptr<PanelProcess> panel;
    std::unique_ptr<ApiCalls> env;
    QString volume;
};

QTEST_GUILESS_MAIN(TestRemoteSync)
#include "tst_remote_sync.moc"
