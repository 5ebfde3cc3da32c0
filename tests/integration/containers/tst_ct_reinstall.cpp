// Reinstall keeps the volume's files and recreates the Docker container (a new container_id),
// with a new image/install script when given; refused while installing.
#include "ContainerTestUtil.h"

#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ct;

namespace {
QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestContainerReinstall : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        env = std::make_unique<Env>(QStringLiteral("reinst"));
        QVERIFY(env->started);
    }
    void cleanupTestCase() { env.reset(); }

    void reinstallKeepsVolumeAndRecreatesContainer()
    {
        QString path;
        const QString vol = env->createVolume(&path);
        const QString id = env->id(QStringLiteral("a"));
        QVERIFY(env->createReady(
            id, vol, echoLoop(),
            {{QStringLiteral("start_pattern"), QStringLiteral("Server ready")},
             {QStringLiteral("install_script"),
              QStringLiteral("echo \"run-1 $(cat world.txt 2>/dev/null)\" >> install.log")}}));
        const QString firstId = env->record(id).value(QStringLiteral("container_id")).toString();
        QVERIFY(!firstId.isEmpty());
        QCOMPARE(readFile(path + QStringLiteral("/install.log")), QByteArray("run-1 \n"));
        // user data, written on the host side and from inside the container
        {
            QFile f(path + QStringLiteral("/world.txt"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("my world");
        }
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QCOMPARE(env->command(id, QStringLiteral("x")).status, 202);
        QVERIFY(env->waitLog(id, QStringLiteral("echo:x")));
        QCOMPARE(env->power(id, QStringLiteral("stop")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready")));

        // bad input first: nothing happens
        Reply r = env->post(QStringLiteral("/containers/%1/reinstall").arg(id),
                            {{QStringLiteral("image"), QStringLiteral("bad image")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(env->record(id).value(QStringLiteral("container_id")).toString(), firstId);
        QCOMPARE(env->post(QStringLiteral("/containers/nope/reinstall")).status, 404);

        r = env->post(QStringLiteral("/containers/%1/reinstall").arg(id),
                      {{QStringLiteral("install_script"),
                        QStringLiteral("echo \"run-2 $(cat world.txt)\" >> install.log")}});
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("message"), QStringLiteral("Container reinstall started")},
                              {QStringLiteral("internal_id"), id}}));
        QVERIFY(waitUntil(
            [&] {
                const QJsonObject rec = env->record(id);
                return rec.value(QStringLiteral("install_state")).toString() == QLatin1String("ready") &&
                       rec.value(QStringLiteral("container_id")).toString() != firstId;
            },
            60000));
        const QString secondId = env->record(id).value(QStringLiteral("container_id")).toString();
        QVERIFY(!secondId.isEmpty());
        QCOMPARE(dockerInspect(Env::dockerName(id)).value(QStringLiteral("Id")).toString(), secondId);
        QVERIFY(!dockerExists(firstId));
        QCOMPARE(readFile(path + QStringLiteral("/world.txt")), QByteArray("my world"));
        QCOMPARE(readFile(path + QStringLiteral("/install.log")), QByteArray("run-1 \nrun-2 my world\n"));

        // it runs as before
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
    }

    void reinstallWhileRunningStopsItFirst()
    {
        QString path;
        const QString vol = env->createVolume(&path);
        const QString id = env->id(QStringLiteral("b"));
        QVERIFY(env->createReady(id, vol,
                                 QStringLiteral("echo up; echo from-server > server.txt; sleep 3600"),
                                 {{QStringLiteral("start_pattern"), QStringLiteral("^up$")}}));
        const QString firstId = env->record(id).value(QStringLiteral("container_id")).toString();
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
        QVERIFY(waitUntil([&] { return QFile::exists(path + QStringLiteral("/server.txt")); }));

        QCOMPARE(
            env->post(QStringLiteral("/containers/%1/reinstall").arg(id), {{QStringLiteral("image"), kImage}})
                .status,
            202);
        QVERIFY(waitUntil(
            [&] {
                const QJsonObject rec = env->record(id);
                return rec.value(QStringLiteral("install_state")).toString() == QLatin1String("ready") &&
                       rec.value(QStringLiteral("container_id")).toString() != firstId;
            },
            60000));
        QVERIFY(!dockerExists(firstId));
        QCOMPARE(readFile(path + QStringLiteral("/server.txt")), QByteArray("from-server\n"));
        QCOMPARE(dockerStatus(Env::dockerName(id)), QStringLiteral("created"));
    }

    void reinstallRefusedWhileInstalling()
    {
        QString path;
        const QString vol = env->createVolume(&path);
        const QString id = env->id(QStringLiteral("c"));
        QCOMPARE(env->create(env->body(id, vol, QStringLiteral("sleep 1"),
                                       {{QStringLiteral("install_script"),
                                         QStringLiteral("while [ ! -f go ]; do sleep 0.1; done")}}))
                     .status,
                 201);
        QVERIFY(waitUntil([&] { return dockerExists(QStringLiteral("lightd_install-") + id); }));
        const Reply r = env->post(QStringLiteral("/containers/%1/reinstall").arg(id));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), QStringLiteral("invalid_state"));
        QFile go(path + QStringLiteral("/go"));
        QVERIFY(go.open(QIODevice::WriteOnly));
        go.close();
        QVERIFY(env->waitState(id, QStringLiteral("ready")));
    }

  private:
    std::unique_ptr<Env> env;
};

QTEST_GUILESS_MAIN(TestContainerReinstall)
#include "tst_ct_reinstall.moc"
