// Crash detection from the engine's events: a crash is restarted once; a crash again within
// containers.crash_window_s is not; the exit code is recorded.
#include "ContainerTestUtil.h"

#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ct;

namespace {
// Echoes stdin; exits with code 3 on "crash".
const QString kCrashy = QStringLiteral(
    "bash -c 'echo Server ready; while read -r l; do if [ \"$l\" = crash ]; then echo crashing; exit 3; fi; "
    "echo \"echo:$l\"; done; sleep 3600'");

bool hasMessage(const Viewer &v, const QString &text)
{
    for (const auto &m : v.data(QStringLiteral("daemon_message"))) {
        if (m.contains(text))
            return true;
    }
    return false;
}
} // namespace

class TestContainerCrash : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        env = std::make_unique<Env>(QStringLiteral("crash"),
                                    QJsonObject{{QStringLiteral("containers"),
                                                 QJsonObject{{QStringLiteral("crash_window_s"), 120}}}});
        QVERIFY(env->started);
    }
    void cleanupTestCase() { env.reset(); }

    void crashRestartsOnceThenNotWithinTheWindow()
    {
        const QString vol = env->createVolume();
        const QString id = env->id(QStringLiteral("loop"));
        const QString name = Env::dockerName(id);
        QVERIFY(env->createReady(id, vol, kCrashy,
                                 {{QStringLiteral("start_pattern"), QStringLiteral("Server ready")}}));
        Viewer viewer(env->wsUrl(id));
        QVERIFY(viewer.waitConnected());
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        const QString firstStart = dockerInspect(name)
                                       .value(QStringLiteral("State"))
                                       .toObject()
                                       .value(QStringLiteral("StartedAt"))
                                       .toString();

        // first crash: restarted
        QCOMPARE(env->command(id, QStringLiteral("crash")).status, 202);
        QVERIFY(waitUntil(
            [&] { return hasMessage(viewer, QStringLiteral("Restarting the server after the crash")); },
            20000));
        QVERIFY(hasMessage(viewer, QStringLiteral("exit code 3")));
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(env->record(id).value(QStringLiteral("exit_code")).toInt(), 3);
        const QJsonObject st = dockerInspect(name).value(QStringLiteral("State")).toObject();
        QCOMPARE(st.value(QStringLiteral("Status")).toString(), QStringLiteral("running"));
        QVERIFY(st.value(QStringLiteral("StartedAt")).toString() != firstStart);
        // the console works after the automatic restart (a fresh attach)
        QCOMPARE(env->command(id, QStringLiteral("post-crash")).status, 202);
        QVERIFY(env->waitLog(id, QStringLiteral("echo:post-crash")));
        const QStringList events = viewer.data(QStringLiteral("event"));
        QVERIFY2(events.contains(QStringLiteral("ready")) &&
                     events.lastIndexOf(QStringLiteral("running")) > events.indexOf(QStringLiteral("ready")),
                 qPrintable(events.join(QLatin1Char(','))));

        // second crash within the window: not restarted
        QCOMPARE(env->command(id, QStringLiteral("crash")).status, 202);
        QVERIFY(waitUntil(
            [&] { return hasMessage(viewer, QStringLiteral("not restarting it automatically")); }, 20000));
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        QCOMPARE(dockerStatus(name), QStringLiteral("exited"));
        QCOMPARE(env->record(id).value(QStringLiteral("exit_code")).toInt(), 3);
        QCOMPARE(dockerInspect(name)
                     .value(QStringLiteral("State"))
                     .toObject()
                     .value(QStringLiteral("ExitCode"))
                     .toInt(),
                 3);
        // still a normal container: it can be started by hand
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(env->power(id, QStringLiteral("kill")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
    }

    void immediateExitIsNoticed_data()
    {
        QTest::addColumn<bool>("pattern");
        QTest::newRow("no pattern") << false;
        QTest::newRow("pattern") << true;
    }
    void immediateExitIsNoticed()
    {
        // The process dies at once: its die event can come before the engine's answer to the start.
        QFETCH(bool, pattern);
        const QString vol = env->createVolume();
        const QString id = env->id(pattern ? QStringLiteral("quick-p") : QStringLiteral("quick"));
        QJsonObject extra;
        if (pattern)
            extra.insert(QStringLiteral("start_pattern"), QStringLiteral("never"));
        QVERIFY(env->createReady(id, vol, QStringLiteral("echo bye; exit 5"), extra));
        Viewer viewer(env->wsUrl(id));
        QVERIFY(viewer.waitConnected());
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        // restarted once, then left alone: it ends ready, with the exit code
        QVERIFY(waitUntil(
            [&] { return hasMessage(viewer, QStringLiteral("not restarting it automatically")); }, 20000));
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        QCOMPARE(env->record(id).value(QStringLiteral("exit_code")).toInt(), 5);
        QCOMPARE(dockerStatus(Env::dockerName(id)), QStringLiteral("exited"));
    }

    void stopAndKillAreNotCrashes()
    {
        const QString vol = env->createVolume();
        const QString id = env->id(QStringLiteral("calm"));
        QVERIFY(env->createReady(id, vol, kCrashy,
                                 {{QStringLiteral("start_pattern"), QStringLiteral("Server ready")}}));
        Viewer viewer(env->wsUrl(id));
        QVERIFY(viewer.waitConnected());
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(env->power(id, QStringLiteral("stop")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(env->power(id, QStringLiteral("kill")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        // the die event of the kill has been handled (it recorded the exit code), and was no crash
        QVERIFY(waitUntil([&] { return env->record(id).value(QStringLiteral("exit_code")).toInt() == 137; }));
        QCOMPARE(env->command(id, QStringLiteral("x")).status, 409);
        QVERIFY(!hasMessage(viewer, QStringLiteral("crashed")));
        QCOMPARE(dockerStatus(Env::dockerName(id)), QStringLiteral("exited"));
    }

  private:
    std::unique_ptr<Env> env;
};

QTEST_GUILESS_MAIN(TestContainerCrash)
#include "tst_ct_crash.moc"
