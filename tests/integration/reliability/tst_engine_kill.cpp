// The real dockerd SIGKILLed under load and started again (issue 20): power actions and file writes
// are in flight when it dies. Within 5 s of the engine answering again, every container's state in
// lightd equals the engine's (none stuck `starting`/`stopping`, none `failed` by the outage alone);
// started again, every container's console answers a command (within 10 s of the engine's return).
// tst_crash_consistency cuts a relay socket instead (no engine restart); this one kills the engine itself, so
// it runs alone (RUN_SERIAL) and always leaves an engine answering behind it, even when it fails.
#include "../containers/ContainerTestUtil.h"
#include "ApiCalls.h"
#include "Await.h"
#include "EngineAgreement.h"
#include "Programs.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>
#include <QtTest>

#include <random>
#include <signal.h>

using namespace lightd::test;

namespace {
// tests/support/ensure-dockerd.sh: starts dockerd in a session of its own when none answers.
bool ensureEngine()
{
    QByteArray out;
    const int rc = run(QStringLiteral("bash"),
                       {sourceDir() + QStringLiteral("/tests/support/ensure-dockerd.sh")}, &out, 120000);
    if (rc != 0)
        qWarning("ensure-dockerd.sh: %d %s", rc, out.constData());
    return rc == 0;
}

QList<qint64> dockerdPids()
{
    QByteArray out;
    run(QStringLiteral("pgrep"), {QStringLiteral("-x"), QStringLiteral("dockerd")}, &out, 5000);
    QList<qint64> pids;
    for (const QByteArray &line : out.split('\n'))
        if (const qint64 pid = line.trimmed().toLongLong(); pid > 0)
            pids.append(pid);
    return pids;
}

} // namespace

class TestEngineKill : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureEngine());
        QVERIFY(ensureImage());
        const quint64 seed = qEnvironmentVariableIsSet("LIGHTD_ENGINE_KILL_SEED")
                                 ? qEnvironmentVariable("LIGHTD_ENGINE_KILL_SEED").toULongLong()
                                 : QRandomGenerator::global()->generate();
        m_rng.seed(quint32(seed));
        qInfo("LIGHTD_ENGINE_KILL_SEED=%llu", seed);
    }

    void cleanupTestCase()
    {
        QVERIFY(ensureEngine()); // whatever happened above, the next test has an engine
        removeContainersMatching(QStringLiteral("rel-k"));
    }

    void killedUnderLoad()
    {
        ApiCalls eng(QStringLiteral("rel-k"), {});
        QVERIFY(eng.startDaemon());
        const QString vol = eng.createVolume();
        const QStringList ids = createEchoContainers(eng, vol, 3, QStringLiteral("c"), true);
        QVERIFY(!ids.isEmpty());
        const auto available = [&] {
            return eng.metrics().value(QStringLiteral("docker_available")).toBool();
        };

        const int rounds = qEnvironmentVariableIsSet("LIGHTD_ENGINE_KILL_ROUNDS")
                               ? qEnvironmentVariableIntValue("LIGHTD_ENGINE_KILL_ROUNDS")
                               : 2;
        qint64 slowestMs = 0;
        for (int round = 0; round < rounds; ++round) {
            QNetworkAccessManager nam;
            QList<QNetworkReply *> replies;
            const auto send = [&](const QString &path, const QByteArray &body) {
                QNetworkRequest req(QUrl(eng.daemon->url(path)));
                req.setRawHeader("Authorization", "Bearer " + eng.token().toUtf8());
                req.setRawHeader("Accept", "Application/vnd.pkglatv1+json");
                req.setRawHeader("Content-Type", "application/json");
                replies.append(nam.post(req, body));
            };
            for (const QString &id : std::as_const(ids)) {
                const QString verb = eng.state(id) != QLatin1String("running") ? QStringLiteral("start")
                                     : pick(2) == 0                            ? QStringLiteral("restart")
                                                                               : QStringLiteral("stop");
                send(QStringLiteral("/containers/%1/%2").arg(id, verb), "{}");
            }
            for (int i = 0; i < 4; ++i)
                send(QStringLiteral("/volumes/%1/files").arg(vol),
                     QJsonDocument(QJsonObject{{QStringLiteral("path"), QStringLiteral("load%1.txt").arg(i)},
                                               {QStringLiteral("content"), QString(20000, QChar(u'a' + i))}})
                         .toJson(QJsonDocument::Compact));
            bool killed = false;
            QTimer::singleShot(pick(300), this, [&] {
                for (const qint64 pid : dockerdPids())
                    ::kill(pid_t(pid), SIGKILL);
                killed = true;
            });
            QVERIFY(waitUntil([&] { return killed; }));
            QVERIFY(waitUntil([&] { return dockerdPids().isEmpty(); }, 20000));
            QVERIFY(waitUntil(
                [&] {
                    return std::all_of(replies.cbegin(), replies.cend(),
                                       [](QNetworkReply *r) { return r->isFinished(); });
                },
                60000));
            qDeleteAll(replies);
            QVERIFY(waitUntil([&] { return !available(); }, 20000));

            QVERIFY(ensureEngine());
            QElapsedTimer back; // from the engine answering again
            back.start();
            QString last;
            const bool settled = waitStatesAgree(eng, ids, false, 20000, &last);
            QVERIFY2(settled, qPrintable(last));
            const qint64 stateMs = back.elapsed();
            QStringList states;
            for (const QString &id : std::as_const(ids))
                states.append(eng.state(id));
            // A restarted dockerd without live-restore stops what ran (lightd then says `ready`, as
            // the engine does). Consoles: every container is started again where it is not running,
            // and a command reaches each one's stdin and its echo comes back. Before session 9's fix,
            // 7 of 8 runs of 4 rounds failed here: a restarted dockerd kept a stale task (every
            // start refused, "task ... already exists") or closed the console's stdin of the first
            // run after its return. lightd now makes each container again before its first start
            // after the engine's return. A start whose answer the kill cut off is `ready` with an
            // error; the test then asks again, as a panel would, and counts those.
            int refusedStarts = 0;
            for (const QString &id : std::as_const(ids)) {
                QString seen;
                const bool running = waitUntil(
                    [&] {
                        seen = eng.state(id);
                        if (seen == QLatin1String("ready")) {
                            if (!eng.record(id).value(QStringLiteral("error")).toString().isEmpty())
                                ++refusedStarts;
                            eng.post(
                                QStringLiteral("/containers/%1/start").arg(id)); // 202; its end is the state
                        }
                        return seen == QLatin1String("running");
                    },
                    20000);
                QVERIFY2(running, qPrintable(id + QStringLiteral(" is ") + seen));
                const QString line = QStringLiteral("kill-round-%1").arg(round);
                const bool echoed = waitUntil(
                    [&] {
                        eng.command(id, line);
                        return waitUntil([&] { return eng.logsContain(id, QStringLiteral("echo:") + line); },
                                         500);
                    },
                    20000);
                QVERIFY2(echoed, qPrintable(id + QStringLiteral(": no echo from its console")));
            }
            const qint64 consoleMs = back.elapsed();
            slowestMs = qMax(slowestMs, consoleMs);
            qInfo("dockerd kill round %d: states agree %lld ms after the engine answered (%s), all started "
                  "again (%d starts refused by the engine) and consoles answer at %lld ms",
                  round, stateMs, qPrintable(states.join(QLatin1Char(' '))), refusedStarts, consoleMs);
            QVERIFY2(stateMs <= 5000,
                     qPrintable(QStringLiteral("%1 ms until the states agree").arg(stateMs)));
            QVERIFY2(consoleMs <= 10000,
                     qPrintable(QStringLiteral("%1 ms until consoles answer").arg(consoleMs)));
        }
        qInfo("dockerd kills: slowest recovery %lld ms", slowestMs);
        for (const QString &id : std::as_const(ids))
            QCOMPARE(eng.call("DELETE", QStringLiteral("/containers/%1").arg(id)).status, 200);
    }

  private:
    int pick(int n) { return int(m_rng() % quint32(n)); }
    std::mt19937 m_rng;
};

QTEST_MAIN(TestEngineKill)
#include "tst_engine_kill.moc"
