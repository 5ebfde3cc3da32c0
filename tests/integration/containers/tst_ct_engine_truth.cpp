// The engine's word is the truth (issue 17): a start or stop whose answer never came ends in what
// the engine did (a relay throws the engine's answer away; the engine still does the work), what
// is done behind lightd's back (docker stop/start/kill/pause/unpause) is reflected in the state
// and in a viewer's frames within seconds, and a container's stats stream is open only while it
// has a viewer (plus websocket.stats_linger_ms).
#include "ContainerTestUtil.h"
#include "SocketRelay.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ct;

class TestEngineTruth : public QObject
{
    Q_OBJECT
    // `lightd_docker_streams{kind="stats"}` from /metrics, or -1.
    int statsStreams()
    {
        const QByteArray series = "lightd_docker_streams{kind=\"stats\"} ";
        for (const auto &line : env->get(QStringLiteral("/metrics")).body.split('\n')) {
            if (line.startsWith(series))
                return line.mid(series.size()).toInt();
        }
        return -1;
    }
    // Runs `docker <args>` on the container and times how long lightd takes to report `want`.
    qint64 behindTheBack(const QStringList &args, const QString &want)
    {
        int code = -1;
        docker(args + QStringList{Env::dockerName(id)}, &code);
        if (code != 0)
            return -1;
        QElapsedTimer t;
        t.start();
        if (env->waitState(id, want, 10000))
            return t.elapsed();
        QByteArrayList lines; // the daemon's story without the polling requests
        for (const auto &l : env->daemon->log().split('\n')) {
            if (!l.contains("lightd.api"))
                lines.append(l);
        }
        qWarning("after docker %s: not %s; daemon log:\n%s", qPrintable(args.join(QLatin1Char(' '))),
                 qPrintable(want),
                 lines.mid(std::max<qsizetype>(0, lines.size() - 25)).join('\n').constData());
        return -1;
    }

  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        QVERIFY(dir.isValid());
        relay = std::make_unique<SocketRelay>(dir.filePath(QStringLiteral("docker.sock")),
                                              QStringLiteral("/var/run/docker.sock"));
        QVERIFY(relay->start());
        env = std::make_unique<Env>(
            QStringLiteral("truth"),
            QJsonObject{
                {QStringLiteral("docker"), QJsonObject{{QStringLiteral("socket_path"), relay->path()},
                                                       {QStringLiteral("timeout_s"), 4}}},
                {QStringLiteral("containers"), QJsonObject{{QStringLiteral("stop_timeout_s"), 1}}},
                {QStringLiteral("websocket"), QJsonObject{{QStringLiteral("stats_linger_ms"), 300}}}});
        QVERIFY(env->started);
        const QString volume = env->createVolume();
        QVERIFY(!volume.isEmpty());
        id = env->id(QStringLiteral("one"));
        QVERIFY(env->createReady(id, volume, echoLoop()));
    }
    void cleanupTestCase()
    {
        env.reset();
        relay.reset();
    }

    void aStartWhoseAnswerNeverCameEndsRunning()
    {
        Viewer viewer(env->wsUrl(id));
        QVERIFY(viewer.waitConnected());
        relay->swallowReplies("/start");
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY2(env->waitState(id, QStringLiteral("running"), 30000),
                 qPrintable(env->get(QStringLiteral("/containers/") + id).dump()));
        relay->swallowReplies({});
        QCOMPARE(env->record(id).value(QStringLiteral("error")).toString(), QString());
        QCOMPARE(dockerStatus(Env::dockerName(id)), QStringLiteral("running"));
        QVERIFY(waitUntil(
            [&] { return viewer.data(QStringLiteral("event")).contains(QStringLiteral("running")); }, 5000));
        QVERIFY(viewer.data(QStringLiteral("daemon_message"))
                    .join(QLatin1Char('\n'))
                    .contains(QStringLiteral("No answer to the start")));
    }

    void aStopWhoseAnswerNeverCameEndsReady()
    {
        QCOMPARE(env->record(id).value(QStringLiteral("install_state")).toString(),
                 QStringLiteral("running"));
        relay->swallowReplies("/stop");
        QCOMPARE(env->power(id, QStringLiteral("stop")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready"), 30000));
        relay->swallowReplies({});
        QCOMPARE(env->record(id).value(QStringLiteral("error")).toString(), QString()); // never `failed`
        QCOMPARE(dockerStatus(Env::dockerName(id)), QStringLiteral("exited"));
    }

    void whatIsDoneBehindLightdsBackIsReflected()
    {
        Viewer viewer(env->wsUrl(id));
        QVERIFY(viewer.waitConnected());
        const qint64 started = behindTheBack({QStringLiteral("start")}, QStringLiteral("running"));
        QVERIFY(started >= 0);
        const qint64 paused = behindTheBack({QStringLiteral("pause")}, QStringLiteral("suspended"));
        QVERIFY(paused >= 0);
        const qint64 unpaused = behindTheBack({QStringLiteral("unpause")}, QStringLiteral("running"));
        QVERIFY(unpaused >= 0);
        const qint64 stopped = behindTheBack(
            {QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1")}, QStringLiteral("ready"));
        QVERIFY(stopped >= 0);
        QVERIFY(behindTheBack({QStringLiteral("start")}, QStringLiteral("running")) >= 0);
        const qint64 killed = behindTheBack({QStringLiteral("kill")}, QStringLiteral("ready"));
        QVERIFY(killed >= 0);
        qInfo("reflected after: docker start %lld ms, pause %lld ms, unpause %lld ms, stop %lld ms, kill "
              "%lld ms",
              started, paused, unpaused, stopped, killed);
        // viewers saw every state, and a stop done outside is not a crash: no automatic restart
        QVERIFY(waitUntil(
            [&] {
                const QStringList states = viewer.data(QStringLiteral("event"));
                return states.contains(QStringLiteral("suspended")) &&
                       states.count(QStringLiteral("ready")) >= 2;
            },
            5000));
        const QString messages = viewer.data(QStringLiteral("daemon_message")).join(QLatin1Char('\n'));
        QCOMPARE(messages.count(QStringLiteral("Server stopped outside lightd")), 2);
        QVERIFY2(!messages.contains(QStringLiteral("Restarting the server")), qPrintable(messages));
        QCOMPARE(env->record(id).value(QStringLiteral("install_state")).toString(), QStringLiteral("ready"));
    }

    void aStatsStreamOnlyWhileSomeoneLooks()
    {
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QVERIFY(waitUntil([&] { return statsStreams() == 0; }, 5000)); // running, nobody looking
        {
            Viewer viewer(env->wsUrl(id));
            QVERIFY(viewer.waitConnected());
            QVERIFY(waitUntil([&] { return statsStreams() == 1; }, 5000));
            const auto statsFrames = [&] {
                return std::count_if(viewer.frames.cbegin(), viewer.frames.cend(), [](const QJsonObject &f) {
                    return f.value(QStringLiteral("event")).toString() == QLatin1StringView("stats");
                });
            };
            QVERIFY(waitUntil([&] { return statsFrames() >= 2; }, 10000)); // samples flow while viewed
        }
        // the last viewer left: closed after the 300 ms linger
        QVERIFY(waitUntil([&] { return statsStreams() == 0; }, 5000));
        QCOMPARE(env->record(id).value(QStringLiteral("install_state")).toString(),
                 QStringLiteral("running"));
    }

  private:
    QTemporaryDir dir;
    std::unique_ptr<SocketRelay> relay;
    std::unique_ptr<Env> env;
    QString id;
};

QTEST_GUILESS_MAIN(TestEngineTruth)
#include "tst_ct_engine_truth.moc"
