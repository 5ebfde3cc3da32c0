// The engine goes away under a running daemon and comes back: the daemon reaches the real engine
// through a relay socket the test takes down and brings back. While it is down, Docker-backed
// calls answer 503 docker_unavailable and the rest keeps working; once it is back (without a
// daemon restart) running containers are still running and their consoles attached again, a
// container that stopped meanwhile is `ready`, and power actions work. Viewers are told both.
#include "ContainerTestUtil.h"
#include "SocketRelay.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ct;

class TestEngineReturn : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        QVERIFY(dir.isValid());
        relay = std::make_unique<SocketRelay>(dir.filePath(QStringLiteral("docker.sock")),
                                              QStringLiteral("/var/run/docker.sock"));
        QVERIFY(relay->start());
        env =
            std::make_unique<Env>(QStringLiteral("engret"),
                                  QJsonObject{{QStringLiteral("docker"),
                                               QJsonObject{{QStringLiteral("socket_path"), relay->path()}}}});
        QVERIFY(env->started);
        QVERIFY2(waitUntil([&] { return engineAvailable(); }, 20000), env->daemon->log().constData());
    }
    void cleanupTestCase()
    {
        env.reset();
        relay.reset();
    }

    void runningContainersSurviveAnEngineOutage()
    {
        const QString vol = env->createVolume();
        const QString kept = env->id(QStringLiteral("kept"));
        const QString stopped = env->id(QStringLiteral("stopped"));
        const QString idle = env->id(QStringLiteral("idle"));
        const QJsonObject pattern{{QStringLiteral("start_pattern"), QStringLiteral("Server ready")}};
        for (const auto &id : {kept, stopped, idle})
            QVERIFY(env->createReady(id, vol, echoLoop(), pattern));
        for (const auto &id : {kept, stopped}) {
            QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
            QVERIFY(env->waitState(id, QStringLiteral("running")));
        }

        Viewer viewer(env->wsUrl(kept));
        QVERIFY(viewer.waitConnected());
        relay->stop();
        QVERIFY(waitUntil([&] { return !engineAvailable(); }, 20000));
        QVERIFY(waitUntil([&] { return told(viewer, QStringLiteral("Docker engine is unavailable")); }));
        const Reply refused = env->power(idle, QStringLiteral("start"));
        QVERIFY2(refused.status == 503 && refused.code() == QLatin1String("docker_unavailable"),
                 qPrintable(refused.dump()));
        QCOMPARE(env->state(kept), QStringLiteral("running"));
        QCOMPARE(env->get(QStringLiteral("/containers/%1/logs").arg(kept)).status, 200);
        QCOMPARE(env->get(QStringLiteral("/network/ports")).status, 200);
        // behind the daemon's back, while it cannot see the engine
        int rc = 0;
        docker({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), Env::dockerName(stopped)},
               &rc);
        QCOMPARE(rc, 0);

        QVERIFY(relay->start());
        QVERIFY(waitUntil([&] { return engineAvailable(); }, 20000));
        QVERIFY(env->waitState(stopped, QStringLiteral("ready")));
        QVERIFY(waitUntil([&] { return told(viewer, QStringLiteral("Docker engine is available again")); }));
        QCOMPARE(env->state(kept), QStringLiteral("running"));
        QCOMPARE(dockerStatus(Env::dockerName(kept)), QStringLiteral("running"));
        // the console is attached again: a command reaches stdin and its echo comes back
        QVERIFY(waitUntil(
            [&] {
                env->command(kept, QStringLiteral("after-outage"));
                return waitUntil([&] { return env->logsContain(kept, QStringLiteral("echo:after-outage")); },
                                 1000);
            },
            20000));
        // power works again, for every one of them
        QCOMPARE(env->power(idle, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(idle, QStringLiteral("running")));
        QCOMPARE(env->power(stopped, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(stopped, QStringLiteral("running")));
        for (const auto &id : {kept, stopped, idle}) {
            QCOMPARE(env->power(id, QStringLiteral("stop")).status, 202);
            QVERIFY(env->waitState(id, QStringLiteral("ready"), 30000));
            QCOMPARE(dockerStatus(Env::dockerName(id)), QStringLiteral("exited"));
        }
        // the viewer saw the echo live too: its console stream is the new attach
        QVERIFY(viewer.data(QStringLiteral("console")).contains(QStringLiteral("echo:after-outage")));
    }

  private:
    static bool told(const Viewer &v, const QString &text)
    {
        for (const auto &m : v.data(QStringLiteral("daemon_message"))) {
            if (m.startsWith(text))
                return true;
        }
        return false;
    }
    bool engineAvailable() { return env->metrics().value(QStringLiteral("docker_available")).toBool(); }

    QTemporaryDir dir;
    std::unique_ptr<SocketRelay> relay;
    std::unique_ptr<Env> env;
};

QTEST_GUILESS_MAIN(TestEngineReturn)
#include "tst_ct_engine_return.moc"
