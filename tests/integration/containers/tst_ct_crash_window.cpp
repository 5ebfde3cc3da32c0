// The crash window ends: a crash after containers.crash_window_s has passed is restarted again. An
// out-of-memory kill is a crash like any other, told as such on the console.
#include "ContainerTestUtil.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ct;

namespace {
constexpr int kWindowS = 3;

// Echoes stdin; exits with code 3 on "crash".
const QString kCrashy = QStringLiteral(
    "bash -c 'echo Server ready; while read -r l; do if [ \"$l\" = crash ]; then echo crashing; exit 3; fi; "
    "echo \"echo:$l\"; done; sleep 3600'");

int countMessages(const Viewer &v, const QString &text)
{
    int n = 0;
    for (const auto &m : v.data(QStringLiteral("daemon_message")))
        n += m.contains(text) ? 1 : 0;
    return n;
}
} // namespace

class TestContainerCrashWindow : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        env = std::make_unique<Env>(QStringLiteral("crashwin"),
                                    QJsonObject{{QStringLiteral("containers"),
                                                 QJsonObject{{QStringLiteral("crash_window_s"), kWindowS}}}});
        QVERIFY(env->started);
    }
    void cleanupTestCase() { env.reset(); }

    void crashAfterTheWindowIsRestartedAgain()
    {
        const QString vol = env->createVolume();
        const QString id = env->id(QStringLiteral("again"));
        QVERIFY(env->createReady(id, vol, kCrashy,
                                 {{QStringLiteral("start_pattern"), QStringLiteral("Server ready")}}));
        Viewer viewer(env->wsUrl(id));
        QVERIFY(viewer.waitConnected());
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));

        const QString restarting = QStringLiteral("Restarting the server after the crash");
        QCOMPARE(env->command(id, QStringLiteral("crash")).status, 202);
        QVERIFY(waitUntil([&] { return countMessages(viewer, restarting) == 1; }, 20000));
        QElapsedTimer sinceRestart;
        sinceRestart.start();
        QVERIFY(env->waitState(id, QStringLiteral("running")));

        // The window is measured from the automatic restart; crash only once it has surely passed.
        QVERIFY(waitUntil([&] { return sinceRestart.elapsed() > (kWindowS + 1) * 1000; },
                          (kWindowS + 30) * 1000));
        QCOMPARE(env->command(id, QStringLiteral("crash")).status, 202);
        QVERIFY2(waitUntil([&] { return countMessages(viewer, restarting) == 2; }, 20000),
                 qPrintable(viewer.data(QStringLiteral("daemon_message")).join(QLatin1Char('\n'))));
        QCOMPARE(countMessages(viewer, QStringLiteral("not restarting it automatically")), 0);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(dockerStatus(Env::dockerName(id)), QStringLiteral("running"));
        QCOMPARE(env->power(id, QStringLiteral("kill")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
    }

    void outOfMemoryIsACrash()
    {
        const QString vol = env->createVolume();
        const QString id = env->id(QStringLiteral("oom"));
        // 16 MiB limit and no swap; the shell then holds ~64 MiB in one variable.
        const QString hog = QStringLiteral("bash -c 'echo Server ready; read -r l; x=$(head -c 67108864 "
                                           "/dev/zero | tr \"\\\\0\" a); echo survived ${#x}'");
        QVERIFY(env->createReady(
            id, vol, hog,
            {{QStringLiteral("start_pattern"), QStringLiteral("Server ready")},
             {QStringLiteral("limits"), QJsonObject{{QStringLiteral("memory"), 16 * 1024 * 1024}}}}));
        Viewer viewer(env->wsUrl(id));
        QVERIFY(viewer.waitConnected());
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(env->command(id, QStringLiteral("eat")).status, 202);
        QVERIFY2(
            waitUntil([&] { return countMessages(viewer, QStringLiteral("(out of memory)")) >= 1; }, 30000),
            qPrintable(viewer.data(QStringLiteral("daemon_message")).join(QLatin1Char('\n'))));
        QCOMPARE(countMessages(viewer, QStringLiteral("exit code 137 (out of memory)")), 1);
        QVERIFY(!env->logsContain(id, QStringLiteral("survived")));
        // an OOM kill is a crash: restarted once (it is waiting for input again, so it stays up)
        QVERIFY(waitUntil(
            [&] {
                return countMessages(viewer, QStringLiteral("Restarting the server after the crash")) == 1;
            },
            20000));
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(env->power(id, QStringLiteral("kill")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
    }

  private:
    std::unique_ptr<Env> env;
};

QTEST_GUILESS_MAIN(TestContainerCrashWindow)
#include "tst_ct_crash_window.moc"
