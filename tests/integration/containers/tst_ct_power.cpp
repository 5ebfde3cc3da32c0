// Power actions with their 202 bodies and resulting states (docker inspect agrees), wrong states,
// the one-action-at-a-time lock (kill always goes through), and commands reaching stdin.
#include "ContainerTestUtil.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ct;

class TestContainerPower : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        // a long stop timeout, so that a stop of a process ignoring SIGTERM is "in flight" for long
        env = std::make_unique<Env>(
            QStringLiteral("power"),
            QJsonObject{{QStringLiteral("containers"), QJsonObject{{QStringLiteral("stop_timeout_s"), 30}}}});
        QVERIFY(env->started);
        volume = env->createVolume();
        QVERIFY(!volume.isEmpty());
    }
    void cleanupTestCase() { env.reset(); }

    void powerCycle()
    {
        const QString id = env->id(QStringLiteral("cycle"));
        const QString name = Env::dockerName(id);
        QVERIFY(env->createReady(id, volume, echoLoop(),
                                 {{QStringLiteral("start_pattern"), QStringLiteral("Server ready")}}));

        // wrong state while ready
        for (const char *verb : {"stop", "kill", "suspend", "resume"}) {
            const Reply r = env->power(id, QLatin1StringView(verb));
            QVERIFY2(r.status == 409 && r.code() == QLatin1String("invalid_state"),
                     qPrintable(QLatin1StringView(verb) + r.dump()));
        }
        QCOMPARE(env->command(id, QStringLiteral("x")).status, 409);

        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));

        // command reaches stdin: the process echoes it
        const Reply c = env->command(id, QStringLiteral("say hello world"));
        QCOMPARE(c.status, 202);
        QVERIFY(env->waitLog(id, QStringLiteral("echo:say hello world")));

        // suspend -> paused
        Reply r = env->power(id, QStringLiteral("suspend"));
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("message"), QStringLiteral("Container suspend initiated")},
                              {QStringLiteral("internal_id"), id}}));
        QVERIFY(env->waitState(id, QStringLiteral("suspended")));
        QCOMPARE(dockerStatus(name), QStringLiteral("paused"));
        QCOMPARE(env->power(id, QStringLiteral("suspend")).code(), QStringLiteral("invalid_state"));
        QCOMPARE(env->power(id, QStringLiteral("start")).code(), QStringLiteral("invalid_state"));

        // resume -> running
        r = env->power(id, QStringLiteral("resume"));
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json().value(QStringLiteral("message")).toString(),
                 QStringLiteral("Container resume initiated"));
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(dockerStatus(name), QStringLiteral("running"));
        QCOMPARE(env->command(id, QStringLiteral("after-resume")).status, 202);
        QVERIFY(env->waitLog(id, QStringLiteral("echo:after-resume")));

        // restart -> a new process, running again by pattern
        const QString startedAt = dockerInspect(name)
                                      .value(QStringLiteral("State"))
                                      .toObject()
                                      .value(QStringLiteral("StartedAt"))
                                      .toString();
        r = env->power(id, QStringLiteral("restart"));
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json().value(QStringLiteral("message")).toString(),
                 QStringLiteral("Container restart initiated"));
        QVERIFY(waitUntil(
            [&] {
                return dockerInspect(name)
                           .value(QStringLiteral("State"))
                           .toObject()
                           .value(QStringLiteral("StartedAt"))
                           .toString() != startedAt;
            },
            30000));
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(env->command(id, QStringLiteral("after-restart")).status, 202);
        QVERIFY(env->waitLog(id, QStringLiteral("echo:after-restart")));

        // stop -> ready, docker says exited
        r = env->power(id, QStringLiteral("stop"));
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("message"), QStringLiteral("Container stop initiated")},
                              {QStringLiteral("internal_id"), id}}));
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        QCOMPARE(dockerStatus(name), QStringLiteral("exited"));

        // restart from ready starts it
        QCOMPARE(env->power(id, QStringLiteral("restart")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));

        // kill -> ready, exit code recorded; it goes through while suspended too
        QCOMPARE(env->power(id, QStringLiteral("suspend")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("suspended")));
        r = env->power(id, QStringLiteral("kill"));
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json().value(QStringLiteral("message")).toString(),
                 QStringLiteral("Container kill initiated"));
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        QCOMPARE(dockerStatus(name), QStringLiteral("exited"));
        QVERIFY(waitUntil([&] { return env->record(id).value(QStringLiteral("exit_code")).toInt() == 137; }));
    }

    void oneActionAtATimeButKillGoesThrough()
    {
        const QString id = env->id(QStringLiteral("lock"));
        const QString name = Env::dockerName(id);
        // /bin/sh runs the startup command itself: it ignores SIGTERM, so a stop waits for the
        // stop timeout (30 s here) before Docker kills it.
        QVERIFY(env->createReady(
            id, volume, QStringLiteral("trap '' TERM; echo Server ready; while true; do sleep 1; done"),
            {{QStringLiteral("start_pattern"), QStringLiteral("Server ready")}}));
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));

        QElapsedTimer t;
        t.start();
        QCOMPARE(env->power(id, QStringLiteral("stop")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("stopping")));
        for (const char *verb : {"stop", "restart", "start", "suspend", "resume"}) {
            const Reply r = env->power(id, QLatin1StringView(verb));
            QVERIFY2(r.status == 409, qPrintable(QLatin1StringView(verb) + r.dump()));
        }
        QCOMPARE(dockerStatus(name), QStringLiteral("running")); // still ignoring SIGTERM
        const Reply k = env->power(id, QStringLiteral("kill"));
        QCOMPARE(k.status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready"), 20000));
        QVERIFY2(t.elapsed() < 25000, "kill waited for the stop timeout");
        QCOMPARE(dockerStatus(name), QStringLiteral("exited"));
        // and the container is usable afterwards
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(env->power(id, QStringLiteral("kill")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
    }

    void concurrentStartsOnlyOneWins()
    {
        const QString id = env->id(QStringLiteral("race"));
        QVERIFY(env->createReady(id, volume, echoLoop(),
                                 {{QStringLiteral("start_pattern"), QStringLiteral("Server ready")}}));
        // two requests in flight at once
        QNetworkAccessManager nam;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 2; ++i) {
            QNetworkRequest req(QUrl(env->daemon->url(QStringLiteral("/containers/%1/start").arg(id))));
            req.setRawHeader("Authorization", "Bearer " + env->daemon->token().toUtf8());
            req.setRawHeader("Accept", "Application/vnd.pkglatv1+json");
            replies.append(nam.post(req, QByteArray()));
        }
        QVERIFY(waitUntil([&] { return replies[0]->isFinished() && replies[1]->isFinished(); }));
        QList<int> codes;
        for (auto *rep : replies)
            codes.append(rep->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        std::sort(codes.begin(), codes.end());
        QCOMPARE(codes, (QList<int>{202, 409}));
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(env->command(id, QStringLiteral("once")).status, 202);
        QVERIFY(env->waitLog(id, QStringLiteral("echo:once")));
        // exactly one process answered (one attach stream)
        QCOMPARE(env->logs(id).count(QStringLiteral("echo:once")), 1);
        QCOMPARE(env->power(id, QStringLiteral("kill")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
    }

    void commandValidation()
    {
        const QString id = env->id(QStringLiteral("cmd"));
        QVERIFY(env->createReady(id, volume, echoLoop(),
                                 {{QStringLiteral("start_pattern"), QStringLiteral("Server ready")}}));
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(env->post(QStringLiteral("/containers/%1/command").arg(id)).status, 400);
        QCOMPARE(env->command(id, QStringLiteral("two\nlines")).status, 400);
        // API.md 3/6: one trailing \n or \r\n is stripped; every other control character is refused
        for (const QString &bad :
             {QStringLiteral("a\rb"), QStringLiteral("cr\r"),
              QStringLiteral("nul") + QChar(0) + QStringLiteral("x"), QStringLiteral("\x1b]0;title\x07"),
              QStringLiteral("bell\x07"), QStringLiteral("tab\tx"), QStringLiteral("two\n\n"),
              QStringLiteral("\r\n\r\n"), QStringLiteral("del\x7f"),
              QStringLiteral("c1") + QChar(0x9b) + QStringLiteral("31m"), QString(4097, QLatin1Char('x'))}) {
            const auto r = env->command(id, bad);
            QVERIFY2(r.status == 400 && r.body.contains("invalid_field"),
                     bad.toUtf8().toPercentEncoding().constData());
        }
        QCOMPARE(env->command(id, QStringLiteral("lf-stripped\n")).status, 202);
        QCOMPARE(env->command(id, QStringLiteral("crlf-stripped\r\n")).status, 202);
        QVERIFY(env->waitLog(id, QStringLiteral("echo:crlf-stripped")));
        QVERIFY(env->logs(id).contains(QStringLiteral("echo:lf-stripped")));
        QCOMPARE(env->command(id, QString(4096, QLatin1Char('y'))).status, 202);
        QCOMPARE(env->command(QStringLiteral("no-such-container"), QStringLiteral("x")).status, 404);
        // unicode goes through as UTF-8
        QCOMPARE(env->command(id, QStringLiteral("caf\u00e9 \u20ac")).status, 202);
        QVERIFY(env->waitLog(id, QStringLiteral("echo:caf\u00e9 \u20ac")));
        // logs?lines
        for (int i = 0; i < 5; ++i)
            env->command(id, QStringLiteral("n%1").arg(i));
        QVERIFY(env->waitLog(id, QStringLiteral("echo:n4")));
        QCOMPARE(env->logs(id, 2), (QStringList{QStringLiteral("echo:n3"), QStringLiteral("echo:n4")}));
        QCOMPARE(env->get(QStringLiteral("/containers/%1/logs?lines=0").arg(id)).status, 400);
        QCOMPARE(env->get(QStringLiteral("/containers/%1/logs?lines=abc").arg(id)).status, 400);
        QCOMPARE(env->power(id, QStringLiteral("kill")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
    }

  private:
    std::unique_ptr<Env> env;
    QString volume;
};

QTEST_GUILESS_MAIN(TestContainerPower)
#include "tst_ct_power.moc"
