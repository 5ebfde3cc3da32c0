// The pull path for real: a local registry (Debian's docker-registry on 127.0.0.1:<free port>)
// holding the test image; a container with that image is pulled, installed and ready, and a
// missing tag ends `failed` with the registry's message.
#include "ContainerTestUtil.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ct;

class TestContainerPull : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        if (QStandardPaths::findExecutable(QStringLiteral("docker-registry")).isEmpty())
            QSKIP("docker-registry is not installed");
        QVERIFY(dir.isValid());
        port = freePort();
        QFile cfg(dir.filePath(QStringLiteral("config.yml")));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write(QStringLiteral("version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: %1\n"
                                 "http:\n  addr: 127.0.0.1:%2\n")
                      .arg(dir.filePath(QStringLiteral("data")))
                      .arg(port)
                      .toUtf8());
        cfg.close();
        registry.setProcessChannelMode(QProcess::MergedChannels);
        registry.start(QStringLiteral("docker-registry"), {QStringLiteral("serve"), cfg.fileName()});
        QVERIFY(registry.waitForStarted());
        QVERIFY2(waitUntil([&] {
            QByteArray out;
            return run(QStringLiteral("curl"), {QStringLiteral("-sf"), QStringLiteral("http://127.0.0.1:%1/v2/").arg(port)}, &out, 5000) == 0;
        }, 20000), registry.readAll().constData());
        image = QStringLiteral("127.0.0.1:%1/lightd/busybox:pull").arg(port);
        int rc = 0;
        docker({QStringLiteral("tag"), kImage, image}, &rc);
        QCOMPARE(rc, 0);
        const QByteArray pushed = docker({QStringLiteral("push"), image}, &rc);
        QVERIFY2(rc == 0, pushed.constData());
        docker({QStringLiteral("rmi"), image}, &rc);
        QCOMPARE(rc, 0);
        QVERIFY(dockerInspect(image, "image").isEmpty());

        env = std::make_unique<Env>(QStringLiteral("pull"));
        QVERIFY(env->started);
        volume = env->createVolume();
    }
    void cleanupTestCase()
    {
        env.reset();
        if (!image.isEmpty())
            docker({QStringLiteral("rmi"), QStringLiteral("-f"), image});
        if (registry.state() != QProcess::NotRunning) {
            registry.terminate();
            if (!registry.waitForFinished(5000))
                registry.kill();
        }
    }

    void pullsAnAbsentImage()
    {
        const QString id = env->id(QStringLiteral("pulled"));
        const Reply r = env->create(QJsonObject{{QStringLiteral("internal_id"), id},
                                                {QStringLiteral("image"), image},
                                                {QStringLiteral("volume_id"), volume},
                                                {QStringLiteral("startup_command"), QStringLiteral("echo pulled-and-running; sleep 3600")},
                                                {QStringLiteral("start_pattern"), QStringLiteral("pulled-and-running")},
                                                {QStringLiteral("install_script"), QStringLiteral("echo install-after-pull")}});
        QCOMPARE(r.status, 201);
        // Watch the install output; the pull may be over before the viewer is connected, so the
        // progress lines are reported, and the engine's image store is the check.
        Viewer viewer(env->wsUrl(id));
        QVERIFY(env->waitState(id, QStringLiteral("ready"), 90000));
        QVERIFY(!dockerInspect(image, "image").isEmpty());
        QCOMPARE(dockerInspect(Env::dockerName(id)).value(QStringLiteral("Config")).toObject().value(QStringLiteral("Image")).toString(), image);
        const QStringList install = viewer.data(QStringLiteral("install"));
        qInfo("install output seen by a late viewer:\n%s", qPrintable(install.join(QLatin1Char('\n'))));
        QVERIFY(install.count(QStringLiteral("install-after-pull")) <= 1); // never twice
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
    }

    void missingTagFailsWithTheRegistryMessage()
    {
        const QString id = env->id(QStringLiteral("missing"));
        const QString missing = QStringLiteral("127.0.0.1:%1/lightd/busybox:no-such-tag").arg(port);
        const Reply r = env->create(QJsonObject{{QStringLiteral("internal_id"), id},
                                                {QStringLiteral("image"), missing},
                                                {QStringLiteral("volume_id"), volume},
                                                {QStringLiteral("startup_command"), QStringLiteral("sleep 1")}});
        QCOMPARE(r.status, 201);
        QVERIFY(env->waitState(id, QStringLiteral("failed"), 60000));
        const QString error = env->record(id).value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(QLatin1String("pull")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("manifest unknown")) || error.contains(QLatin1String("not found")), qPrintable(error));
        QVERIFY(!dockerExists(Env::dockerName(id)));
    }

private:
    QTemporaryDir dir;
    QProcess registry;
    int port = 0;
    QString image, volume;
    std::unique_ptr<Env> env;
};

QTEST_GUILESS_MAIN(TestContainerPull)
#include "tst_ct_pull.moc"
