// create -> installing -> ready -> start -> starting -> running (start_pattern or no pattern);
// install output, install failures, and what is refused while a container installs.
#include "ContainerTestUtil.h"

#include <QJsonDocument>
#include <QtTest>
#include <algorithm>

using namespace lightd::test;
using namespace lightd::test::ct;

class TestContainerLifecycle : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        env = std::make_unique<Env>(QStringLiteral("life"));
        QVERIFY(env->started);
        volume = env->createVolume(&volumePath);
        QVERIFY(!volume.isEmpty());
    }
    void cleanupTestCase() { env.reset(); }

    void createReadyStartRunningByPattern()
    {
        const QString id = env->id(QStringLiteral("pattern"));
        const Reply r = env->create(
            env->body(id, volume, echoLoop(QStringLiteral("Done (1.5s)! For help, type help")),
                      {{QStringLiteral("start_pattern"), QStringLiteral("Done \\(\\d+\\.\\d+s\\)!")}}));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("message"), QStringLiteral("Container creation started")},
                              {QStringLiteral("internal_id"), id},
                              {QStringLiteral("state"), QStringLiteral("installing")}}));
        QVERIFY(env->waitState(id, QStringLiteral("ready")));

        const QJsonObject rec = env->record(id);
        QCOMPARE(rec.value(QStringLiteral("internal_id")).toString(), id);
        QCOMPARE(rec.value(QStringLiteral("volume_id")).toString(), volume);
        QCOMPARE(rec.value(QStringLiteral("image")).toString(), kImage);
        QCOMPARE(rec.value(QStringLiteral("error")).toString(), QString());
        const QString dockerId = rec.value(QStringLiteral("container_id")).toString();
        QVERIFY(!dockerId.isEmpty());
        const QJsonObject ins = dockerInspect(Env::dockerName(id));
        QCOMPARE(ins.value(QStringLiteral("Id")).toString(), dockerId);
        QCOMPARE(ins.value(QStringLiteral("State")).toObject().value(QStringLiteral("Status")).toString(),
                 QStringLiteral("created"));
        // the volume at /home/container (working dir), the data dir at /app/data
        const QJsonArray binds =
            ins.value(QStringLiteral("HostConfig")).toObject().value(QStringLiteral("Binds")).toArray();
        // (Podman lists a bind with the options it applied: "src:dst:rw,rprivate,rbind")
        const QString bind = volumePath + QStringLiteral(":/home/container");
        QVERIFY2(std::any_of(binds.begin(), binds.end(),
                             [&](const QJsonValue &b) {
                                 return b.toString() == bind || b.toString().startsWith(bind + u':');
                             }),
                 QJsonDocument(binds).toJson().constData());
        QCOMPARE(
            ins.value(QStringLiteral("Config")).toObject().value(QStringLiteral("WorkingDir")).toString(),
            QStringLiteral("/home/container"));

        // listed
        bool listed = false;
        for (const auto &c :
             env->get(QStringLiteral("/containers")).json().value(QStringLiteral("containers")).toArray()) {
            const QJsonObject o = c.toObject();
            if (o.value(QStringLiteral("internal_id")).toString() == id) {
                listed = true;
                QCOMPARE(o.value(QStringLiteral("container_id")).toString(), dockerId);
                QCOMPARE(o.value(QStringLiteral("install_state")).toString(), QStringLiteral("ready"));
                QCOMPARE(o.value(QStringLiteral("image")).toString(), kImage);
            }
        }
        QVERIFY(listed);

        const Reply s = env->power(id, QStringLiteral("start"));
        QCOMPARE(s.status, 202);
        QCOMPARE(s.json(),
                 (QJsonObject{{QStringLiteral("message"), QStringLiteral("Container start initiated")},
                              {QStringLiteral("internal_id"), id}}));
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QVERIFY(env->logsContain(id, QStringLiteral("Done (1.5s)! For help, type help")));
        QVERIFY(env->logsContain(id, QStringLiteral("booting")));
        QCOMPARE(dockerStatus(Env::dockerName(id)), QStringLiteral("running"));
        // start again: wrong state
        const Reply again = env->power(id, QStringLiteral("start"));
        QCOMPARE(again.status, 409);
        QCOMPARE(again.code(), QStringLiteral("invalid_state"));
    }

    void patternThatNeverMatchesStaysStarting()
    {
        const QString id = env->id(QStringLiteral("nomatch"));
        QVERIFY(
            env->createReady(id, volume, echoLoop(QStringLiteral("Server ready")),
                             {{QStringLiteral("start_pattern"), QStringLiteral("^NEVER_PRINTED_[0-9]+$")}}));
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        // The ready line went through the pattern matcher (it is in the history)...
        QVERIFY(env->waitLog(id, QStringLiteral("Server ready")));
        QVERIFY(env->command(id, QStringLiteral("still-here")).status == 202);
        QVERIFY(env->waitLog(id, QStringLiteral("echo:still-here")));
        // ...and did not match.
        QCOMPARE(env->state(id), QStringLiteral("starting"));
        QCOMPARE(dockerStatus(Env::dockerName(id)), QStringLiteral("running"));
        // paused before the pattern matched, it is still starting when resumed
        QCOMPARE(env->power(id, QStringLiteral("suspend")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("suspended")));
        QCOMPARE(env->power(id, QStringLiteral("resume")).status, 202);
        QVERIFY(waitUntil([&] { return dockerStatus(Env::dockerName(id)) == QLatin1String("running"); }));
        QVERIFY(env->waitState(id, QStringLiteral("starting")));
        QCOMPARE(env->command(id, QStringLiteral("after-resume")).status, 202);
        QVERIFY(env->waitLog(id, QStringLiteral("echo:after-resume")));
        QCOMPARE(env->state(id), QStringLiteral("starting"));
        QCOMPARE(env->power(id, QStringLiteral("kill")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
    }

    void noPatternIsRunningOnceStarted()
    {
        const QString id = env->id(QStringLiteral("nopattern"));
        QVERIFY(env->createReady(id, volume, QStringLiteral("sleep 3600")));
        QVERIFY(env->record(id).value(QStringLiteral("start_pattern")).isNull());
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(dockerStatus(Env::dockerName(id)), QStringLiteral("running"));
        QCOMPARE(env->power(id, QStringLiteral("kill")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
    }

    void installScriptFailureIsFailedWithExitCodeAndLastLines()
    {
        const QString id = env->id(QStringLiteral("instfail"));
        const Reply r = env->create(env->body(
            id, volume, QStringLiteral("sleep 1"),
            {{QStringLiteral("install_script"),
              QStringLiteral("#!/bin/bash\necho step-one\necho step-two >&2\necho last-words\nexit 7\n")}}));
        QCOMPARE(r.status, 201);
        QVERIFY(env->waitState(id, QStringLiteral("failed")));
        const QString error = env->record(id).value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(QLatin1String("7")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("last-words")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("step-two")), qPrintable(error)); // stderr too
        // the install container is gone, no server container was made
        QVERIFY(waitUntil([&] { return !dockerExists(QStringLiteral("lightd_install-") + id); }));
        QVERIFY(!dockerExists(Env::dockerName(id)));
        // failed: no power action
        QCOMPARE(env->power(id, QStringLiteral("start")).code(), QStringLiteral("invalid_state"));
        // a reinstall with a working script recovers it
        const Reply re = env->post(QStringLiteral("/containers/%1/reinstall").arg(id),
                                   {{QStringLiteral("install_script"), QStringLiteral("echo fixed")}});
        QCOMPARE(re.status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        QCOMPARE(env->record(id).value(QStringLiteral("error")).toString(), QString());
    }

    void installOutputAndRefusalsWhileInstalling()
    {
        // The install script waits for a file the test creates, so the test can look at the
        // container while it is installing and watch its output on the WebSocket.
        QString path;
        const QString vol = env->createVolume(&path);
        const QString id = env->id(QStringLiteral("gated"));
        const int port = freePort();
        QVERIFY(env->addPort(port));
        const QString script = QStringLiteral(
            "#!/bin/bash\necho install-begin\nwhile [ ! -f /home/container/go ]; do sleep 0.1; done\n"
            "echo \"install-line-A in $(pwd)\"\necho install-line-B >&2\nls /app/data\necho installed > "
            "installed.txt\n");
        const Reply r =
            env->create(env->body(id, vol, QStringLiteral("sleep 3600"),
                                  {{QStringLiteral("install_script"), script},
                                   {QStringLiteral("ports"),
                                    QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("0.0.0.0")},
                                                           {QStringLiteral("port"), port}}}}}));
        QCOMPARE(r.status, 201);
        Viewer viewer(env->wsUrl(id));
        QVERIFY(viewer.waitConnected());
        QVERIFY(waitUntil([&] {
            return dockerStatus(QStringLiteral("lightd_install-") + id) == QLatin1String("running");
        }));
        QCOMPARE(env->state(id), QStringLiteral("installing"));

        for (const char *verb : {"start", "stop", "restart", "suspend", "resume", "kill"}) {
            const Reply p = env->power(id, QLatin1StringView(verb));
            QCOMPARE(p.status, 409);
            QCOMPARE(p.code(), QStringLiteral("invalid_state"));
        }
        const Reply rb = env->post(QStringLiteral("/containers/%1/rebind-network").arg(id),
                                   {{QStringLiteral("ports"), QJsonArray()}});
        QCOMPARE(rb.status, 409);
        QCOMPARE(rb.error(), QStringLiteral("Cannot rebind network while container is installing"));
        QCOMPARE(env->poolEntry(port).value(QStringLiteral("in_use")).toBool(), true); // unchanged
        QCOMPARE(env->post(QStringLiteral("/containers/%1/reinstall").arg(id)).status, 409);
        QCOMPARE(env->command(id, QStringLiteral("hi")).status, 409);

        QFile go(path + QStringLiteral("/go"));
        QVERIFY(go.open(QIODevice::WriteOnly));
        go.close();
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        QVERIFY(waitUntil([&] {
            return viewer.data(QStringLiteral("install")).contains(QStringLiteral("install-line-B"));
        }));
        const QStringList install = viewer.data(QStringLiteral("install"));
        QVERIFY2(install.contains(QStringLiteral("install-line-A in /home/container")),
                 qPrintable(install.join(QLatin1Char('\n'))));
        QVERIFY2(install.contains(QStringLiteral("install.sh")),
                 qPrintable(install.join(QLatin1Char('\n')))); // /app/data
        // each line once (one attach stream, no replay on top of the live output)
        QCOMPARE(install.count(QStringLiteral("install-line-A in /home/container")), 1);
        QCOMPARE(install.count(QStringLiteral("install-line-B")), 1);
        QVERIFY(viewer.data(QStringLiteral("event")).contains(QStringLiteral("ready")));
        QVERIFY(QFile::exists(path + QStringLiteral("/installed.txt")));
        QVERIFY(!dockerExists(QStringLiteral("lightd_install-") + id));
    }

  private:
    std::unique_ptr<Env> env;
    QString volume, volumePath;
};

QTEST_GUILESS_MAIN(TestContainerLifecycle)
#include "tst_ct_lifecycle.moc"
