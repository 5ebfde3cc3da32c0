// The pull path for real: a local registry (Debian's docker-registry on 127.0.0.1:<free port>)
// holding the test image; a container with that image is pulled, installed and ready, a console
// opened mid-install sees the pull's progress lines, and a missing tag ends `failed` with the
// registry's message.
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
        cfg.write(QStringLiteral(
                      "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: %1\n"
                      "http:\n  addr: 127.0.0.1:%2\n")
                      .arg(dir.filePath(QStringLiteral("data")))
                      .arg(port)
                      .toUtf8());
        cfg.close();
        registry.setProcessChannelMode(QProcess::MergedChannels);
        registry.start(QStringLiteral("docker-registry"), {QStringLiteral("serve"), cfg.fileName()});
        QVERIFY(registry.waitForStarted());
        QVERIFY2(
            waitUntil(
                [&] {
                    QByteArray out;
                    return run(QStringLiteral("curl"),
                               {QStringLiteral("-sf"), QStringLiteral("http://127.0.0.1:%1/v2/").arg(port)},
                               &out, 5000) == 0;
                },
                20000),
            registry.readAll().constData());
        image = QStringLiteral("127.0.0.1:%1/lightd/busybox:pull").arg(port);
        int rc = 0;
        docker({QStringLiteral("tag"), kImage, image}, &rc);
        QCOMPARE(rc, 0);
        const QByteArray pushed = docker({QStringLiteral("push"), image}, &rc);
        QVERIFY2(rc == 0, pushed.constData());
        docker({QStringLiteral("rmi"), image}, &rc);
        QCOMPARE(rc, 0);
        QVERIFY(dockerInspect(image, "image").isEmpty());
        // An image with a layer of its own (a file no other image has): once removed here, its pull
        // downloads and extracts that layer, and says so.
        progressImage = QStringLiteral("127.0.0.1:%1/lightd/busybox:progress").arg(port);
        const QString maker = QStringLiteral("lightd-pull-layer-%1").arg(QCoreApplication::applicationPid());
        docker({QStringLiteral("run"), QStringLiteral("--name"), maker, kImage, QStringLiteral("/bin/sh"),
                QStringLiteral("-c"), QStringLiteral("head -c 65536 /dev/urandom > /layer-of-its-own")},
               &rc);
        QCOMPARE(rc, 0);
        docker({QStringLiteral("commit"), maker, progressImage}, &rc);
        QCOMPARE(rc, 0);
        docker({QStringLiteral("rm"), maker}, &rc);
        QCOMPARE(rc, 0);
        const QByteArray pushed2 = docker({QStringLiteral("push"), progressImage}, &rc);
        QVERIFY2(rc == 0, pushed2.constData());
        docker({QStringLiteral("rmi"), progressImage}, &rc);
        QCOMPARE(rc, 0);

        env = std::make_unique<Env>(QStringLiteral("pull"));
        QVERIFY(env->started);
        volume = env->createVolume();
    }
    void cleanupTestCase()
    {
        env.reset();
        for (const auto &i : {image, progressImage}) {
            if (!i.isEmpty())
                docker({QStringLiteral("rmi"), QStringLiteral("-f"), i});
        }
        if (registry.state() != QProcess::NotRunning) {
            registry.terminate();
            if (!registry.waitForFinished(5000))
                registry.kill();
        }
    }

    void pullsAnAbsentImage()
    {
        const QString id = env->id(QStringLiteral("pulled"));
        const Reply r = env->create(QJsonObject{
            {QStringLiteral("internal_id"), id},
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
        QCOMPARE(dockerInspect(Env::dockerName(id))
                     .value(QStringLiteral("Config"))
                     .toObject()
                     .value(QStringLiteral("Image"))
                     .toString(),
                 image);
        const QStringList install = viewer.data(QStringLiteral("install"));
        qInfo("install output seen by a late viewer:\n%s", qPrintable(install.join(QLatin1Char('\n'))));
        QVERIFY(install.count(QStringLiteral("install-after-pull")) <= 1); // never twice
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("running")));
    }

    // The install script waits for a file the test writes, so the viewer connects after the pull
    // but surely while the container is installing: what the pull printed is replayed to it, the
    // rest arrives live, each line once and in order.
    void pullProgressReachesAConsoleOpenedMidInstall()
    {
        const QString id = env->id(QStringLiteral("progress"));
        const Reply r = env->create(QJsonObject{
            {QStringLiteral("internal_id"), id},
            {QStringLiteral("image"), progressImage},
            {QStringLiteral("volume_id"), volume},
            {QStringLiteral("startup_command"), QStringLiteral("sleep 3600")},
            {QStringLiteral("install_script"),
             QStringLiteral(
                 "until [ -f /home/container/go-progress ]; do sleep 0.05; done; echo install-went-on")}});
        QCOMPARE(r.status, 201);
        QVERIFY(waitUntil([&] { return !dockerInspect(progressImage, "image").isEmpty(); }, 60000));
        Viewer viewer(env->wsUrl(id));
        QVERIFY(viewer.waitConnected());
        const QString done = QStringLiteral("Status: Downloaded newer image for ") + progressImage;
        QVERIFY2(waitUntil([&] { return viewer.data(QStringLiteral("install")).contains(done); }, 60000),
                 qPrintable(viewer.data(QStringLiteral("install")).join(QLatin1Char('\n'))));
        QCOMPARE(env->record(id).value(QStringLiteral("install_state")).toString(),
                 QStringLiteral("installing"));
        QCOMPARE(env->post(QStringLiteral("/volumes/%1/files").arg(volume),
                           {{QStringLiteral("path"), QStringLiteral("go-progress")},
                            {QStringLiteral("content"), QString()}})
                     .status,
                 200);
        QVERIFY(env->waitState(id, QStringLiteral("ready"), 60000));
        QVERIFY(waitUntil([&] {
            return viewer.data(QStringLiteral("install")).contains(QStringLiteral("Install script finished"));
        }));

        const QStringList lines = viewer.data(QStringLiteral("install"));
        qInfo("install output:\n%s", qPrintable(lines.join(QLatin1Char('\n'))));
        QCOMPARE(lines.value(0), QStringLiteral("Pulling image ") + progressImage);
        QVERIFY(lines.filter(QStringLiteral("Pull complete")).size() >= 1);
        QCOMPARE(lines.count(done), 1);
        QCOMPARE(lines.count(QStringLiteral("install-went-on")), 1);
        QVERIFY(lines.indexOf(done) < lines.indexOf(QStringLiteral("install-went-on")));
        QCOMPARE(lines.last(), QStringLiteral("Install script finished"));
    }

    void missingTagFailsWithTheRegistryMessage()
    {
        const QString id = env->id(QStringLiteral("missing"));
        const QString missing = QStringLiteral("127.0.0.1:%1/lightd/busybox:no-such-tag").arg(port);
        const Reply r =
            env->create(QJsonObject{{QStringLiteral("internal_id"), id},
                                    {QStringLiteral("image"), missing},
                                    {QStringLiteral("volume_id"), volume},
                                    {QStringLiteral("startup_command"), QStringLiteral("sleep 1")}});
        QCOMPARE(r.status, 201);
        QVERIFY(env->waitState(id, QStringLiteral("failed"), 60000));
        const QString error = env->record(id).value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(QLatin1String("pull")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("manifest unknown")) ||
                     error.contains(QLatin1String("not found")),
                 qPrintable(error));
        QVERIFY(!dockerExists(Env::dockerName(id)));
    }

  private:
    QTemporaryDir dir;
    QProcess registry;
    int port = 0;
    QString image, progressImage, volume;
    std::unique_ptr<Env> env;
};

QTEST_GUILESS_MAIN(TestContainerPull)
#include "tst_ct_pull.moc"
