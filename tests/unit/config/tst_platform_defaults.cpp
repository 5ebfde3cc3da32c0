// The Windows and Unix defaults (config path, Docker address, firewall) and the engine address
// rewriting, tested as plain logic on any platform: this machine has no Windows to run them on.
#include "config/PlatformDefaults.h"
#include "docker/EngineAddress.h"

#include <QTest>

using namespace lightd;
using config::Os;

class TestPlatformDefaults : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void unixDefaults()
    {
        const auto root = config::platformDefaults(Os::Unix, QString(), true);
        QCOMPARE(root.configFile, QStringLiteral("config.json"));
        QCOMPARE(root.dockerSocket, QStringLiteral("/var/run/docker.sock"));
        QVERIFY(root.manageFirewall);
        QVERIFY(!config::platformDefaults(Os::Unix, QString(), false).manageFirewall);
    }

    void windowsDefaults()
    {
        const auto d = config::platformDefaults(Os::Windows, QStringLiteral("D:\\Data\\"), true);
        QCOMPARE(d.configFile, QStringLiteral("D:/Data/lightd/config.json"));
        QCOMPARE(d.dockerSocket, QStringLiteral("//./pipe/docker_engine"));
        QVERIFY(!d.manageFirewall); // no iptables on Windows, even for an administrator
        QCOMPARE(config::platformDefaults(Os::Windows, QString(), false).configFile,
                 QStringLiteral("C:/ProgramData/lightd/config.json"));
    }

    void hostIsUnixHere()
    {
#ifndef Q_OS_WIN
        QCOMPARE(config::hostOs(), Os::Unix);
        QCOMPARE(config::hostDefaults().dockerSocket, QStringLiteral("/var/run/docker.sock"));
#endif
    }

    void windowsPipeNames_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("expected");
        const QString pipe = QStringLiteral("\\\\.\\pipe\\docker_engine");
        QTest::newRow("forward slashes") << QStringLiteral("//./pipe/docker_engine") << pipe;
        QTest::newRow("DOCKER_HOST form") << QStringLiteral("npipe:////./pipe/docker_engine") << pipe;
        QTest::newRow("native form") << pipe << pipe;
        QTest::newRow("upper-case PIPE") << QStringLiteral("\\\\.\\PIPE\\docker_engine") << pipe;
        QTest::newRow("bare name") << QStringLiteral("docker_engine") << pipe;
        QTest::newRow("other pipe") << QStringLiteral("//./pipe/podman-machine-default")
                                    << QStringLiteral("\\\\.\\pipe\\podman-machine-default");
    }
    void windowsPipeNames()
    {
        QFETCH(QString, address);
        QFETCH(QString, expected);
        QCOMPARE(docker::localServerName(address, Os::Windows), expected);
    }

    void unixSocketPaths()
    {
        QCOMPARE(docker::localServerName(QStringLiteral("/var/run/docker.sock"), Os::Unix),
                 QStringLiteral("/var/run/docker.sock"));
        QCOMPARE(
            docker::localServerName(QStringLiteral("unix:///run/user/1000/podman/podman.sock"), Os::Unix),
            QStringLiteral("/run/user/1000/podman/podman.sock"));
    }
};

QTEST_GUILESS_MAIN(TestPlatformDefaults)
#include "tst_platform_defaults.moc"
