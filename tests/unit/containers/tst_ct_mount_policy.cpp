// containers::mounts::resolve on a real directory tree: allowed roots (with the admin's own links),
// links below them refused, the daemon's directories and their ancestors refused.
#include "containers/MountPolicy.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace lightd;

class TestMountPolicy : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("shared/sub"))));
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("daemon/data"))));
        QVERIFY(QFile::link(QStringLiteral("/"), tmp.filePath(QStringLiteral("shared/r"))));
        QVERIFY(
            QFile::link(tmp.filePath(QStringLiteral("shared")), tmp.filePath(QStringLiteral("admin-link"))));
        config.filePath = tmp.filePath(QStringLiteral("daemon/config.json"));
        config.storage.basePath = tmp.filePath(QStringLiteral("daemon/data"));
        config.storage.volumesPath = config.storage.basePath + QStringLiteral("/volumes");
        config.storage.containersPath = config.storage.basePath + QStringLiteral("/containers");
        config.storage.database = config.storage.basePath + QStringLiteral("/lightd.db");
        config.docker.socketPath = QStringLiteral("/var/run/docker.sock");
    }

    void resolves_data()
    {
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected"); // empty: refused
        const QString t = QFileInfo(tmp.path()).canonicalFilePath();
        const QStringList both{tmp.path(), tmp.filePath(QStringLiteral("admin-link"))};
        QTest::newRow("none allowed") << QStringList() << t + QStringLiteral("/shared/sub") << QString();
        QTest::newRow("beneath") << both << t + QStringLiteral("/shared/sub")
                                 << t + QStringLiteral("/shared/sub");
        QTest::newRow("admin link") << both << tmp.filePath(QStringLiteral("admin-link/sub"))
                                    << t + QStringLiteral("/shared/sub");
        QTest::newRow("tenant link") << both << t + QStringLiteral("/shared/r") << QString();
        QTest::newRow("through tenant link") << both << t + QStringLiteral("/shared/r/etc") << QString();
        QTest::newRow("daemon dir") << both << t + QStringLiteral("/daemon") << QString();
        QTest::newRow("daemon data") << both << t + QStringLiteral("/daemon/data") << QString();
        QTest::newRow("ancestor of daemon") << both << t << QString();
        QTest::newRow("outside") << both << QStringLiteral("/etc") << QString();
        QTest::newRow("missing") << both << t + QStringLiteral("/shared/nope") << QString();
    }
    void resolves()
    {
        QFETCH(QStringList, allowed);
        QFETCH(QString, source);
        QFETCH(QString, expected);
        config.containers.allowedMounts = allowed;
        QString why;
        const QString got = containers::mounts::resolve(config, source, &why);
        QVERIFY2(got == expected, qPrintable(got + QStringLiteral(" / ") + why));
        QCOMPARE(why.isEmpty(), !expected.isEmpty());
    }

  private:
    QTemporaryDir tmp;
    Config config;
};

QTEST_MAIN(TestMountPolicy)
#include "tst_ct_mount_policy.moc"
