// The console throttle (API.md section 6): with console.throttle_lines 50 per 100 ms and a container
// printing thousands of lines at once, viewers get one throttling notice, fewer lines (at the
// configured rate, in order), one resume notice accounting for every line held back, while the
// history behind GET /containers/:id/logs still has every line.
#include "WsTestUtil.h"

#include <QRegularExpression>
#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ws;

class TestWsThrottle : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        env = std::make_unique<Env>(
            QStringLiteral("thr"),
            QJsonObject{{QStringLiteral("console"), QJsonObject{{QStringLiteral("throttle_lines"), 50},
                                                                {QStringLiteral("throttle_interval_ms"), 100},
                                                                {QStringLiteral("history_lines"), 20000}}}});
        QVERIFY(env->started);
        volume = env->createVolume();
        QVERIFY(!volume.isEmpty());
        id = env->id(QStringLiteral("thr"));
        QVERIFY(env->createRunning(id, volume));
    }
    void cleanupTestCase() { env.reset(); }

    void throttleEngages()
    {
        QtViewer a(env->baseUrl(), id, env->token());
        QtViewer b(env->baseUrl(), id, env->token());
        QVERIFY(a.waitConnected() && b.waitConnected());
        QTest::qWait(150); // a fresh throttle window (the boot lines counted in the last one)

        const int n = 5000;
        QCOMPARE(env->command(id, QStringLiteral("burst %1 t1").arg(n)).status, 202);
        // every line reaches the history
        QVERIFY(waitUntil([&] { return env->logs(id, 10).contains(QStringLiteral("t1:end")); }, 30000));
        const QStringList history = env->logs(id, n + 1);
        QString defect = checkSequence(numbers(history, QStringLiteral("t1")), 1, n);
        QVERIFY2(defect.isEmpty(), qPrintable(QStringLiteral("history: ") + defect));

        // once the output calms down the episode ends, even with no further line: the resume notice
        // says how many lines were held back
        QVERIFY(waitUntil(
            [&] {
                return !a.texts(QStringLiteral("daemon_message")).filter(QStringLiteral("resumed")).isEmpty();
            },
            5000));
        QCOMPARE(env->command(id, QStringLiteral("after")).status, 202);
        QVERIFY(waitUntil([&] {
            return a.sawConsole(QStringLiteral("echo:after")) && b.sawConsole(QStringLiteral("echo:after"));
        }));

        const QStringList notices = a.texts(QStringLiteral("daemon_message"));
        QCOMPARE(notices.filter(QStringLiteral("throttled")).size(), 1); // once per episode
        QVERIFY2(notices.filter(QStringLiteral("throttled"))
                     .first()
                     .contains(QStringLiteral("50 lines per 100 ms")),
                 qPrintable(notices.join(QLatin1Char('|'))));
        const QStringList resumed = notices.filter(QStringLiteral("resumed"));
        QCOMPARE(resumed.size(), 1);
        static const QRegularExpression count(QStringLiteral("(\\d+) lines were not shown"));
        const auto m = count.match(resumed.first());
        QVERIFY(m.hasMatch());
        const int held = m.captured(1).toInt();

        const QList<qint64> got = numbers(a.console(), QStringLiteral("t1"));
        const int end = a.sawConsole(QStringLiteral("t1:end")) ? 1 : 0;
        qInfo("%d lines printed: %d shown, %d held back (%s)", n, int(got.size()), held,
              qPrintable(resumed.first()));
        QVERIFY(got.size() < n);
        QVERIFY(got.size() >= 50);
        QCOMPARE(int(got.size()) + end + held, n + 1);
        // in order, no duplicates; and about the configured rate over the burst
        for (qsizetype i = 1; i < got.size(); ++i)
            QVERIFY(got[i] > got[i - 1]);
        const auto first =
            parseNumbered(history.filter(QStringLiteral("t1:1:")).first(), QStringLiteral("t1"));
        const auto last =
            parseNumbered(history.filter(QStringLiteral("t1:%1:").arg(n)).first(), QStringLiteral("t1"));
        const qint64 windows = (last.us - first.us) / 100000 + 2;
        QVERIFY2(got.size() <= 50 * windows,
                 qPrintable(QStringLiteral("%1 lines in %2 windows").arg(got.size()).arg(windows)));
        // both viewers saw the same thing
        QCOMPARE(b.console(), a.console());
        QCOMPARE(b.texts(QStringLiteral("daemon_message")), notices);
    }

    void outputUnderTheLimitIsNotThrottled()
    {
        QtViewer v(env->baseUrl(), id, env->token());
        QVERIFY(v.waitConnected());
        // 20 lines, then at least 100 ms: never more than 40 in a 100 ms window
        QCOMPARE(env->command(id, QStringLiteral("stream 0.1 t2 20")).status, 202);
        QVERIFY(waitUntil([&] { return numbers(v.console(), QStringLiteral("t2")).size() >= 200; }, 30000));
        QCOMPARE(env->command(id, QStringLiteral("halt")).status, 202);
        QVERIFY(waitUntil([&] { return v.sawConsole(QStringLiteral("halted")); }));
        const QList<qint64> got = numbers(v.console(), QStringLiteral("t2"));
        QVERIFY2(checkSequence(got, 1, got.last()).isEmpty(), qPrintable(checkSequence(got, 1, got.last())));
        QVERIFY(v.texts(QStringLiteral("daemon_message")).filter(QStringLiteral("throttled")).isEmpty());
    }

  private:
    std::unique_ptr<Env> env;
    QString volume;
    QString id;
};

QTEST_MAIN(TestWsThrottle)
#include "tst_ws_throttle.moc"
