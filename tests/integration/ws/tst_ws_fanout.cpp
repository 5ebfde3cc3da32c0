// Fan-out of one container's console to many viewers (API.md section 6): one Docker attach and one
// stats stream whatever the number of viewers, every line to every viewer in order (Qt and node
// clients), a late joiner gets state, history, live without gap or duplicate, and a viewer that
// stops reading neither delays the others nor holds the daemon: it is told of its losses, or closed
// with 1008 once stalled past the bound.
#include "WsTestUtil.h"

#include <QRegularExpression>
#include <QSet>
#include <QtTest>
#include <algorithm>

using namespace lightd::test;
using namespace lightd::test::ws;

namespace {
// The daemon's unix-socket connections to the Docker engine, counted on the engine's side:
// `ss -xp` lists the daemon's sockets with their inodes; the engine's ends (local address
// .../docker.sock) name the peer inode.
int dockerConnections(qint64 pid)
{
    QByteArray out;
    if (run(QStringLiteral("ss"), {QStringLiteral("-xpn")}, &out, 10000) != 0)
        return -1;
    const QString text = QString::fromUtf8(out);
    const QString mark = QStringLiteral("pid=%1,").arg(pid);
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    QSet<QString> ours;
    QList<QStringList> engineSide;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QStringList f = line.split(ws, Qt::SkipEmptyParts);
        if (f.size() < 8)
            continue;
        // Netid State Recv-Q Send-Q Local Inode Peer PeerInode [Process]
        if (line.contains(mark))
            ours.insert(f[5]);
        if (f[4].endsWith(QLatin1StringView("docker.sock")))
            engineSide.append(f);
    }
    int n = 0;
    for (const auto &f : engineSide)
        n += ours.contains(f[7]) ? 1 : 0;
    return n;
}

qint64 percentile(QList<qint64> v, double p)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[qsizetype(double(v.size() - 1) * p)];
}
} // namespace

class TestWsFanout : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        // No throttle here (bursts are fast); the default send queue (4096 frames); 50 viewers of one
        // container, past the default cap of 30.
        env = std::make_unique<Env>(
            QStringLiteral("fan"),
            QJsonObject{
                {QStringLiteral("console"), QJsonObject{{QStringLiteral("throttle_lines"), 10000000}}},
                {QStringLiteral("websocket"),
                 QJsonObject{{QStringLiteral("max_viewers_per_container"), 100}}}});
        QVERIFY(env->started);
        volume = env->createVolume();
        QVERIFY(!volume.isEmpty());
        id = env->id(QStringLiteral("fan"));
        QVERIFY(env->createRunning(id, volume));
        // the attach opens with the container; the stats stream only with a viewer (issue 17)
        QVERIFY(waitUntil([&] { return env->streams("attach") == 1; }, 15000));
        QCOMPARE(env->streams("stats"), 0);
    }
    void cleanupTestCase() { env.reset(); }

    void fiftyViewersOneStream()
    {
        // one viewer first: the Docker connections the daemon holds with one viewer
        const qint64 pid = env->daemon->process().processId();
        auto first = std::make_unique<QtViewer>(env->baseUrl(), id, env->token());
        QVERIFY(first->waitConnected());
        QVERIFY(waitUntil([&] { return env->streams("stats") == 1; }, 10000));
        const int engineConnsOne = dockerConnections(pid);

        std::vector<std::unique_ptr<QtViewer>> qt;
        qt.push_back(std::move(first));
        for (int i = 1; i < 40; ++i)
            qt.push_back(std::make_unique<QtViewer>(env->baseUrl(), id, env->token()));
        NodeClient node(QStringLiteral("wsclient.mjs"),
                        {QStringLiteral("viewers"),
                         lightd::ConsoleSocket::consoleUrl(QUrl(env->baseUrl()), id, env->token()).toString(),
                         QStringLiteral("10"), QStringLiteral("b1"), QStringLiteral("2000")});
        for (auto &v : qt)
            QVERIFY(v->waitConnected());
        QVERIFY2(node.waitType(QStringLiteral("allopen")), node.stderrText.constData());
        QVERIFY(waitUntil([&] { return env->viewers() == 50; }, 10000));

        // first frames: state, then history
        for (auto &v : qt) {
            QVERIFY(v->frames.size() >= 2);
            QCOMPARE(v->frames[0].event, QStringLiteral("event"));
            QCOMPARE(v->frames[0].text, QStringLiteral("running"));
            QCOMPARE(v->frames[1].event, QStringLiteral("logs"));
            QVERIFY(v->frames[1].lines.contains(QStringLiteral("Server ready")));
        }

        // 50 viewers, still one attach and one stats stream (and the engine agrees)
        const QJsonObject m = env->metrics();
        QCOMPARE(m.value(QStringLiteral("websocket_viewers")).toInt(), 50);
        QCOMPARE(m.value(QStringLiteral("docker_streams")).toObject().value(QStringLiteral("attach")).toInt(),
                 1);
        QCOMPARE(m.value(QStringLiteral("docker_streams")).toObject().value(QStringLiteral("stats")).toInt(),
                 1);
        const int engineConnsFifty = dockerConnections(pid);
        qInfo("daemon <-> docker.sock connections: %d with 1 viewer, %d with 50", engineConnsOne,
              engineConnsFifty);
        if (engineConnsOne >= 0) {
            QVERIFY(engineConnsOne >= 2); // attach + stats at least
            QCOMPARE(engineConnsFifty, engineConnsOne);
        }

        // every viewer gets every line, in order
        QElapsedTimer t;
        t.start();
        QCOMPARE(env->command(id, QStringLiteral("burst 2000 b1")).status, 202);
        QVERIFY(waitUntil(
            [&] {
                return std::all_of(qt.begin(), qt.end(),
                                   [](const auto &v) { return v->sawConsole(QStringLiteral("b1:end")); }) &&
                       node.ofType(QStringLiteral("result")).size() == 10;
            },
            60000));
        qInfo("2000 lines to 50 viewers in %lld ms", t.elapsed());
        for (auto &v : qt) {
            const QString defect = checkSequence(numbers(v->console(), QStringLiteral("b1")), 1, 2000);
            QVERIFY2(defect.isEmpty(), qPrintable(defect));
            QVERIFY(v->texts(QStringLiteral("daemon_message")).filter(QStringLiteral("dropped")).isEmpty());
        }
        for (const auto &r : node.ofType(QStringLiteral("result"))) {
            QVERIFY2(r.value(QStringLiteral("complete")).toBool(),
                     QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
            QCOMPARE(r.value(QStringLiteral("first")).toString(), QStringLiteral("event"));
            QCOMPARE(r.value(QStringLiteral("second")).toString(), QStringLiteral("logs"));
        }
        QCOMPARE(env->streams("attach"), 1);
        QCOMPARE(env->streams("stats"), 1);

        qt.clear();
        QVERIFY(node.waitFinished());
        QVERIFY(waitUntil([&] { return env->viewers() == 0; }, 10000));
        QCOMPARE(env->streams("attach"), 1); // the stream belongs to the container, not the viewers
        // the stats stream is the viewers': closed after websocket.stats_linger_ms (10 s)
        QVERIFY(waitUntil([&] { return env->streams("stats") == 0; }, 20000));
    }

    void lateJoinerNoGapNoDuplicate()
    {
        const QString tag = QStringLiteral("st");
        QCOMPARE(env->command(id, QStringLiteral("stream 0.002 st 4")).status, 202);
        QVERIFY(waitUntil([&] { return numbers(env->logs(id, 200), tag).size() >= 150; }, 20000));
        for (int round = 0; round < 6; ++round) {
            QtViewer v(env->baseUrl(), id, env->token());
            QVERIFY(v.waitConnected());
            QVERIFY(waitUntil([&] { return numbers(v.console(), tag).size() >= 150; }, 20000));
            QVERIFY(v.frames.size() >= 3);
            QCOMPARE(v.frames[0].event, QStringLiteral("event"));
            QCOMPARE(v.frames[0].text, QStringLiteral("running"));
            QCOMPARE(v.frames[1].event, QStringLiteral("logs"));
            QCOMPARE(v.frames[1].lines.size(), 100); // websocket.history_lines
            const QList<qint64> history = numbers(v.frames[1].lines, tag);
            QVERIFY(!history.isEmpty());
            QString defect = checkSequence(history, history.first(), history.last());
            QVERIFY2(defect.isEmpty(), qPrintable(QStringLiteral("history: ") + defect));
            const QList<qint64> live = numbers(v.console(), tag);
            QVERIFY2(live.first() == history.last() + 1,
                     qPrintable(QStringLiteral("history ends at %1, live starts at %2")
                                    .arg(history.last())
                                    .arg(live.first())));
            defect = checkSequence(live, live.first(), live.last());
            QVERIFY2(defect.isEmpty(), qPrintable(QStringLiteral("live: ") + defect));
        }
        QCOMPARE(env->command(id, QStringLiteral("halt")).status, 202);
        QVERIFY(env->waitLog(id, QStringLiteral("halted")));
    }

    void stalledViewerDoesNotDelayOthers()
    {
        const QString path = QStringLiteral("/ws/%1?token=%2").arg(id, env->token());
        const QString port = QString::number(env->daemon->port());
        std::vector<std::unique_ptr<QtViewer>> fast;
        for (int i = 0; i < 2; ++i)
            fast.push_back(std::make_unique<QtViewer>(env->baseUrl(), id, env->token()));
        for (auto &v : fast)
            QVERIFY(v->waitConnected());
        // paused for 10 s then reads on: told how many lines it lost
        NodeClient slow(QStringLiteral("stall.mjs"), {QStringLiteral("127.0.0.1"), port, path,
                                                      QStringLiteral("sv"), QStringLiteral("10000")});
        // paused until told: stalled past the bound, closed with 1008
        NodeClient stuck(QStringLiteral("stall.mjs"), {QStringLiteral("127.0.0.1"), port, path,
                                                       QStringLiteral("none"), QStringLiteral("-1")});
        QVERIFY(waitUntil([&] { return env->viewers() == 4; }, 10000));

        // a first line so both stall clients pause, then 20 MB for everyone at a pace a reading viewer keeps
        // up with
        QCOMPARE(env->command(id, QStringLiteral("hello")).status, 202);
        QVERIFY(slow.waitType(QStringLiteral("paused")) && stuck.waitType(QStringLiteral("paused")));
        QElapsedTimer t;
        t.start();
        QCOMPARE(env->command(id, QStringLiteral("burst 20000 sv 1000 20")).status, 202);
        QVERIFY(waitUntil(
            [&] {
                return std::all_of(fast.begin(), fast.end(),
                                   [](const auto &v) { return v->sawConsole(QStringLiteral("sv:end")); });
            },
            60000));
        const qint64 fastDone = t.elapsed();
        // the fast viewers were done while the slow one was still paused: it did not hold them up
        QVERIFY2(slow.ofType(QStringLiteral("resumed")).isEmpty(),
                 qPrintable(QStringLiteral("fast viewers took %1 ms").arg(fastDone)));
        for (auto &v : fast) {
            const QString defect = checkSequence(numbers(v->console(), QStringLiteral("sv")), 1, 20000);
            QVERIFY2(defect.isEmpty(),
                     qPrintable(defect + QLatin1Char(' ') +
                                v->texts(QStringLiteral("daemon_message")).join(QLatin1Char('|'))));
            QList<qint64> lat;
            for (const auto &f : v->of(QStringLiteral("console"))) {
                if (const auto p = parseNumbered(f.text, QStringLiteral("sv")); p.n > 0)
                    lat.append((f.receivedUs - p.us) / 1000);
            }
            qInfo("fast viewer: 20000 lines of 1 KB in %lld ms, latency p50 %lld ms p99 %lld ms", fastDone,
                  percentile(lat, 0.5), percentile(lat, 0.99));
        }

        // the slow viewer resumes: it lost lines, was told exactly how many, got the end
        QVERIFY(slow.waitType(QStringLiteral("result"), 1, 60000));
        const QJsonObject r = slow.ofType(QStringLiteral("result")).first();
        const int got = r.value(QStringLiteral("lines")).toInt(),
                  told = r.value(QStringLiteral("droppedTold")).toInt();
        qInfo("slow viewer: %d lines delivered, told of %d dropped", got, told);
        QVERIFY2(got < 20000 && told > 0, QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(got + told, 20000);
        QCOMPARE(r.value(QStringLiteral("closeCode")).toInt(), -1);

        // the stuck viewer: closed by the daemon past the stall bound (30 s)
        QVERIFY(waitUntil([&] { return env->viewers() == 2; }, 60000));
        stuck.write("resume");
        QVERIFY(stuck.waitType(QStringLiteral("result"), 1, 30000));
        QCOMPARE(stuck.ofType(QStringLiteral("result")).first().value(QStringLiteral("closeCode")).toInt(),
                 1008);

        // and the others still get everything
        QCOMPARE(env->command(id, QStringLiteral("burst 100 after")).status, 202);
        QVERIFY(waitUntil(
            [&] {
                return std::all_of(fast.begin(), fast.end(),
                                   [](const auto &v) { return v->sawConsole(QStringLiteral("after:end")); });
            },
            20000));
        for (auto &v : fast)
            QVERIFY(checkSequence(numbers(v->console(), QStringLiteral("after")), 1, 100).isEmpty());
        QCOMPARE(env->streams("attach"), 1);
    }

  private:
    std::unique_ptr<Env> env;
    QString volume;
    QString id;
};

QTEST_MAIN(TestWsFanout)
#include "tst_ws_fanout.moc"
