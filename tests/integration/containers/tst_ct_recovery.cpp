// Daemon restarts: killed (SIGKILL) in the middle of an install -> the container ends failed with a
// reason and no install container is left; restarted while a container runs -> it stays running
// and its console still works.
#include "ContainerTestUtil.h"

#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ct;

class TestContainerRecovery : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        env = std::make_unique<Env>(QStringLiteral("recov"));
        QVERIFY(env->started);
    }
    void cleanupTestCase() { env.reset(); }

    void killedMidInstall()
    {
        QString path;
        const QString vol = env->createVolume(&path);
        const QString id = env->id(QStringLiteral("midinstall"));
        const QString installName = QStringLiteral("lightd_install-") + id;
        QCOMPARE(env->create(env->body(id, vol, QStringLiteral("sleep 1"),
                                       {{QStringLiteral("install_script"),
                                         QStringLiteral("echo installing; sleep 300")}}))
                     .status,
                 201);
        QVERIFY(waitUntil([&] { return dockerStatus(installName) == QLatin1String("running"); }, 30000));
        env->daemon->kill();
        QVERIFY(!env->daemon->isRunning());
        QVERIFY(dockerExists(installName)); // the daemon had no chance to clean up
        QVERIFY(env->startDaemon());

        QVERIFY(env->waitState(id, QStringLiteral("failed")));
        const QString error = env->record(id).value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(QLatin1String("restart")), qPrintable(error));
        QVERIFY(waitUntil([&] { return !dockerExists(installName); }, 20000));
        QVERIFY(!dockerExists(Env::dockerName(id)));
        // and it can be reinstalled
        QCOMPARE(env->post(QStringLiteral("/containers/%1/reinstall").arg(id),
                           {{QStringLiteral("install_script"), QStringLiteral("echo ok")}})
                     .status,
                 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
    }

    void restartedWhileRunning_data()
    {
        QTest::addColumn<bool>("sigkill");
        QTest::newRow("SIGTERM") << false;
        QTest::newRow("SIGKILL") << true;
    }
    void restartedWhileRunning()
    {
        QFETCH(bool, sigkill);
        const QString vol = env->createVolume();
        const QString id = env->id(sigkill ? QStringLiteral("run-kill") : QStringLiteral("run-term"));
        const QString idle = env->id(sigkill ? QStringLiteral("idle-kill") : QStringLiteral("idle-term"));
        QVERIFY(env->createReady(id, vol, echoLoop(),
                                 {{QStringLiteral("start_pattern"), QStringLiteral("Server ready")}}));
        QVERIFY(env->createReady(idle, vol, echoLoop()));
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(env->command(id, QStringLiteral("before")).status, 202);
        QVERIFY(env->waitLog(id, QStringLiteral("echo:before")));
        const QString startedAt = dockerInspect(Env::dockerName(id))
                                      .value(QStringLiteral("State"))
                                      .toObject()
                                      .value(QStringLiteral("StartedAt"))
                                      .toString();

        if (sigkill)
            env->daemon->kill();
        else
            QVERIFY(env->daemon->stop());
        QCOMPARE(dockerStatus(Env::dockerName(id)),
                 QStringLiteral("running")); // the daemon leaves it running
        QVERIFY(env->startDaemon());

        QCOMPARE(env->state(id), QStringLiteral("running"));
        QCOMPARE(env->state(idle), QStringLiteral("ready"));
        QCOMPARE(dockerInspect(Env::dockerName(id))
                     .value(QStringLiteral("State"))
                     .toObject()
                     .value(QStringLiteral("StartedAt"))
                     .toString(),
                 startedAt);
        // the console works: the new daemon attached again
        QVERIFY(waitUntil(
            [&] {
                env->command(id, QStringLiteral("after"));
                return waitUntil([&] { return env->logsContain(id, QStringLiteral("echo:after")); }, 1000);
            },
            20000));
        QCOMPARE(env->state(id), QStringLiteral("running"));
        // power still works, and a crash is still noticed as one (the events stream is back)
        QCOMPARE(env->power(id, QStringLiteral("stop")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        QCOMPARE(dockerStatus(Env::dockerName(id)), QStringLiteral("exited"));
        QCOMPARE(env->power(idle, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(idle, QStringLiteral("running")));
        QCOMPARE(env->power(idle, QStringLiteral("kill")).status, 202);
        QVERIFY(env->waitState(idle, QStringLiteral("ready")));
    }

    void containerStoppedWhileDaemonWasDown()
    {
        const QString vol = env->createVolume();
        const QString id = env->id(QStringLiteral("gone"));
        QVERIFY(env->createReady(id, vol, echoLoop(),
                                 {{QStringLiteral("start_pattern"), QStringLiteral("Server ready")}}));
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        env->daemon->kill();
        docker({QStringLiteral("kill"), Env::dockerName(id)});
        QVERIFY(env->startDaemon());
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        // the Docker container removed behind the daemon's back is recreated from the record
        env->daemon->kill();
        docker({QStringLiteral("rm"), QStringLiteral("-f"), Env::dockerName(id)});
        QVERIFY(env->startDaemon());
        QVERIFY(waitUntil([&] { return dockerExists(Env::dockerName(id)); }, 20000));
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
    }

  private:
    std::unique_ptr<Env> env;
};

QTEST_GUILESS_MAIN(TestContainerRecovery)
#include "tst_ct_recovery.moc"
