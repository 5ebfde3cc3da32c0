// Metering through cgroup files: a running container that burns CPU, sends UDP and has a file
// in its volume shows memory, CPU, egress and storage in /billing/usage; the figures are consistent
// with the rates; samples survive a daemon restart; the estimate routes and their errors; with
// monitoring off, the summary route's counter files close when their container is deleted.
#include "ApiCalls.h"
#include "Await.h"
#include "Programs.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>
#include <algorithm>

using namespace lightd::test;

namespace {
const QJsonObject kRates{{QStringLiteral("memory_per_gb_hour"), 0.01},
                         {QStringLiteral("cpu_per_vcpu_hour"), 0.05},
                         {QStringLiteral("storage_per_gb_hour"), 0.005},
                         {QStringLiteral("egress_per_gb"), 0.12}};
constexpr double kBytesPerGb = 1024.0 * 1024 * 1024; // API.md: a GB is 2^30 bytes
// Runs one statement on the daemon's database (WAL: fine while it runs); the rows it returned.
QList<QVariantList> sql(const QString &dbPath, const QString &statement)
{
    QList<QVariantList> rows;
    const QString conn = QStringLiteral("bil-sql");
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), conn);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            if (!q.exec(statement))
                qWarning("%s: %s", qPrintable(statement), qPrintable(q.lastError().text()));
            while (q.next()) {
                QVariantList row;
                for (int i = 0; i < q.record().count(); ++i)
                    row.append(q.value(i));
                rows.append(row);
            }
        }
    }
    QSqlDatabase::removeDatabase(conn);
    return rows;
}

double num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toDouble();
}
} // namespace

class TestBillingUsage : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        env = std::make_unique<ApiCalls>(
            QStringLiteral("bil"),
            QJsonObject{{QStringLiteral("monitoring"), QJsonObject{{QStringLiteral("interval_ms"), 1000},
                                                                   {QStringLiteral("billing"), kRates}}}});
        QVERIFY(env->startDaemon());
    }
    void cleanupTestCase() { env.reset(); }

    void rates()
    {
        const auto r = env->get(QStringLiteral("/billing/rates"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), kRates);
    }

    void estimates()
    {
        auto r = env->post(QStringLiteral("/billing/estimate/container"),
                           {{QStringLiteral("memory_gb"), 2.0},
                            {QStringLiteral("cpu_vcpu"), 1.0},
                            {QStringLiteral("storage_gb"), 10.0},
                            {QStringLiteral("egress_gb_per_month"), 100.0}});
        QCOMPARE(r.status, 200);
        // 2 x 0.01 + 1 x 0.05 + 10 x 0.005 per hour, x 24 x 30; egress 100 x 0.12 a month
        QVERIFY(qFuzzyCompare(num(r.json(), "monthly"), 98.4));
        QVERIFY(qFuzzyCompare(num(r.json(), "monthly_cost"), 98.4));
        QVERIFY(qFuzzyCompare(num(r.json(), "daily"), 3.28));
        r = env->post(QStringLiteral("/billing/estimate/volume"), {{QStringLiteral("size_gb"), 50.0}});
        QCOMPARE(r.status, 200);
        QVERIFY(qFuzzyCompare(num(r.json(), "monthly_cost"), 180.0));
        r = env->post(QStringLiteral("/billing/estimate"), {{QStringLiteral("memory_gb"), -1.0}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.error().contains(QLatin1String("memory_gb")));
        r = env->post(QStringLiteral("/billing/estimate"),
                      {{QStringLiteral("cpu_vcpus"), QStringLiteral("x")}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.error().contains(QLatin1String("cpu_vcpus")));
        r = env->post(QStringLiteral("/billing/estimate"), {{QStringLiteral("memroy_gb"), 1.0}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.error().contains(QLatin1String("memroy_gb")));
    }

    void unknownContainer()
    {
        const auto r = env->get(QStringLiteral("/billing/usage/nope-bil/hourly"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), QStringLiteral("container_not_found"));
    }

    void runningContainerIsMetered()
    {
        QString volPath;
        const QString vol = env->createVolume(&volPath);
        QVERIFY(!vol.isEmpty());
        // 1 MiB in the volume, written through the API (the quota tracker counts it)
        QCOMPARE(env->post(QStringLiteral("/volumes/%1/files").arg(vol),
                           {{QStringLiteral("path"), QStringLiteral("blob.txt")},
                            {QStringLiteral("content"), QString(1 << 20, QLatin1Char('x'))}})
                     .status,
                 200);
        // The server burns 2 s of CPU, then on each "burst" line of its console sends 1000 UDP
        // datagrams of 1000 bytes to its gateway (the host's bridge; NET_RAW is dropped, so no ping)
        // and writes its own eth0 tx counter before and after into tx.txt.
        QCOMPARE(env->post(QStringLiteral("/volumes/%1/files").arg(vol),
                           {{QStringLiteral("path"), QStringLiteral("meter.sh")},
                            {QStringLiteral("content"), QStringLiteral(R"SH(echo Ready
timeout 2 yes > /dev/null
tx() { awk '/eth0:/ { sub(/.*:/, ""); print $9 }' /proc/net/dev; }
gw=$(ip route | awk '/^default/ { print $3 }')
x=$(head -c 1000 /dev/zero | tr '\0' x)
while read -r line; do
  [ "$line" = burst ] || continue
  before=$(tx)
  exec 3>/dev/udp/$gw/9
  for i in $(seq 1 1000); do printf %s "$x" >&3 2>/dev/null; done
  exec 3>&-
  echo "$before $(tx)" > tx.tmp && mv tx.tmp tx.txt
done
)SH")}}).status,
                 200);
        const QString id = env->id(QStringLiteral("meter"));
        QCOMPARE(env->post(QStringLiteral("/containers"),
                           {{QStringLiteral("internal_id"), id},
                            {QStringLiteral("image"), kImage},
                            {QStringLiteral("volume_id"), vol},
                            {QStringLiteral("startup_command"), QStringLiteral("bash meter.sh")}})
                     .status,
                 201);
        QVERIFY(env->waitState(id, QStringLiteral("ready"), 60000));
        QCOMPARE(env->post(QStringLiteral("/containers/%1/start").arg(id)).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));

        QJsonObject u;
        const bool metered = waitUntil(
            [&] {
                u = env->get(QStringLiteral("/billing/usage/%1/hourly").arg(id)).json();
                return num(u, "cpu_usage_vcpu") * 3600 > 0.2 && num(u, "duration_hours") * 3600 > 5;
            },
            40000);
        QVERIFY2(metered, QJsonDocument(u).toJson().constData());
        QCOMPARE(u.value(QStringLiteral("container_id")).toString(), id);
        QCOMPARE(u.value(QStringLiteral("period")).toString(), QStringLiteral("hourly"));
        QVERIFY(num(u, "memory_gb") > 0);
        QVERIFY(num(u, "memory_gb") < 1); // busybox: a few MB
        QVERIFY2(num(u, "cpu_usage_vcpu") * 3600 < 10, "at most the 2 s of yes plus a little");
        // storage: the 1 MiB file, averaged
        QVERIFY(num(u, "storage_gb") * 1024 * 1024 * 1024 >= (1 << 20));
        // Egress: the burst, counted from the container's net counters, once. Before it the server
        // sent next to nothing; after it, the metered tx grows by what the container itself saw
        // leave eth0 (plus at most a few ARP/neighbour packets), and no more on later ticks.
        const double idleEgress = num(u, "egress_gb") * kBytesPerGb;
        QVERIFY2(idleEgress < 64 * 1024, qPrintable(QString::number(idleEgress)));
        QCOMPARE(env->command(id, QStringLiteral("burst")).status, 202);
        QByteArray txLine;
        QVERIFY(waitUntil(
            [&] {
                QFile f(volPath + QStringLiteral("/tx.txt"));
                if (f.open(QIODevice::ReadOnly))
                    txLine = f.readAll().trimmed();
                return !txLine.isEmpty();
            },
            20000));
        const QList<QByteArray> txPair = txLine.split(' ');
        QCOMPARE(txPair.size(), 2);
        const double sent = double(txPair[1].toLongLong() - txPair[0].toLongLong());
        QVERIFY2(sent >= 1000.0 * 1000, txLine.constData()); // 1000 x (1000 + headers), a few refused
        double egress = 0;
        const bool counted = waitUntil(
            [&] {
                u = env->get(QStringLiteral("/billing/usage/%1/hourly").arg(id)).json();
                egress = num(u, "egress_gb") * kBytesPerGb - idleEgress;
                return egress >= sent;
            },
            15000);
        QVERIFY2(counted, qPrintable(QStringLiteral("metered %1 of %2 bytes").arg(egress).arg(sent)));
        const double afterBurst = num(u, "duration_hours");
        QVERIFY(waitUntil(
            [&] {
                u = env->get(QStringLiteral("/billing/usage/%1/hourly").arg(id)).json();
                return num(u, "duration_hours") > afterBurst + 2.0 / 3600;
            },
            15000));
        egress = num(u, "egress_gb") * kBytesPerGb - idleEgress;
        qInfo("egress metered %.0f bytes, the container's eth0 sent %.0f", egress, sent);
        QVERIFY2(egress <= sent + 8192,
                 qPrintable(QStringLiteral("metered %1, sent %2").arg(egress).arg(sent)));
        // integrals x rates, and the totals
        QVERIFY(qFuzzyCompare(num(u, "memory_cost"), num(u, "memory_usage_gb") * 0.01));
        QVERIFY(qFuzzyCompare(num(u, "cpu_cost"), num(u, "cpu_usage_vcpu") * 0.05));
        QVERIFY(qFuzzyCompare(num(u, "storage_cost"), num(u, "storage_usage_gb") * 0.005));
        QVERIFY(qFuzzyCompare(num(u, "egress_cost"), num(u, "network_egress_gb") * 0.12));
        QVERIFY(qFuzzyCompare(num(u, "total_cost"), num(u, "memory_cost") + num(u, "cpu_cost") +
                                                        num(u, "storage_cost") + num(u, "egress_cost")));
        QCOMPARE(num(u, "estimated_cost"), num(u, "total_cost"));
        QVERIFY(qFuzzyCompare(num(u, "memory_gb") * num(u, "duration_hours"), num(u, "memory_usage_gb")));
        const auto list = env->get(QStringLiteral("/billing/containers")).json();
        QVERIFY(list.value(QStringLiteral("containers")).toArray().contains(id));

        // One row per container per interval: about one a second, never two in the same tick.
        {
            const QString conn = QStringLiteral("bil-check");
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), conn);
            db.setDatabaseName(env->daemon->dataDir() + QStringLiteral("/data/lightd.db"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), MIN(at_ms), MAX(at_ms) FROM usage_samples WHERE "
                                          "container = '%1'")
                               .arg(id)));
            QVERIFY(q.next());
            const double rows = q.value(0).toDouble();
            const double spanS = (q.value(2).toDouble() - q.value(1).toDouble()) / 1000.0;
            QVERIFY2(rows >= spanS * 0.8 && rows <= spanS + 2,
                     qPrintable(QStringLiteral("%1 rows over %2 s").arg(rows).arg(spanS)));
            q = QSqlQuery();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(conn);
        }

        // The counter files are held open only while it runs: a stop closes them (a held cgroup
        // file would keep a dead run's cgroup and network namespace alive).
        const QString dockerId = env->get(QStringLiteral("/containers/%1").arg(id))
                                     .json()
                                     .value(QStringLiteral("container_id"))
                                     .toString();
        QVERIFY(!dockerId.isEmpty());
        QVERIFY2(heldFiles(dockerId) >= 2, qPrintable(dockerId + u' ' + fdTargets().join(u' ')));
        // The GUI's summary route reads through the meter's counter source: the same held files,
        // none opened beside them.
        const int held = heldFiles(dockerId);
        for (int i = 0; i < 2; ++i) {
            const QJsonArray all = env->get(QStringLiteral("/system/containers"))
                                       .json()
                                       .value(QStringLiteral("containers"))
                                       .toArray();
            QJsonObject mine;
            for (const auto &c : all)
                if (c.toObject().value(QStringLiteral("internal_id")).toString() == id)
                    mine = c.toObject();
            QVERIFY2(mine.value(QStringLiteral("memory_bytes")).toDouble() > 0,
                     QJsonDocument(mine).toJson(QJsonDocument::Compact).constData());
            QCOMPARE(heldFiles(dockerId), held);
        }
        const QByteArray metrics = env->get(QStringLiteral("/metrics")).body;
        QVERIFY2(metrics.contains("lightd_metering_sources{kind=\"cgroup\"} 1\n") &&
                     metrics.contains("lightd_metering_sources{kind=\"stats\"} 0\n"),
                 metrics.constData());
        QCOMPARE(env->post(QStringLiteral("/containers/%1/stop").arg(id)).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready"), 30000));
        QVERIFY2(waitUntil([&] { return heldFiles(dockerId) == 0; }, 5000),
                 qPrintable(QString::number(heldFiles(dockerId))));
        QCOMPARE(env->post(QStringLiteral("/containers/%1/start").arg(id)).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));

        // The samples survive a restart, and metering goes on from them. Retention: samples older
        // than monitoring.retention_days (35) are pruned, younger ones kept (rows of a past container
        // written while the daemon is down, 36 and 34 days old).
        const double before = num(u, "duration_hours");
        const QString dbPath = env->daemon->dataDir() + QStringLiteral("/data/lightd.db");
        QVERIFY(env->daemon->stop());
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        for (int days : {36, 34})
            sql(dbPath,
                QStringLiteral("INSERT INTO usage_samples VALUES ('bil-gone', %1, 60000, 1048576, 0, 0, "
                               "0, 0, 0, 1)")
                    .arg(nowMs - qint64(days) * 86400 * 1000));
        QCOMPARE(
            sql(dbPath, QStringLiteral("SELECT COUNT(*) FROM usage_samples WHERE container = 'bil-gone'"))
                .value(0)
                .value(0)
                .toInt(),
            2);
        QVERIFY(env->startDaemon());
        QVERIFY(waitUntil(
            [&] {
                u = env->get(QStringLiteral("/billing/usage/%1/daily").arg(id)).json();
                return num(u, "duration_hours") > before + 2.0 / 3600;
            },
            20000));
        QVERIFY(num(u, "cpu_usage_vcpu") * 3600 < 12); // nothing counted twice across the restart
        const auto kept =
            sql(dbPath, QStringLiteral("SELECT at_ms FROM usage_samples WHERE container = 'bil-gone'"));
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.value(0).value(0).toLongLong(), nowMs - qint64(34) * 86400 * 1000);
        QCOMPARE(env->call("DELETE", QStringLiteral("/containers/%1").arg(id)).status, 200);
    }

    // With monitoring off there is no meter, and the summary route's reads still hold the counter
    // files open: a deleted container's files close all the same (the counter source follows the
    // containers itself), not at the daemon's restart.
    void summaryWithoutMeterClosesFiles()
    {
        ApiCalls off(QStringLiteral("bilnm"), QJsonObject{{QStringLiteral("monitoring"),
                                                           QJsonObject{{QStringLiteral("enabled"), false}}}});
        QVERIFY(off.startDaemon());
        const qint64 pid = off.daemon->process().processId();
        const QString vol = off.createVolume();
        QVERIFY(!vol.isEmpty());
        const QString id = off.id(QStringLiteral("summary"));
        QCOMPARE(off.post(QStringLiteral("/containers"),
                          {{QStringLiteral("internal_id"), id},
                           {QStringLiteral("image"), kImage},
                           {QStringLiteral("volume_id"), vol},
                           {QStringLiteral("startup_command"), QStringLiteral("sleep 3600")}})
                     .status,
                 201);
        QVERIFY(off.waitState(id, QStringLiteral("ready"), 60000));
        QCOMPARE(off.post(QStringLiteral("/containers/%1/start").arg(id)).status, 202);
        QVERIFY(off.waitState(id, QStringLiteral("running")));
        const qint64 containerPid = dockerInspect(ApiCalls::dockerName(id))
                                        .value(QStringLiteral("State"))
                                        .toObject()
                                        .value(QStringLiteral("Pid"))
                                        .toInteger();
        QVERIFY(containerPid > 0);
        const auto held = [&] { return counterFiles(pid, containerPid); };
        const int before = held();
        QJsonObject mine;
        QVERIFY(waitUntil(
            [&] {
                const QJsonArray all = off.get(QStringLiteral("/system/containers"))
                                           .json()
                                           .value(QStringLiteral("containers"))
                                           .toArray();
                for (const auto &c : all)
                    if (c.toObject().value(QStringLiteral("internal_id")).toString() == id)
                        mine = c.toObject();
                return mine.value(QStringLiteral("memory_bytes")).toDouble() > 0;
            },
            10000));
        QVERIFY2(held() >= before + 2, qPrintable(fdTargets(pid).join(u' ')));
        QCOMPARE(off.call("DELETE", QStringLiteral("/containers/%1").arg(id)).status, 200);
        QVERIFY2(waitUntil([&] { return held() == before; }, 30000), qPrintable(fdTargets(pid).join(u' ')));
    }

  private:
    static QStringList fdTargets(qint64 pid)
    {
        QStringList out;
        for (const QFileInfo &fd : QDir(QStringLiteral("/proc/%1/fd").arg(pid))
                                       .entryInfoList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot))
            out << fd.symLinkTarget();
        return out;
    }
    QStringList fdTargets() const { return fdTargets(env->daemon->process().processId()); }

    // How many of the daemon's descriptors are files of this container's cgroup.
    int heldFiles(const QString &dockerId) const
    {
        const auto targets = fdTargets();
        return int(std::count_if(targets.begin(), targets.end(),
                                 [&](const QString &t) { return t.contains(dockerId); }));
    }

    // How many of a daemon's descriptors are counter files: files in /sys/fs/cgroup, and files of
    // the container's process (its /proc/<pid>/net/dev).
    static int counterFiles(qint64 pid, qint64 containerPid)
    {
        const QString proc = QStringLiteral("/proc/%1/").arg(containerPid);
        const auto targets = fdTargets(pid);
        return int(std::count_if(targets.begin(), targets.end(), [&](const QString &t) {
            return t.startsWith(QLatin1String("/sys/fs/cgroup/")) || t.startsWith(proc);
        }));
    }

    std::unique_ptr<ApiCalls> env;
};

QTEST_GUILESS_MAIN(TestBillingUsage)
#include "tst_billing_usage.moc"
