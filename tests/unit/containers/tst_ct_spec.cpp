// Request validation of POST /containers (API.md section 3) and the engine create bodies built from
// a record: tables of bad inputs, each refused with 400 naming the field.
#include "api/ContainerSpecParser.h"
#include "containers/ContainerSpec.h"
#include "containers/DockerSpec.h"
#include "lightd/DomainError.h"
#include "lightd/ErrorStatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace lightd;
using namespace lightd::containers;

Q_DECLARE_METATYPE(QJsonObject)

namespace {
QJsonObject base()
{
    return QJsonObject{{QStringLiteral("internal_id"), QStringLiteral("srv-1")},
                       {QStringLiteral("image"), QStringLiteral("lightd-test:busybox")},
                       {QStringLiteral("volume_id"), QStringLiteral("0d3c1c2e-aaaa-bbbb-cccc-1234567890ab")},
                       {QStringLiteral("startup_command"), QStringLiteral("echo hi")}};
}

QJsonObject with(const char *key, const QJsonValue &v)
{
    QJsonObject b = base();
    b.insert(QLatin1StringView(key), v);
    return b;
}

QJsonObject without(const char *key)
{
    QJsonObject b = base();
    b.remove(QLatin1StringView(key));
    return b;
}

QJsonValue json(const char *text)
{
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray("{\"v\":") + text + "}");
    return d.object().value(QStringLiteral("v"));
}

ContainerRecord sampleRecord()
{
    ContainerRecord r;
    r.dto.internalId = QStringLiteral("mc-1");
    r.dto.image = QStringLiteral("lightd-test:busybox");
    r.dto.startupCommand = QStringLiteral("java -jar server.jar");
    PortBindingDto p;
    p.ip = QStringLiteral("0.0.0.0");
    p.hostPort = 25566;
    p.containerPort = 25565;
    p.protocol = QStringLiteral("tcp");
    PortBindingDto u = p;
    u.protocol = QStringLiteral("udp");
    u.ip = QStringLiteral("127.0.0.1");
    r.dto.ports = {p, u};
    r.dto.limits.memory = 512 * 1024 * 1024;
    r.dto.limits.cpu = 1.5;
    r.dto.env = {{QStringLiteral("EULA"), QStringLiteral("true")}};
    r.dto.mount = {{QStringLiteral("/srv/shared"), QStringLiteral("/srv/lightd-shared")}};
    r.installScript = QStringLiteral("echo install");
    return r;
}

const ContainerPaths kPaths{QStringLiteral("/data/volumes/v1"),
                            QStringLiteral("/data/containers/mc-1"),
                            {{QStringLiteral("/srv/shared"), QStringLiteral("/srv/lightd-shared")}}};
} // namespace

class TestContainerSpec : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void internalIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QStringLiteral("minecraft-001") << true;
        QTest::newRow("one char") << QStringLiteral("a") << true;
        QTest::newRow("dots underscores") << QStringLiteral("A1_b.c-d") << true;
        QTest::newRow("64 chars") << QString(64, QLatin1Char('a')) << true;
        QTest::newRow("65 chars") << QString(65, QLatin1Char('a')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("leading dash") << QStringLiteral("-a") << false;
        QTest::newRow("leading dot") << QStringLiteral(".a") << false;
        QTest::newRow("leading underscore") << QStringLiteral("_a") << false;
        QTest::newRow("space") << QStringLiteral("a b") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("colon") << QStringLiteral("a:b") << false;
        QTest::newRow("non-ascii") << QStringLiteral("caf\u00e9") << false;
        QTest::newRow("newline") << QStringLiteral("a\n") << false;
    }
    void internalIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(spec::isValidInternalId(id), valid);
    }

    void badCreateBodies_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        const QString inv = QStringLiteral("invalid_field"), mis = QStringLiteral("missing_field");
        const QString na = QStringLiteral("mount_not_allowed"); // system paths: refused whatever the config
        QTest::newRow("no internal_id") << without("internal_id") << QStringLiteral("internal_id") << mis;
        QTest::newRow("internal_id regex")
            << with("internal_id", QStringLiteral("-x")) << QStringLiteral("internal_id") << inv;
        QTest::newRow("internal_id too long")
            << with("internal_id", QString(65, QLatin1Char('a'))) << QStringLiteral("internal_id") << inv;
        QTest::newRow("internal_id number") << with("internal_id", 5) << QStringLiteral("internal_id") << inv;
        QTest::newRow("no image") << without("image") << QStringLiteral("image") << mis;
        QTest::newRow("image spaces")
            << with("image", QStringLiteral("bad image")) << QStringLiteral("image") << inv;
        QTest::newRow("image newline")
            << with("image", QStringLiteral("debian:12\n")) << QStringLiteral("image") << inv;
        QTest::newRow("internal_id newline")
            << with("internal_id", QStringLiteral("srv\n")) << QStringLiteral("internal_id") << inv;
        QTest::newRow("env name newline")
            << with("env", QJsonObject{{QStringLiteral("A\n"), QStringLiteral("1")}}) << QStringLiteral("env")
            << inv;
        QTest::newRow("image option")
            << with("image", QStringLiteral("--privileged")) << QStringLiteral("image") << inv;
        QTest::newRow("no volume_id") << without("volume_id") << QStringLiteral("volume_id") << mis;
        QTest::newRow("no startup_command")
            << without("startup_command") << QStringLiteral("startup_command") << mis;
        QTest::newRow("startup_command NUL") << with("startup_command", QStringLiteral("a") + QChar(0))
                                             << QStringLiteral("startup_command") << inv;
        QTest::newRow("start_pattern regex")
            << with("start_pattern", QStringLiteral("Done (")) << QStringLiteral("start_pattern") << inv;
        QTest::newRow("start_pattern number")
            << with("start_pattern", 3) << QStringLiteral("start_pattern") << inv;
        QTest::newRow("ports not array")
            << with("ports", QStringLiteral("25565")) << QStringLiteral("ports") << inv;
        QTest::newRow("ports entry not object")
            << with("ports", json("[25565]")) << QStringLiteral("ports") << inv;
        QTest::newRow("port too big")
            << with("ports", json(R"([{"ip":"0.0.0.0","port":70000}])")) << QStringLiteral("ports") << inv;
        QTest::newRow("port zero") << with("ports", json(R"([{"ip":"0.0.0.0","port":0}])"))
                                   << QStringLiteral("ports") << inv;
        QTest::newRow("port bad ip") << with("ports", json(R"([{"ip":"256.1.1.1","port":80}])"))
                                     << QStringLiteral("ports") << inv;
        QTest::newRow("port protocol")
            << with("ports", json(R"([{"ip":"0.0.0.0","port":80,"protocol":"sctp"}])"))
            << QStringLiteral("ports") << inv;
        QTest::newRow("host_port zero")
            << with("ports", json(R"([{"host_port":0}])")) << QStringLiteral("ports") << inv;
        QTest::newRow("container_port big")
            << with("ports", json(R"([{"host_port":80,"container_port":65536}])")) << QStringLiteral("ports")
            << inv;
        QTest::newRow("limits not object") << with("limits", 5) << QStringLiteral("limits") << inv;
        QTest::newRow("memory tiny") << with("limits", json(R"({"memory":1000})"))
                                     << QStringLiteral("limits.memory") << inv;
        QTest::newRow("memory huge") << with("limits", json(R"({"memory":2199023255552})"))
                                     << QStringLiteral("limits.memory") << inv;
        QTest::newRow("memory fraction")
            << with("limits", json(R"({"memory":5000000.5})")) << QStringLiteral("limits.memory") << inv;
        QTest::newRow("memory string")
            << with("limits", json(R"({"memory":"1G"})")) << QStringLiteral("limits.memory") << inv;
        QTest::newRow("memory negative")
            << with("limits", json(R"({"memory":-1})")) << QStringLiteral("limits.memory") << inv;
        QTest::newRow("cpu negative")
            << with("limits", json(R"({"cpu":-1})")) << QStringLiteral("limits.cpu") << inv;
        QTest::newRow("cpu tiny") << with("limits", json(R"({"cpu":0.001})")) << QStringLiteral("limits.cpu")
                                  << inv;
        QTest::newRow("cpu string") << with("limits", json(R"({"cpu":"2"})")) << QStringLiteral("limits.cpu")
                                    << inv;
        QTest::newRow("cpu huge") << with("limits", json(R"({"cpu":5000})")) << QStringLiteral("limits.cpu")
                                  << inv;
        QTest::newRow("mount /") << with("mount", json(R"({"/host":"/"})")) << QStringLiteral("mount") << na;
        QTest::newRow("mount /etc") << with("mount", json(R"({"/cfg":"/etc"})")) << QStringLiteral("mount")
                                    << na;
        QTest::newRow("mount /etc/passwd")
            << with("mount", json(R"({"/cfg":"/etc/passwd"})")) << QStringLiteral("mount") << na;
        QTest::newRow("mount docker.sock")
            << with("mount", json(R"({"/s":"/var/run/docker.sock"})")) << QStringLiteral("mount") << na;
        QTest::newRow("mount /proc/1")
            << with("mount", json(R"({"/p":"/proc/1"})")) << QStringLiteral("mount") << na;
        QTest::newRow("mount /root") << with("mount", json(R"({"/r":"/root"})")) << QStringLiteral("mount")
                                     << na;
        QTest::newRow("mount docker data")
            << with("mount", json(R"({"/d":"/var/lib/docker/volumes"})")) << QStringLiteral("mount") << na;
        QTest::newRow("mount dotdot")
            << with("mount", json(R"({"/d":"/srv/../etc"})")) << QStringLiteral("mount") << inv;
        QTest::newRow("mount relative host")
            << with("mount", json(R"({"/d":"srv"})")) << QStringLiteral("mount") << inv;
        QTest::newRow("mount relative target")
            << with("mount", json(R"({"d":"/srv"})")) << QStringLiteral("mount") << inv;
        QTest::newRow("mount over volume")
            << with("mount", json(R"({"/home/container/x":"/srv"})")) << QStringLiteral("mount") << inv;
        QTest::newRow("mount over data")
            << with("mount", json(R"({"/app/data":"/srv"})")) << QStringLiteral("mount") << inv;
        QTest::newRow("mount colon") << with("mount", json(R"({"/d":"/srv:ro"})")) << QStringLiteral("mount")
                                     << inv;
        QTest::newRow("mount value") << with("mount", json(R"({"/d":5})")) << QStringLiteral("mount") << inv;
        QTest::newRow("env name") << with("env", json(R"({"1BAD":"x"})")) << QStringLiteral("env") << inv;
        QTest::newRow("env value") << with("env", json(R"({"A":5})")) << QStringLiteral("env") << inv;
        QTest::newRow("env not object") << with("env", json(R"(["A=1"])")) << QStringLiteral("env") << inv;
        QTest::newRow("install_script number")
            << with("install_script", 1) << QStringLiteral("install_script") << inv;
        QTest::newRow("install_script huge")
            << with("install_script", QString(1024 * 1024 + 1, QLatin1Char('x')))
            << QStringLiteral("install_script") << inv;
    }
    void badCreateBodies()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        QFETCH(QString, code);
        try {
            api::spec::parseCreate(body);
            QFAIL("accepted");
        } catch (const DomainError &e) {
            QCOMPARE(codes::httpStatus(e.code()), 400);
            QCOMPARE(e.code(), code);
            QVERIFY2(e.message().contains(field), qPrintable(e.message()));
        }
    }

    void goodCreateBody()
    {
        QJsonObject b = base();
        b.insert(QStringLiteral("start_pattern"), QStringLiteral("Done \\(\\d+s\\)"));
        b.insert(QStringLiteral("ports"), json(R"([{"ip":"0.0.0.0","port":25565,"protocol":"tcp"},
                                                   {"host_port":25566,"container_port":19132,"protocol":"udp"},
                                                   {"host_port":25567}])"));
        b.insert(QStringLiteral("limits"), json(R"({"memory":536870912,"cpu":1.0})"));
        b.insert(QStringLiteral("mount"), json(R"({"/srv/maps":"/srv/lightd/maps"})"));
        b.insert(QStringLiteral("env"), json(R"({"EULA":"true"})"));
        b.insert(QStringLiteral("install_script"), QStringLiteral("#!/bin/bash\necho hi"));
        const ContainerRecord r = api::spec::parseCreate(b);
        QCOMPARE(r.dto.internalId, QStringLiteral("srv-1"));
        QVERIFY(r.state == ContainerState::Installing);
        QCOMPARE(r.dto.installState, QStringLiteral("installing"));
        QCOMPARE(r.dto.startPattern, std::optional<QString>(QStringLiteral("Done \\(\\d+s\\)")));
        QCOMPARE(r.dto.ports.size(), 3);
        QCOMPARE(r.dto.ports[0].hostPort, 25565);
        QCOMPARE(r.dto.ports[0].containerPort, 25565); // defaults to the host port
        QCOMPARE(r.dto.ports[0].ip, QStringLiteral("0.0.0.0"));
        QCOMPARE(r.dto.ports[1].hostPort, 25566);
        QCOMPARE(r.dto.ports[1].containerPort, 19132);
        QCOMPARE(r.dto.ports[1].protocol, QStringLiteral("udp"));
        QCOMPARE(r.dto.ports[2].containerPort, 25567);
        QCOMPARE(r.dto.ports[2].protocol, QStringLiteral("tcp"));
        QCOMPARE(r.dto.limits.memory, qint64(536870912));
        QCOMPARE(r.dto.limits.cpu, 1.0);
        QCOMPARE(r.dto.mount.value(QStringLiteral("/srv/maps")), QStringLiteral("/srv/lightd/maps"));
        QCOMPARE(r.dto.env.value(QStringLiteral("EULA")), QStringLiteral("true"));
        QCOMPARE(r.installScript, QStringLiteral("#!/bin/bash\necho hi"));
        QVERIFY(r.dto.createdAt > 0);
    }

    void optionalFieldsMayBeNullOrEmpty()
    {
        QJsonObject b = base();
        b.insert(QStringLiteral("start_pattern"), QJsonValue());
        b.insert(QStringLiteral("limits"), json(R"({"memory":0,"cpu":0})"));
        ContainerRecord r = api::spec::parseCreate(b);
        QVERIFY(!r.dto.startPattern);
        QCOMPARE(r.dto.limits.memory, qint64(0));
        b.insert(QStringLiteral("start_pattern"), QString());
        r = api::spec::parseCreate(b);
        QVERIFY(!r.dto.startPattern);
        QVERIFY(r.dto.ports.isEmpty());
    }

    void serverBody()
    {
        const ContainerRecord r = sampleRecord();
        const QJsonObject c = dockerspec::serverConfig(r, kPaths);
        QCOMPARE(c.value(QStringLiteral("Image")).toString(), r.dto.image);
        QCOMPARE(c.value(QStringLiteral("WorkingDir")).toString(), QStringLiteral("/home/container"));
        QCOMPARE(c.value(QStringLiteral("Entrypoint")).toArray(),
                 (QJsonArray{QStringLiteral("/bin/sh"), QStringLiteral("/app/data/entrypoint.sh")}));
        QVERIFY(c.value(QStringLiteral("OpenStdin")).toBool());
        QVERIFY(!c.value(QStringLiteral("StdinOnce")).toBool());
        QVERIFY(!c.value(QStringLiteral("Tty")).toBool());
        const QJsonObject labels = c.value(QStringLiteral("Labels")).toObject();
        QCOMPARE(labels.value(QStringLiteral("lightd.internal_id")).toString(), QStringLiteral("mc-1"));
        QCOMPARE(labels.value(QStringLiteral("lightd.role")).toString(), QStringLiteral("server"));
        QCOMPARE(labels.value(QStringLiteral("lightd.managed")).toString(), QStringLiteral("true"));
        const QJsonArray env = c.value(QStringLiteral("Env")).toArray();
        QVERIFY(env.contains(QStringLiteral("EULA=true")));
        QVERIFY(env.contains(QStringLiteral("HOME=/home/container")));
        QCOMPARE(c.value(QStringLiteral("ExposedPorts")).toObject().keys(),
                 (QStringList{QStringLiteral("25565/tcp"), QStringLiteral("25565/udp")}));

        const QJsonObject h = c.value(QStringLiteral("HostConfig")).toObject();
        QCOMPARE(h.value(QStringLiteral("Binds")).toArray(),
                 (QJsonArray{QStringLiteral("/data/volumes/v1:/home/container"),
                             QStringLiteral("/data/containers/mc-1:/app/data:ro"),
                             QStringLiteral("/srv/lightd-shared:/srv/shared")}));
        QCOMPARE(h.value(QStringLiteral("Memory")).toInteger(), qint64(512) * 1024 * 1024);
        QCOMPARE(h.value(QStringLiteral("MemorySwap")).toInteger(), qint64(512) * 1024 * 1024);
        QCOMPARE(h.value(QStringLiteral("NanoCpus")).toInteger(), qint64(1500000000));
        QCOMPARE(h.value(QStringLiteral("RestartPolicy")).toObject().value(QStringLiteral("Name")).toString(),
                 QStringLiteral("no"));
        const QJsonObject pb = h.value(QStringLiteral("PortBindings")).toObject();
        QCOMPARE(pb.value(QStringLiteral("25565/tcp")).toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("HostIp"), QStringLiteral("0.0.0.0")},
                                         {QStringLiteral("HostPort"), QStringLiteral("25566")}}}));
        QCOMPARE(pb.value(QStringLiteral("25565/udp")).toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("HostIp"), QStringLiteral("127.0.0.1")},
                                         {QStringLiteral("HostPort"), QStringLiteral("25566")}}}));
    }

    void serverBodyWithoutLimits()
    {
        ContainerRecord r = sampleRecord();
        r.dto.limits = {};
        r.dto.ports.clear();
        const QJsonObject h =
            dockerspec::serverConfig(r, kPaths).value(QStringLiteral("HostConfig")).toObject();
        QVERIFY(!h.contains(QStringLiteral("Memory")));
        QVERIFY(!h.contains(QStringLiteral("MemorySwap")));
        QVERIFY(!h.contains(QStringLiteral("NanoCpus")));
        QVERIFY(h.value(QStringLiteral("PortBindings")).toObject().isEmpty());
    }

    // The engine's log of a container: `local` on Docker, json-file where the engine has no
    // `local` (Podman), each with the configured size and count.
    void logDriverFollowsThePolicy()
    {
        const ContainerRecord r = sampleRecord();
        auto logOf = [](const QJsonObject &c) {
            return c.value(QStringLiteral("HostConfig"))
                .toObject()
                .value(QStringLiteral("LogConfig"))
                .toObject();
        };
        QCOMPARE(logOf(dockerspec::serverConfig(r, kPaths)).value(QStringLiteral("Type")).toString(),
                 QStringLiteral("local"));
        HostPolicy podman;
        podman.logDriver = QStringLiteral("json-file");
        podman.logMaxMb = 7;
        for (const QJsonObject &c :
             {dockerspec::serverConfig(r, kPaths, podman), dockerspec::installConfig(r, kPaths, podman)}) {
            const QJsonObject log = logOf(c);
            QCOMPARE(log.value(QStringLiteral("Type")).toString(), QStringLiteral("json-file"));
            QCOMPARE(
                log.value(QStringLiteral("Config")).toObject().value(QStringLiteral("max-size")).toString(),
                QStringLiteral("7m"));
        }
    }

    void installBody()
    {
        const ContainerRecord r = sampleRecord();
        const QJsonObject c = dockerspec::installConfig(r, kPaths);
        QCOMPARE(dockerspec::installContainerName(r), QStringLiteral("lightd_install-mc-1"));
        QCOMPARE(r.dockerName(), QStringLiteral("lightd-mc-1"));
        QCOMPARE(c.value(QStringLiteral("Image")).toString(), r.dto.image);
        QCOMPARE(c.value(QStringLiteral("Labels")).toObject().value(QStringLiteral("lightd.role")).toString(),
                 QStringLiteral("install"));
        QVERIFY(c.value(QStringLiteral("Entrypoint"))
                    .toArray()
                    .last()
                    .toString()
                    .contains(QStringLiteral("/app/data/install.sh")));
        QVERIFY(!c.contains(QStringLiteral("ExposedPorts")));
        const QJsonObject h = c.value(QStringLiteral("HostConfig")).toObject();
        // the volume and the script only: no custom mounts, no ports during the install
        QCOMPARE(h.value(QStringLiteral("Binds")).toArray(),
                 (QJsonArray{QStringLiteral("/data/volumes/v1:/home/container"),
                             QStringLiteral("/data/containers/mc-1:/app/data:ro")}));
        QVERIFY(!h.contains(QStringLiteral("PortBindings")));
        QCOMPARE(h.value(QStringLiteral("Memory")).toInteger(), qint64(512) * 1024 * 1024);
    }

    void scripts()
    {
        QVERIFY(dockerspec::entrypointScript().startsWith("#!/bin/sh\n"));
        QVERIFY(dockerspec::entrypointScript().contains("cd /home/container"));
        QCOMPARE(dockerspec::startupScript(QStringLiteral("bash -c \"echo Ready\"")),
                 QByteArray("bash -c \"echo Ready\"\n"));
        QCOMPARE(dockerspec::installScript(QStringLiteral("#!/bin/bash\necho \u00e9")),
                 QByteArray("#!/bin/bash\necho \xc3\xa9\n"));
    }
};

QTEST_GUILESS_MAIN(TestContainerSpec)
#include "tst_ct_spec.moc"
