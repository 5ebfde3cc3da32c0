// Reading a container's counters straight from cgroup v1 / v2 files and /proc/<pid>/net/dev, laid
// out in a temporary tree the way the kernel shows them.
#include "billing/CgroupReader.h"
#include "billing/CounterSource.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace lightd::billing;

namespace {
void put(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

const QByteArray kNetDev =
    "Inter-|   Receive                                                |  Transmit\n"
    " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets "
    "errs drop fifo colls carrier compressed\n"
    "    lo:  999999       3    0    0    0     0          0         0   999999       3    0 "
    "   0    0     0       0          0\n"
    "  eth0:     310       3    0    0    0     0          0         0     1000      10    0 "
    "   0    0     0       0          0\n"
    "  eth1: 5 1 0 0 0 0 0 0 234 2 0 0 0 0 0 0\n";
} // namespace

class TstBillingCgroup : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void netDevSkipsLoopback() { QCOMPARE(parseNetDevTx(kNetDev), 1234); }

    void statValue()
    {
        const QByteArray stat = "cache 10\ninactive_file_x 5\ntotal_inactive_file 4096\ninactive_file 77\n";
        QCOMPARE(parseStatValue(stat, "total_inactive_file"), 4096);
        QCOMPARE(parseStatValue(stat, "inactive_file"), 77);
        QVERIFY(!parseStatValue(stat, "usage_usec"));
    }

    void cgroupV1()
    {
        QTemporaryDir dir;
        const QString proc = dir.path() + QStringLiteral("/proc"),
                      cg = dir.path() + QStringLiteral("/cgroup");
        put(proc + QStringLiteral("/42/cgroup"),
            "5:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n0::/docker/abc\n");
        put(proc + QStringLiteral("/42/net/dev"), kNetDev);
        put(cg + QStringLiteral("/memory/docker/abc/memory.usage_in_bytes"), "10000\n");
        put(cg + QStringLiteral("/memory/docker/abc/memory.stat"), "cache 1\ntotal_inactive_file 4000\n");
        put(cg + QStringLiteral("/cpu,cpuacct/docker/abc/cpuacct.usage"), "123456789\n");
        const auto files = resolveCgroup(42, proc, cg);
        QVERIFY(files);
        QVERIFY(!files->v2);
        const auto c = readCounters(*files);
        QVERIFY(c);
        QCOMPARE(c->memoryBytes, 6000);
        QCOMPARE(c->cpuTotalNs, 123456789);
        QCOMPARE(c->txTotal, 1234);
    }

    // The files held open are read afresh each time (pread from 0), a file larger than the first
    // buffer is read whole, and a file that went away reads as gone.
    void heldOpenFilesReadAfresh()
    {
        QTemporaryDir dir;
        const QString proc = dir.path() + QStringLiteral("/proc"),
                      cg = dir.path() + QStringLiteral("/cgroup");
        put(proc + QStringLiteral("/42/cgroup"), "5:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n");
        put(proc + QStringLiteral("/42/net/dev"), kNetDev);
        const QString usage = cg + QStringLiteral("/memory/docker/abc/memory.usage_in_bytes");
        put(usage, "10000\n");
        put(cg + QStringLiteral("/memory/docker/abc/memory.stat"), "cache 1\ntotal_inactive_file 4000\n");
        put(cg + QStringLiteral("/cpu,cpuacct/docker/abc/cpuacct.usage"), "123456789\n");
        const auto paths = resolveCgroup(42, proc, cg);
        QVERIFY(paths);
        CounterFiles files(*paths);
        QCOMPARE(files.openDescriptors(), 4);
        QCOMPARE(files.read()->memoryBytes, 6000);
        put(usage, "900000\n"); // same inode, new content
        QByteArray bigNetDev = kNetDev;
        for (int i = 0; i < 100; ++i) // ~9 KB: more than the first buffer
            bigNetDev += "  veth" + QByteArray::number(i) + ": 5 1 0 0 0 0 0 0 10 2 0 0 0 0 0 0\n";
        put(proc + QStringLiteral("/42/net/dev"), bigNetDev);
        const auto c = files.read();
        QVERIFY(c);
        QCOMPARE(c->memoryBytes, 896000);
        QCOMPARE(c->cpuTotalNs, 123456789);
        QCOMPARE(c->txTotal, 1234 + 100 * 10);
        QVERIFY(readCounters(*paths));
        QCOMPARE(readCounters(*paths)->txTotal, c->txTotal);
    }

    void cgroupV2()
    {
        QTemporaryDir dir;
        const QString proc = dir.path() + QStringLiteral("/proc"),
                      cg = dir.path() + QStringLiteral("/cgroup");
        put(proc + QStringLiteral("/7/cgroup"), "0::/system.slice/docker-abc.scope\n");
        put(proc + QStringLiteral("/7/net/dev"), kNetDev);
        put(cg + QStringLiteral("/system.slice/docker-abc.scope/memory.current"), "8192\n");
        put(cg + QStringLiteral("/system.slice/docker-abc.scope/memory.stat"), "anon 1\ninactive_file 192\n");
        put(cg + QStringLiteral("/system.slice/docker-abc.scope/cpu.stat"),
            "usage_usec 2500\nuser_usec 2000\n");
        const auto files = resolveCgroup(7, proc, cg);
        QVERIFY(files);
        QVERIFY(files->v2);
        const auto c = readCounters(*files);
        QVERIFY(c);
        QCOMPARE(c->memoryBytes, 8000);
        QCOMPARE(c->cpuTotalNs, 2500000);
        QCOMPARE(c->txTotal, 1234);
    }

    void processGone()
    {
        QTemporaryDir dir;
        QVERIFY(!resolveCgroup(99, dir.path(), dir.path()));
    }

    void engineStatsFallback()
    {
        const auto o = QJsonDocument::fromJson(R"({"cpu_stats":{"cpu_usage":{"total_usage":5000}},
            "precpu_stats":{},
            "memory_stats":{"usage":9000,"stats":{"inactive_file":1000}},
            "networks":{"eth0":{"tx_bytes":70},"eth1":{"tx_bytes":30}}})")
                           .object();
        const auto c = CounterSource::fromEngineStats(o);
        QVERIFY(c);
        QCOMPARE(c->cpuTotalNs, 5000);
        QCOMPARE(c->memoryBytes, 8000);
        QCOMPARE(c->txTotal, 100);
        QVERIFY(!CounterSource::fromEngineStats(QJsonObject()));
    }
};

QTEST_GUILESS_MAIN(TstBillingCgroup)
#include "tst_billing_cgroup.moc"
