// rebind-network (ports freed and taken, the new host port reaches the container, validation
// changes nothing) and live resource updates (docker inspect agrees; invalid values apply nothing).
#include "ContainerTestUtil.h"

#include <QTcpSocket>
#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ct;

namespace {
// Connects to 127.0.0.1:port and returns the first line the server sends (empty on failure).
QByteArray greeting(int port)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, quint16(port));
    if (!s.waitForConnected(3000))
        return {};
    QByteArray got;
    waitUntil(
        [&] {
            got += s.readAll();
            return got.contains('\n') || s.state() != QAbstractSocket::ConnectedState;
        },
        3000);
    got += s.readAll();
    return got.trimmed();
}

QJsonObject tcp(int host, int container)
{
    return QJsonObject{{QStringLiteral("host_port"), host},
                       {QStringLiteral("container_port"), container},
                       {QStringLiteral("protocol"), QStringLiteral("tcp")}};
}

QStringList hostPortsOf(const QJsonObject &inspect)
{
    QStringList out;
    const QJsonObject pb = inspect.value(QStringLiteral("HostConfig"))
                               .toObject()
                               .value(QStringLiteral("PortBindings"))
                               .toObject();
    for (auto it = pb.constBegin(); it != pb.constEnd(); ++it) {
        for (const auto &b : it.value().toArray())
            out.append(it.key() + QLatin1Char('>') +
                       b.toObject().value(QStringLiteral("HostPort")).toString());
    }
    return out;
}
} // namespace

class TestContainerNetwork : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        env = std::make_unique<Env>(QStringLiteral("net"));
        QVERIFY(env->started);
    }
    void cleanupTestCase() { env.reset(); }

    void rebindMovesPorts()
    {
        QString path;
        const QString vol = env->createVolume(&path);
        {
            QFile f(path + QStringLiteral("/greet.sh"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/bin/sh\necho hello-from-container\n");
            f.close();
            f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                             QFileDevice::ExeOther);
        }
        const int p1 = freePort(), p2 = freePort(), p3 = freePort(), notInPool = freePort();
        QVERIFY(p1 != p2 && p2 != p3 && p1 != p3);
        QVERIFY(env->addPort(p1) && env->addPort(p2) && env->addPort(p3));
        const QString id = env->id(QStringLiteral("rebind"));
        QVERIFY(env->createReady(
            id, vol, QStringLiteral("nc -ll -p 25565 -e /home/container/greet.sh & echo listening; wait"),
            {{QStringLiteral("start_pattern"), QStringLiteral("listening")},
             {QStringLiteral("ports"), QJsonArray{tcp(p1, 25565)}}}));
        QCOMPARE(env->poolEntry(p1).value(QStringLiteral("in_use")).toBool(), true);
        QCOMPARE(env->poolEntry(p1).value(QStringLiteral("container")).toString(), id);
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QVERIFY(waitUntil([&] { return greeting(p1) == "hello-from-container"; }));
        const QString firstId = env->record(id).value(QStringLiteral("container_id")).toString();

        // validation errors change nothing
        auto unchanged = [&] {
            QCOMPARE(env->poolEntry(p1).value(QStringLiteral("container")).toString(), id);
            QCOMPARE(env->poolEntry(p2).value(QStringLiteral("in_use")).toBool(), false);
            QCOMPARE(env->record(id).value(QStringLiteral("ports")).toArray().size(), 1);
            QCOMPARE(env->record(id)
                         .value(QStringLiteral("ports"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QStringLiteral("host_port"))
                         .toInt(),
                     p1);
            QCOMPARE(env->record(id).value(QStringLiteral("container_id")).toString(), firstId);
            QCOMPARE(env->state(id), QStringLiteral("running"));
        };
        const QString rebindPath = QStringLiteral("/containers/%1/rebind-network").arg(id);
        Reply r = env->post(rebindPath, {{QStringLiteral("ports"), QJsonArray{tcp(notInPool, 25565)}}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QStringLiteral("port_not_in_pool"));
        unchanged();
        QCOMPARE(env->call("PUT", QStringLiteral("/network/ports/0.0.0.0/%1/use").arg(p3),
                           {{QStringLiteral("in_use"), true}})
                     .status,
                 200);
        r = env->post(rebindPath, {{QStringLiteral("ports"), QJsonArray{tcp(p2, 25565), tcp(p3, 25566)}}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), QStringLiteral("port_in_use"));
        unchanged();
        r = env->post(rebindPath, {{QStringLiteral("ports"), QJsonArray{tcp(70000, 25565)}}});
        QCOMPARE(r.status, 400);
        unchanged();
        r = env->post(rebindPath, {{QStringLiteral("ports"), QStringLiteral("nope")}});
        QCOMPARE(r.status, 400);
        r = env->post(rebindPath, QJsonObject{});
        QCOMPARE(r.status, 400);
        unchanged();
        QCOMPARE(env->post(QStringLiteral("/containers/nope/rebind-network"),
                           {{QStringLiteral("ports"), QJsonArray()}})
                     .status,
                 404);

        // the real thing
        r = env->post(rebindPath, {{QStringLiteral("ports"), QJsonArray{tcp(p2, 25565)}}});
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("message"), QStringLiteral("Network rebinding started")},
                              {QStringLiteral("internal_id"), id}}));
        QCOMPARE(env->poolEntry(p1).value(QStringLiteral("in_use")).toBool(), false);
        QCOMPARE(env->poolEntry(p1).value(QStringLiteral("container")).toString(), QString());
        QCOMPARE(env->poolEntry(p2).value(QStringLiteral("in_use")).toBool(), true);
        QCOMPARE(env->poolEntry(p2).value(QStringLiteral("container")).toString(), id);
        // recreated with the new binding and started again, since it was running
        QVERIFY(waitUntil(
            [&] {
                const QJsonObject rec = env->record(id);
                return rec.value(QStringLiteral("container_id")).toString() != firstId &&
                       rec.value(QStringLiteral("install_state")).toString() == QLatin1String("running");
            },
            60000));
        QCOMPARE(hostPortsOf(dockerInspect(Env::dockerName(id))),
                 QStringList{QStringLiteral("25565/tcp>%1").arg(p2)});
        QVERIFY(waitUntil([&] { return greeting(p2) == "hello-from-container"; }));
        QCOMPARE(greeting(p1), QByteArray());
        // the freed port can be taken by another container
        const QString other = env->id(QStringLiteral("other"));
        QCOMPARE(env->create(env->body(other, vol, QStringLiteral("sleep 1"),
                                       {{QStringLiteral("ports"), QJsonArray{tcp(p1, 80)}}}))
                     .status,
                 201);
        QCOMPARE(env->poolEntry(p1).value(QStringLiteral("container")).toString(), other);
        QVERIFY(env->waitState(other, QStringLiteral("ready")));

        // rebinding a stopped container leaves it stopped
        QCOMPARE(env->power(id, QStringLiteral("kill")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        const QString secondId = env->record(id).value(QStringLiteral("container_id")).toString();
        QCOMPARE(env->post(rebindPath, {{QStringLiteral("ports"), QJsonArray()}}).status, 202);
        QVERIFY(waitUntil(
            [&] { return env->record(id).value(QStringLiteral("container_id")).toString() != secondId; },
            30000));
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        QCOMPARE(env->poolEntry(p2).value(QStringLiteral("in_use")).toBool(), false);
        QVERIFY(hostPortsOf(dockerInspect(Env::dockerName(id))).isEmpty());
    }

    void rebindOfAFailedContainerWaitsForItsReinstall()
    {
        const QString vol = env->createVolume();
        const int p1 = freePort(), p2 = freePort();
        QVERIFY(p1 != p2 && env->addPort(p1) && env->addPort(p2));
        const QString id = env->id(QStringLiteral("failed"));
        QCOMPARE(
            env->create(env->body(id, vol, QStringLiteral("sleep 3600"),
                                  {{QStringLiteral("install_script"), QStringLiteral("echo broken; exit 1")},
                                   {QStringLiteral("ports"), QJsonArray{tcp(p1, 80)}}}))
                .status,
            201);
        QVERIFY(env->waitState(id, QStringLiteral("failed")));
        const Reply r = env->post(QStringLiteral("/containers/%1/rebind-network").arg(id),
                                  {{QStringLiteral("ports"), QJsonArray{tcp(p2, 80)}}});
        QCOMPARE(r.status, 202);
        QCOMPARE(env->poolEntry(p1).value(QStringLiteral("in_use")).toBool(), false);
        QCOMPARE(env->poolEntry(p2).value(QStringLiteral("container")).toString(), id);
        // still failed (nothing was installed), no Docker container made behind its back
        QCOMPARE(env->state(id), QStringLiteral("failed"));
        QVERIFY(!dockerExists(Env::dockerName(id)));
        // the reinstall uses the new port
        QCOMPARE(env->post(QStringLiteral("/containers/%1/reinstall").arg(id),
                           {{QStringLiteral("install_script"), QStringLiteral("echo ok")}})
                     .status,
                 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
        QCOMPARE(hostPortsOf(dockerInspect(Env::dockerName(id))),
                 QStringList{QStringLiteral("80/tcp>%1").arg(p2)});
    }

    void liveResourceUpdates()
    {
        const QString vol = env->createVolume();
        const QString id = env->id(QStringLiteral("res"));
        QVERIFY(env->createReady(
            id, vol, QStringLiteral("sleep 3600"),
            {{QStringLiteral("limits"),
              QJsonObject{{QStringLiteral("memory"), 256 * 1024 * 1024}, {QStringLiteral("cpu"), 1.0}}}}));
        const QString name = Env::dockerName(id);
        auto host = [&] { return dockerInspect(name).value(QStringLiteral("HostConfig")).toObject(); };
        QCOMPARE(host().value(QStringLiteral("Memory")).toInteger(), qint64(256) * 1024 * 1024);
        QCOMPARE(host().value(QStringLiteral("NanoCpus")).toInteger(), qint64(1000000000));
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        const QString startedAt = dockerInspect(name)
                                      .value(QStringLiteral("State"))
                                      .toObject()
                                      .value(QStringLiteral("StartedAt"))
                                      .toString();

        const QString path = QStringLiteral("/containers/%1/resources").arg(id);
        Reply r =
            env->post(path, {{QStringLiteral("memory"), 128 * 1024 * 1024}, {QStringLiteral("cpu"), 0.5}});
        QVERIFY2(r.status == 200, qPrintable(r.dump()));
        QCOMPARE(r.json().value(QStringLiteral("message")).toString(), QStringLiteral("Resources updated"));
        QVERIFY(r.json().value(QStringLiteral("limits")).isObject());
        QCOMPARE(host().value(QStringLiteral("Memory")).toInteger(), qint64(128) * 1024 * 1024);
        QCOMPARE(host().value(QStringLiteral("NanoCpus")).toInteger(), qint64(500000000));
        QCOMPARE(env->record(id)
                     .value(QStringLiteral("limits"))
                     .toObject()
                     .value(QStringLiteral("memory"))
                     .toInteger(),
                 qint64(128) * 1024 * 1024);
        QCOMPARE(env->record(id)
                     .value(QStringLiteral("limits"))
                     .toObject()
                     .value(QStringLiteral("cpu"))
                     .toDouble(),
                 0.5);
        // live: same process
        QCOMPARE(dockerInspect(name)
                     .value(QStringLiteral("State"))
                     .toObject()
                     .value(QStringLiteral("StartedAt"))
                     .toString(),
                 startedAt);
        QCOMPARE(env->state(id), QStringLiteral("running"));

        // (blkio_weight is left out: kernels without the BFQ/CFQ weight discard it with a warning)
        r = env->post(path, {{QStringLiteral("cpu_shares"), 512},
                             {QStringLiteral("memory_reservation"), 64 * 1024 * 1024}});
        QVERIFY2(r.status == 200, qPrintable(r.dump()));
        QCOMPARE(host().value(QStringLiteral("CpuShares")).toInteger(), qint64(512));
        QCOMPARE(host().value(QStringLiteral("MemoryReservation")).toInteger(), qint64(64) * 1024 * 1024);

        const Reply g = env->get(path);
        QCOMPARE(g.status, 200);
        QCOMPARE(g.json().value(QStringLiteral("memory")).toInteger(), qint64(128) * 1024 * 1024);
        QCOMPARE(g.json().value(QStringLiteral("cpu_shares")).toInteger(), qint64(512));
        for (const char *k : {"memory", "memory_swap", "memory_reservation", "cpu_shares", "cpu_period",
                              "cpu_quota", "cpuset_cpus", "blkio_weight"})
            QVERIFY2(g.json().contains(QLatin1StringView(k)), k);

        // invalid values: 400 naming the field, nothing applied (not even the valid fields)
        const QList<QPair<QJsonObject, QString>> bad{
            {{{QStringLiteral("memory"), 1000}}, QStringLiteral("memory")},
            {{{QStringLiteral("memory"), 2.5e12}}, QStringLiteral("memory")},
            {{{QStringLiteral("memory"), QStringLiteral("1g")}}, QStringLiteral("memory")},
            {{{QStringLiteral("memory"), 64 * 1024 * 1024},
              {QStringLiteral("memory_swap"), 32 * 1024 * 1024}},
             QStringLiteral("memory_swap")},
            {{{QStringLiteral("cpu_shares"), 1}}, QStringLiteral("cpu_shares")},
            {{{QStringLiteral("cpu_shares"), 300000}}, QStringLiteral("cpu_shares")},
            {{{QStringLiteral("cpu_period"), 999}}, QStringLiteral("cpu_period")},
            {{{QStringLiteral("cpu_quota"), 500}}, QStringLiteral("cpu_quota")},
            {{{QStringLiteral("blkio_weight"), 5}}, QStringLiteral("blkio_weight")},
            {{{QStringLiteral("memory"), 64 * 1024 * 1024}, {QStringLiteral("blkio_weight"), 5000}},
             QStringLiteral("blkio_weight")},
            {{{QStringLiteral("cpu"), 0}}, QStringLiteral("cpu")},
            {{{QStringLiteral("cpu"), -2}}, QStringLiteral("cpu")},
            {{{QStringLiteral("cpuset_cpus"), QStringLiteral("all")}}, QStringLiteral("cpuset_cpus")},
        };
        for (const auto &[body, field] : bad) {
            const Reply b = env->post(path, body);
            QVERIFY2(b.status == 400 && b.error().contains(field),
                     qPrintable(field + QLatin1Char(' ') + b.dump()));
        }
        QCOMPARE(env->post(path, QJsonObject{}).status, 400);
        QCOMPARE(host().value(QStringLiteral("Memory")).toInteger(), qint64(128) * 1024 * 1024);
        QCOMPARE(host().value(QStringLiteral("NanoCpus")).toInteger(), qint64(500000000));
        QCOMPARE(host().value(QStringLiteral("CpuShares")).toInteger(), qint64(512));
        QCOMPARE(env->record(id)
                     .value(QStringLiteral("limits"))
                     .toObject()
                     .value(QStringLiteral("memory"))
                     .toInteger(),
                 qint64(128) * 1024 * 1024);
        QCOMPARE(env->post(QStringLiteral("/containers/nope/resources"),
                           {{QStringLiteral("memory"), 64 * 1024 * 1024}})
                     .status,
                 404);
    }

  private:
    std::unique_ptr<Env> env;
};

QTEST_GUILESS_MAIN(TestContainerNetwork)
#include "tst_ct_network.moc"
