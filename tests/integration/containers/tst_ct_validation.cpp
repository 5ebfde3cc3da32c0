// Every bad input of API.md section 3 is refused with nothing created; delete frees the ports and
// removes the Docker container but keeps the volume; a daemon without Docker answers 503
// docker_unavailable for Docker-backed calls while ports and volumes keep working.
#include "ContainerTestUtil.h"

#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ct;

Q_DECLARE_METATYPE(QJsonObject)

namespace {
QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("{\"v\":") + text + "}").object().value(QStringLiteral("v"));
}
} // namespace

class TestContainerValidation : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        env = std::make_unique<Env>(QStringLiteral("valid"));
        QVERIFY(env->started);
        volume = env->createVolume();
        freeP = freePort();
        takenP = freePort();
        QVERIFY(freeP != takenP);
        QVERIFY(env->addPort(freeP));
        QVERIFY(env->addPort(takenP));
        QVERIFY(env->createReady(env->id(QStringLiteral("holder")), volume, QStringLiteral("sleep 3600"),
                                 {{QStringLiteral("ports"),
                                   QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("0.0.0.0")},
                                                          {QStringLiteral("port"), takenP}}}}}));
    }
    void cleanupTestCase() { env.reset(); }

    void badInputsCreateNothing_data()
    {
        QTest::addColumn<QJsonObject>("patch");
        QTest::addColumn<QStringList>("remove");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString inv = QStringLiteral("invalid_field"), mis = QStringLiteral("missing_field");
        const QString na = QStringLiteral("mount_not_allowed");
        auto port = [](int p) {
            return QJsonArray{
                QJsonObject{{QStringLiteral("ip"), QStringLiteral("0.0.0.0")}, {QStringLiteral("port"), p}}};
        };
        QTest::newRow("internal_id regex")
            << QJsonObject{{QStringLiteral("internal_id"), QStringLiteral("bad id!")}} << QStringList() << 400
            << inv << QStringLiteral("internal_id");
        QTest::newRow("internal_id leading dash")
            << QJsonObject{{QStringLiteral("internal_id"), QStringLiteral("-x")}} << QStringList() << 400
            << inv << QStringLiteral("internal_id");
        QTest::newRow("internal_id 65")
            << QJsonObject{{QStringLiteral("internal_id"), QString(65, QLatin1Char('a'))}} << QStringList()
            << 400 << inv << QStringLiteral("internal_id");
        QTest::newRow("duplicate id")
            << QJsonObject{{QStringLiteral("internal_id"), QStringLiteral("@holder")}} << QStringList() << 409
            << QStringLiteral("container_exists") << QString();
        QTest::newRow("no internal_id") << QJsonObject() << QStringList{QStringLiteral("internal_id")} << 400
                                        << mis << QStringLiteral("internal_id");
        QTest::newRow("no image") << QJsonObject() << QStringList{QStringLiteral("image")} << 400 << mis
                                  << QStringLiteral("image");
        QTest::newRow("no volume_id") << QJsonObject() << QStringList{QStringLiteral("volume_id")} << 400
                                      << mis << QStringLiteral("volume_id");
        QTest::newRow("no startup_command") << QJsonObject() << QStringList{QStringLiteral("startup_command")}
                                            << 400 << mis << QStringLiteral("startup_command");
        QTest::newRow("unknown volume")
            << QJsonObject{{QStringLiteral("volume_id"),
                            QStringLiteral("00000000-0000-0000-0000-000000000000")}}
            << QStringList() << 404 << QStringLiteral("volume_not_found") << QString();
        QTest::newRow("port not in pool") << QJsonObject{{QStringLiteral("ports"), port(1)}} << QStringList()
                                          << 400 << QStringLiteral("port_not_in_pool") << QString();
        QTest::newRow("port in use") << QJsonObject{{QStringLiteral("ports"), port(-2)}} << QStringList()
                                     << 409 << QStringLiteral("port_in_use") << QString();
        QTest::newRow("free+used port")
            << QJsonObject{{QStringLiteral("ports"), json("[]")}} << QStringList{QStringLiteral("@both")}
            << 409 << QStringLiteral("port_in_use") << QString();
        QTest::newRow("port out of range") << QJsonObject{{QStringLiteral("ports"), port(70000)}}
                                           << QStringList() << 400 << inv << QStringLiteral("ports");
        QTest::newRow("bad start_pattern")
            << QJsonObject{{QStringLiteral("start_pattern"), QStringLiteral("Done [")}} << QStringList()
            << 400 << inv << QStringLiteral("start_pattern");
        QTest::newRow("memory too small")
            << QJsonObject{{QStringLiteral("limits"), json(R"({"memory":1024})")}} << QStringList() << 400
            << inv << QStringLiteral("limits.memory");
        QTest::newRow("memory not a number")
            << QJsonObject{{QStringLiteral("limits"), json(R"({"memory":"512m"})")}} << QStringList() << 400
            << inv << QStringLiteral("limits.memory");
        QTest::newRow("cpu negative") << QJsonObject{{QStringLiteral("limits"), json(R"({"cpu":-1})")}}
                                      << QStringList() << 400 << inv << QStringLiteral("limits.cpu");
        QTest::newRow("mount /") << QJsonObject{{QStringLiteral("mount"), json(R"({"/host":"/"})")}}
                                 << QStringList() << 400 << na << QStringLiteral("mount");
        QTest::newRow("mount /etc") << QJsonObject{{QStringLiteral("mount"), json(R"({"/etc-host":"/etc"})")}}
                                    << QStringList() << 400 << na << QStringLiteral("mount");
        QTest::newRow("mount docker socket")
            << QJsonObject{{QStringLiteral("mount"), json(R"({"/d.sock":"/var/run/docker.sock"})")}}
            << QStringList() << 400 << na << QStringLiteral("mount");
        QTest::newRow("mount /proc") << QJsonObject{{QStringLiteral("mount"), json(R"({"/p":"/proc"})")}}
                                     << QStringList() << 400 << na << QStringLiteral("mount");
        QTest::newRow("mount /sys/fs")
            << QJsonObject{{QStringLiteral("mount"), json(R"({"/s":"/sys/fs/cgroup"})")}} << QStringList()
            << 400 << na << QStringLiteral("mount");
        QTest::newRow("mount traversal")
            << QJsonObject{{QStringLiteral("mount"), json(R"({"/s":"/srv/../etc"})")}} << QStringList() << 400
            << inv << QStringLiteral("mount");
        QTest::newRow("env name") << QJsonObject{{QStringLiteral("env"), json(R"({"A-B":"1"})")}}
                                  << QStringList() << 400 << inv << QStringLiteral("env");
        QTest::newRow("image") << QJsonObject{{QStringLiteral("image"), QStringLiteral("UPPER CASE")}}
                               << QStringList() << 400 << inv << QStringLiteral("image");
    }
    void badInputsCreateNothing()
    {
        QFETCH(QJsonObject, patch);
        QFETCH(QStringList, remove);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const QString id = env->id(QStringLiteral("bad"));
        QJsonObject b = env->body(id, volume, QStringLiteral("sleep 1"));
        for (auto it = patch.constBegin(); it != patch.constEnd(); ++it)
            b.insert(it.key(), it.value());
        if (b.value(QStringLiteral("internal_id")).toString() == QLatin1String("@holder"))
            b.insert(QStringLiteral("internal_id"), env->id(QStringLiteral("holder")));
        if (b.value(QStringLiteral("ports")).toArray().size() ==
            1) { // -2: the taken port, 1: a port outside the pool
            QJsonObject p = b.value(QStringLiteral("ports")).toArray().first().toObject();
            if (p.value(QStringLiteral("port")).toInt() == -2)
                p.insert(QStringLiteral("port"), takenP);
            else if (p.value(QStringLiteral("port")).toInt() == 1)
                p.insert(QStringLiteral("port"), notInPool());
            b.insert(QStringLiteral("ports"), QJsonArray{p});
        }
        for (const auto &k : remove) {
            if (k == QLatin1String("@both"))
                b.insert(QStringLiteral("ports"),
                         QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("0.0.0.0")},
                                                {QStringLiteral("port"), freeP}},
                                    QJsonObject{{QStringLiteral("host_port"), takenP}}});
            else
                b.remove(k);
        }
        const int before = env->containerCount();
        const Reply r = env->create(b);
        QVERIFY2(r.status == status, qPrintable(r.dump()));
        QCOMPARE(r.code(), code);
        if (!field.isEmpty())
            QVERIFY2(r.error().contains(field), qPrintable(r.dump()));
        // nothing created, nothing claimed
        QCOMPARE(env->containerCount(), before);
        QCOMPARE(env->get(QStringLiteral("/containers/") + id).status, 404);
        QVERIFY(!dockerExists(Env::dockerName(id)));
        QCOMPARE(env->poolEntry(freeP).value(QStringLiteral("in_use")).toBool(), false);
        QCOMPARE(env->poolEntry(takenP).value(QStringLiteral("container")).toString(),
                 env->id(QStringLiteral("holder")));
    }

    void malformedBodies()
    {
        QCOMPARE(env->callRaw("POST", QStringLiteral("/containers"), "{not json").status, 400);
        QCOMPARE(env->callRaw("POST", QStringLiteral("/containers"), "[1,2]").status, 400);
        QCOMPARE(env->callRaw("POST", QStringLiteral("/containers"), "").status, 400);
        QCOMPARE(env->get(QStringLiteral("/containers/no-such")).code(),
                 QStringLiteral("container_not_found"));
        QCOMPARE(env->power(QStringLiteral("no-such"), QStringLiteral("start")).status, 404);
        QCOMPARE(env->call("DELETE", QStringLiteral("/containers/no-such")).status, 404);
        const QString holder = env->id(QStringLiteral("holder"));
        QCOMPARE(env->post(QStringLiteral("/containers/%1/start-pattern").arg(holder),
                           {{QStringLiteral("start_pattern"), QStringLiteral("(")}})
                     .status,
                 400);
        QCOMPARE(env->post(QStringLiteral("/containers/%1/startup").arg(holder), QJsonObject{}).status, 400);
        QCOMPARE(env->post(QStringLiteral("/containers/%1/volumes").arg(holder),
                           {{QStringLiteral("volumes"), json(R"({"/x":"/etc"})")}})
                     .status,
                 400);
        QCOMPARE(env->record(holder).value(QStringLiteral("mount")).toObject(), QJsonObject());
    }

    void deleteFreesPortsKeepsVolume()
    {
        QString path;
        const QString vol = env->createVolume(&path);
        const QString id = env->id(QStringLiteral("del"));
        QVERIFY(
            env->createReady(id, vol, QStringLiteral("echo data > from-server.txt; echo up; sleep 3600"),
                             {{QStringLiteral("start_pattern"), QStringLiteral("^up$")},
                              {QStringLiteral("install_script"), QStringLiteral("echo i > from-install.txt")},
                              {QStringLiteral("ports"),
                               QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("0.0.0.0")},
                                                      {QStringLiteral("port"), freeP}}}}}));
        QCOMPARE(env->poolEntry(freeP).value(QStringLiteral("container")).toString(), id);
        // a volume in use cannot be deleted
        QCOMPARE(env->call("DELETE", QStringLiteral("/volumes/") + vol).status, 409);
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QVERIFY(waitUntil([&] { return QFile::exists(path + QStringLiteral("/from-server.txt")); }));
        const QString dockerId = env->record(id).value(QStringLiteral("container_id")).toString();

        const Reply d = env->call("DELETE", QStringLiteral("/containers/") + id);
        QCOMPARE(d.status, 200);
        QCOMPARE(d.json(), (QJsonObject{{QStringLiteral("message"),
                                         QStringLiteral("Container deleted successfully")}}));
        QCOMPARE(env->get(QStringLiteral("/containers/") + id).status, 404);
        QVERIFY(!dockerExists(dockerId));
        QVERIFY(!dockerExists(Env::dockerName(id)));
        QCOMPARE(env->poolEntry(freeP).value(QStringLiteral("in_use")).toBool(), false);
        QCOMPARE(env->poolEntry(freeP).value(QStringLiteral("container")).toString(), QString());
        QVERIFY(QFile::exists(path + QStringLiteral("/from-server.txt")));
        QVERIFY(QFile::exists(path + QStringLiteral("/from-install.txt")));
        QCOMPARE(env->get(QStringLiteral("/volumes/") + vol).status, 200);
        // the id can be used again, with the freed port
        QVERIFY(env->createReady(id, vol, QStringLiteral("sleep 1"),
                                 {{QStringLiteral("ports"),
                                   QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("0.0.0.0")},
                                                          {QStringLiteral("port"), freeP}}}}}));
        QCOMPARE(env->call("DELETE", QStringLiteral("/containers/") + id).status, 200);
        QCOMPARE(env->poolEntry(freeP).value(QStringLiteral("in_use")).toBool(), false);
    }

    void deleteWhileInstalling()
    {
        QString path;
        const QString vol = env->createVolume(&path);
        const QString id = env->id(QStringLiteral("delinst"));
        const QString installName = QStringLiteral("lightd_install-") + id;
        QCOMPARE(
            env->create(env->body(id, vol, QStringLiteral("sleep 1"),
                                  {{QStringLiteral("install_script"),
                                    QStringLiteral("echo waiting; while [ ! -f go ]; do sleep 0.1; done")}}))
                .status,
            201);
        QVERIFY(waitUntil([&] { return dockerStatus(installName) == QLatin1String("running"); }, 30000));
        QCOMPARE(env->call("DELETE", QStringLiteral("/containers/") + id).status, 200);
        QCOMPARE(env->get(QStringLiteral("/containers/") + id).status, 404);
        QVERIFY(!dockerExists(installName));
        // the interrupted install does not go on to create anything
        QVERIFY(env->createReady(env->id(QStringLiteral("after-delinst")), vol, QStringLiteral("sleep 1"),
                                 {{QStringLiteral("install_script"), QStringLiteral("echo next")}}));
        QVERIFY(!dockerExists(installName));
        QVERIFY(!dockerExists(Env::dockerName(id)));
        QVERIFY(QDir(path).exists());
    }

    void engineKnownOnceListening()
    {
        // The first request after "listening" already sees the engine: no start-up 503.
        Env fresh(QStringLiteral("fresh"), {}, false);
        QVERIFY(fresh.startDaemon(false));
        QCOMPARE(fresh.get(QStringLiteral("/system/metrics"))
                     .json()
                     .value(QStringLiteral("docker_available"))
                     .toBool(),
                 true);
        const QString vol = fresh.createVolume();
        const QString id = fresh.id(QStringLiteral("first"));
        const Reply r = fresh.create(fresh.body(id, vol, QStringLiteral("sleep 1")));
        QVERIFY2(r.status == 201, qPrintable(r.dump()));
    }

    void dockerDown()
    {
        Env down(QStringLiteral("down"),
                 QJsonObject{{QStringLiteral("docker"),
                              QJsonObject{{QStringLiteral("socket_path"),
                                           QStringLiteral("/nonexistent/lightd-test/docker.sock")}}}});
        QVERIFY(down.started);
        // non-Docker routes work
        QString path;
        const QString vol = down.createVolume(&path);
        QVERIFY(!vol.isEmpty());
        QCOMPARE(down.get(QStringLiteral("/volumes/") + vol).status, 200);
        const int p = freePort();
        QVERIFY(down.addPort(p));
        QCOMPARE(down.get(QStringLiteral("/network/ports")).status, 200);
        QCOMPARE(down.get(QStringLiteral("/containers")).status, 200);
        // Docker-backed ones answer 503, having created nothing
        const QString id = down.id(QStringLiteral("x"));
        const Reply r =
            down.create(down.body(id, vol, QStringLiteral("sleep 1"),
                                  {{QStringLiteral("ports"),
                                    QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("0.0.0.0")},
                                                           {QStringLiteral("port"), p}}}}}));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.code(), QStringLiteral("docker_unavailable"));
        QCOMPARE(down.containerCount(), 0);
        QCOMPARE(down.poolEntry(p).value(QStringLiteral("in_use")).toBool(), false);
        // validation still comes first
        QCOMPARE(down.create(down.body(QStringLiteral("-bad"), vol, QStringLiteral("x"))).status, 400);
        QCOMPARE(down.get(QStringLiteral("/health")).status, 200);
    }

    void dockerDownWithExistingContainers()
    {
        // The same daemon and data, restarted with the engine unreachable.
        const QString holder = env->id(QStringLiteral("holder"));
        const QJsonObject sftp{{QStringLiteral("enabled"), false}, {QStringLiteral("port"), 2022}};
        QVERIFY(env->daemon->stop());
        env->daemon->writeConfig({{QStringLiteral("sftp"), sftp},
                                  {QStringLiteral("docker"),
                                   QJsonObject{{QStringLiteral("socket_path"),
                                                QStringLiteral("/nonexistent/lightd-test/docker.sock")}}}});
        QVERIFY(env->daemon->start());
        const QString base = QStringLiteral("/containers/") + holder;
        const QList<QPair<QByteArray, QString>> dockerBacked{
            {"POST", base + QStringLiteral("/start")},
            {"POST", base + QStringLiteral("/restart")},
            {"POST", base + QStringLiteral("/reinstall")},
            {"POST", base + QStringLiteral("/rebind-network")},
            {"POST", base + QStringLiteral("/resources")},
            {"GET", base + QStringLiteral("/resources")},
            {"DELETE", base},
        };
        for (const auto &[method, path] : dockerBacked) {
            QJsonObject body;
            if (path.endsWith(QLatin1String("rebind-network")))
                body.insert(QStringLiteral("ports"), QJsonArray());
            if (path.endsWith(QLatin1String("resources")) && method == "POST")
                body.insert(QStringLiteral("memory"), 64 * 1024 * 1024);
            const Reply r = env->call(method, path, body, method == "POST");
            QVERIFY2(r.status == 503 && r.code() == QLatin1String("docker_unavailable"),
                     qPrintable(path + QLatin1Char(' ') + r.dump()));
        }
        // the rest keeps working
        QCOMPARE(env->get(base).status, 200);
        QCOMPARE(env->state(holder), QStringLiteral("ready"));
        QCOMPARE(env->get(base + QStringLiteral("/logs")).status, 200);
        QCOMPARE(env->get(QStringLiteral("/network/ports")).status, 200);
        QCOMPARE(env->poolEntry(takenP).value(QStringLiteral("container")).toString(), holder);
        QCOMPARE(env->get(QStringLiteral("/volumes")).status, 200);
        QVERIFY(!env->createVolume().isEmpty());

        // and with the engine back, everything is as it was
        QVERIFY(env->daemon->stop());
        env->daemon->writeConfig({{QStringLiteral("sftp"), sftp}});
        QVERIFY(env->startDaemon());
        QVERIFY(waitUntil([&] { return env->power(holder, QStringLiteral("start")).status == 202; }));
        QVERIFY(env->waitState(holder, QStringLiteral("running")));
        QCOMPARE(env->power(holder, QStringLiteral("kill")).status, 202);
        QVERIFY(env->waitState(holder, QStringLiteral("ready")));
    }

  private:
    int notInPool()
    {
        int p = freePort();
        while (p == freeP || p == takenP)
            p = freePort();
        return p;
    }
    std::unique_ptr<Env> env;
    QString volume;
    int freeP = 0, takenP = 0;
};

QTEST_GUILESS_MAIN(TestContainerValidation)
#include "tst_ct_validation.moc"
