// Issue 13, critical 2: custom mounts only from beneath containers.allowed_mounts (default: none),
// checked on the real path (no link followed) and bound by it, never the daemon's own directories or
// another container's volume; any key the contract does not name (privileged, network_mode...) is 400.
#include "ContainerTestUtil.h"

#include <QFileInfo>
#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ct;

class TestContainerMounts : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        QVERIFY(shared.isValid());
        QVERIFY(QDir().mkpath(shared.filePath(QStringLiteral("sub"))));
        QFile marker(shared.filePath(QStringLiteral("sub/marker")));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.write("shared-marker\n");
        marker.close();
        QVERIFY(QFile::link(QStringLiteral("/"), shared.filePath(QStringLiteral("r"))));
        QVERIFY(QFile::link(QStringLiteral("/"), shared.filePath(QStringLiteral("sub/inner"))));
        adminLink = links.filePath(QStringLiteral("shared-link"));
        QVERIFY(QFile::link(shared.path(), adminLink)); // the admin's own link in allowed_mounts
        plain = std::make_unique<Env>(QStringLiteral("secmp"));
        QVERIFY(plain->started);
        allowed = std::make_unique<Env>(
            QStringLiteral("secma"),
            QJsonObject{{QStringLiteral("containers"),
                         QJsonObject{{QStringLiteral("allowed_mounts"),
                                      QJsonArray{QStringLiteral("/tmp"), adminLink}}}}});
        QVERIFY(allowed->started);
    }
    void cleanupTestCase()
    {
        plain.reset();
        allowed.reset();
    }

    // (a) a tenant links its volume to / and another container asks to mount that link.
    void linkInAnotherVolumeIsRefused()
    {
        QString pathA;
        const QString volA = plain->createVolume(&pathA);
        const QString a = plain->id(QStringLiteral("a"));
        QVERIFY(
            plain->createReady(a, volA, QStringLiteral("bash -c 'ln -sfn / /home/container/r; sleep 1000'")));
        QCOMPARE(plain->power(a, QStringLiteral("start")).status, 202);
        QVERIFY(waitUntil([&] { return QFileInfo(pathA + QStringLiteral("/r")).isSymLink(); }));
        const QString volB = plain->createVolume();
        for (const QString &src : {pathA + QStringLiteral("/r"), pathA}) {
            const Reply r = plain->create(
                plain->body(plain->id(QStringLiteral("b")), volB, QStringLiteral("true"),
                            {{QStringLiteral("mount"), QJsonObject{{QStringLiteral("/host"), src}}}}));
            QCOMPARE(r.status, 400);
            QCOMPARE(r.code(), QStringLiteral("mount_not_allowed"));
        }
        QCOMPARE(plain->get(QStringLiteral("/containers/") + plain->id(QStringLiteral("b"))).status, 404);

        // the same with the node allowing /tmp: a volume is never mountable, a link never followed
        QString pathC;
        const QString volC = allowed->createVolume(&pathC);
        QVERIFY(QFile::link(QStringLiteral("/"), pathC + QStringLiteral("/r")));
        for (const QString &src :
             {pathC + QStringLiteral("/r"), pathC, shared.filePath(QStringLiteral("r")),
              shared.filePath(QStringLiteral("sub/inner")), adminLink + QStringLiteral("/r")}) {
            const Reply r = allowed->create(
                allowed->body(allowed->id(QStringLiteral("b")), volC, QStringLiteral("true"),
                              {{QStringLiteral("mount"), QJsonObject{{QStringLiteral("/host"), src}}}}));
            QVERIFY2(r.status == 400 && r.code() == QLatin1String("mount_not_allowed"),
                     qPrintable(src + QLatin1Char(' ') + r.dump()));
        }
    }

    // (b) system paths and the daemon's own directories: refused by default, and refused even when an
    // allowed directory holds them.
    void systemAndDaemonPathsAreRefused()
    {
        const QString vol = plain->createVolume();
        const QString data = plain->daemon->dataDir();
        const QStringList paths{data + QStringLiteral("/data"),
                                data,
                                QStringLiteral("/var"),
                                QStringLiteral("/var/lib"),
                                QStringLiteral("/var/spool/cron"),
                                QStringLiteral("/var/lib/containerd"),
                                QStringLiteral("/var/log"),
                                QStringLiteral("/home"),
                                QStringLiteral("/tmp"),
                                QStringLiteral("/opt"),
                                QStringLiteral("/srv"),
                                QStringLiteral("/mnt"),
                                shared.filePath(QStringLiteral("sub"))};
        for (const QString &src : paths) {
            const Reply r = plain->create(
                plain->body(plain->id(QStringLiteral("sys")), vol, QStringLiteral("true"),
                            {{QStringLiteral("mount"), QJsonObject{{QStringLiteral("/host"), src}}}}));
            QVERIFY2(r.status == 400 && r.code() == QLatin1String("mount_not_allowed"),
                     qPrintable(src + QLatin1Char(' ') + r.dump()));
        }
        // POST /containers/:id/volumes follows the same rule
        const QString id = plain->id(QStringLiteral("upd"));
        QVERIFY(plain->createReady(id, vol, QStringLiteral("true")));
        const Reply u = plain->post(
            QStringLiteral("/containers/%1/volumes").arg(id),
            {{QStringLiteral("volumes"), QJsonObject{{QStringLiteral("/host"), QStringLiteral("/var")}}}});
        QCOMPARE(u.status, 400);
        QCOMPARE(u.code(), QStringLiteral("mount_not_allowed"));

        const QString own = allowed->daemon->dataDir();
        QString volPath;
        const QString vol2 = allowed->createVolume(&volPath);
        for (const QString &src : {own, own + QStringLiteral("/data"), own + QStringLiteral("/data/volumes"),
                                   volPath, own + QStringLiteral("/data/containers"), QStringLiteral("/tmp"),
                                   QStringLiteral("/"), QStringLiteral("/var/lib")}) {
            const Reply r = allowed->create(
                allowed->body(allowed->id(QStringLiteral("own")), vol2, QStringLiteral("true"),
                              {{QStringLiteral("mount"), QJsonObject{{QStringLiteral("/host"), src}}}}));
            QVERIFY2(r.status == 400 && r.code() == QLatin1String("mount_not_allowed"),
                     qPrintable(src + QLatin1Char(' ') + r.dump()));
        }
    }

    // An allowed mount is bound by its real path; GET shows what the client asked for.
    void allowedMountIsBoundByRealPath()
    {
        const QString vol = allowed->createVolume();
        const QString id = allowed->id(QStringLiteral("ok"));
        const QString asked = adminLink + QStringLiteral("/sub");
        QVERIFY(
            allowed->createReady(id, vol, QStringLiteral("bash -c 'cat /host/marker; sleep 1000'"),
                                 {{QStringLiteral("mount"), QJsonObject{{QStringLiteral("/host"), asked}}}}));
        QCOMPARE(allowed->record(id).value(QStringLiteral("mount")).toObject(),
                 (QJsonObject{{QStringLiteral("/host"), asked}}));
        const QJsonArray binds = dockerInspect(Env::dockerName(id))
                                     .value(QStringLiteral("HostConfig"))
                                     .toObject()
                                     .value(QStringLiteral("Binds"))
                                     .toArray();
        QVERIFY2(binds.contains(QFileInfo(shared.filePath(QStringLiteral("sub"))).canonicalFilePath() +
                                QStringLiteral(":/host")),
                 QJsonDocument(binds).toJson().constData());
        QCOMPARE(allowed->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(allowed->waitLog(id, QStringLiteral("shared-marker")));
    }

    void dockerOptionsAndUnknownKeysAreRefused()
    {
        const QString vol = plain->createVolume();
        const QString id = plain->id(QStringLiteral("opt"));
        const QList<QJsonObject> extras{
            {{QStringLiteral("privileged"), true}},
            {{QStringLiteral("network_mode"), QStringLiteral("host")}},
            {{QStringLiteral("cap_add"), QJsonArray{QStringLiteral("SYS_ADMIN")}}},
            {{QStringLiteral("pid_mode"), QStringLiteral("host")}},
            {{QStringLiteral("nonsense"), 1}},
            {{QStringLiteral("limits"),
              QJsonObject{{QStringLiteral("memory"), 67108864}, {QStringLiteral("privileged"), true}}}},
        };
        for (const QJsonObject &extra : extras) {
            const Reply r = plain->create(plain->body(id, vol, QStringLiteral("true"), extra));
            QVERIFY2(r.status == 400 && r.code() == QLatin1String("unknown_field"),
                     qPrintable(QString::fromUtf8(QJsonDocument(extra).toJson(QJsonDocument::Compact)) +
                                QLatin1Char(' ') + r.dump()));
            QVERIFY(r.error().contains(extra.keys().first() == QLatin1String("limits")
                                           ? QStringLiteral("privileged")
                                           : extra.keys().first()));
        }
        QCOMPARE(plain->get(QStringLiteral("/containers/") + id).status, 404);
        QVERIFY(plain->createReady(id, vol, QStringLiteral("true")));
        const Reply r = plain->post(QStringLiteral("/containers/%1/reinstall").arg(id),
                                    {{QStringLiteral("privileged"), true}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QStringLiteral("unknown_field"));
        QVERIFY(!dockerInspect(Env::dockerName(id))
                     .value(QStringLiteral("HostConfig"))
                     .toObject()
                     .value(QStringLiteral("Privileged"))
                     .toBool());
    }

  private:
    QTemporaryDir shared;
    QTemporaryDir links;
    QString adminLink;
    std::unique_ptr<Env> plain;
    std::unique_ptr<Env> allowed;
};

QTEST_MAIN(TestContainerMounts)
#include "tst_ct_sec_mounts.moc"
