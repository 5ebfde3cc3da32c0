// The daemon's process life: state kept across a restart, SIGTERM exits 0, SIGHUP reloads the master
// token, a bad config stops start-up naming the key.
#include "ApiTestUtil.h"

#include <csignal>

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

namespace {
QStringList bearer(const QString &token)
{
    return {QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + token, QStringLiteral("-H"),
            QStringLiteral("Accept: ") + kVendor};
}

QJsonObject readConfig(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

bool writeConfigFile(const QString &path, const QJsonObject &o)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(QJsonDocument(o).toJson());
    return true;
}

QJsonObject withKey(QJsonObject root, const QString &dotted, const QJsonValue &value)
{
    QStringList parts = dotted.split(QLatin1Char('.'));
    std::function<QJsonObject(QJsonObject, QStringList)> assign = [&](QJsonObject o, QStringList ps) {
        const QString head = ps.takeFirst();
        if (ps.isEmpty())
            o.insert(head, value);
        else
            o.insert(head, assign(o.value(head).toObject(), ps));
        return o;
    };
    return assign(std::move(root), parts);
}
} // namespace

class TestApiLifecycle : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void sigtermExitsZero()
    {
        DaemonProcess d(testConfig());
        QVERIFY(d.start());
        QVERIFY(d.stop());
        QCOMPARE(d.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(d.exitCode(), 0);
        QVERIFY2(d.log().contains("shutting down"), d.log().constData());
    }

    void sigtermWithOpenConnectionsStillExits()
    {
        DaemonProcess d(testConfig());
        QVERIFY(d.start());
        RawConnection idle; // keep-alive connection left open
        QVERIFY(idle.open(d.port()));
        idle.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(idle.readResponses(1, 3000));
        RawConnection half; // half a head sent
        QVERIFY(half.open(d.port()));
        half.send("GET /heal");
        QElapsedTimer t;
        t.start();
        QVERIFY(d.stop(15000));
        QCOMPARE(d.exitCode(), 0);
        QVERIFY2(t.elapsed() < 12000, "shutdown waited for idle connections");
    }

    void restartKeepsTokensPortsAndVolumes()
    {
        DaemonProcess d(testConfig());
        QVERIFY(d.start());
        auto &client = d.client();

        const auto token = awaitResult<ApiResult<CreatedTokenDto>>([&](auto done) {
            client.createToken(QStringLiteral("1h"), false, {QStringLiteral("api")}, done);
        });
        QVERIFY(token && token->ok());
        PortDto p;
        p.ip = QStringLiteral("0.0.0.0");
        p.port = 25565;
        const auto added = awaitResult<ApiResult<QJsonObject>>([&](auto done) { client.addPort(p, done); });
        QVERIFY(added && added->ok());
        p.port = 25566;
        p.protocol = QStringLiteral("udp");
        QVERIFY(awaitResult<ApiResult<QJsonObject>>([&](auto done) { client.addPort(p, done); })->ok());
        QVERIFY(awaitResult<ApiResult<QJsonObject>>([&](auto done) {
                    client.setPortInUse(QStringLiteral("0.0.0.0"), 25566, true, done);
                })->ok());
        const auto vol =
            awaitResult<ApiResult<VolumeDto>>([&](auto done) { client.createVolume(256, done); });
        QVERIFY(vol && vol->ok());
        const auto revoked = awaitResult<ApiResult<CreatedTokenDto>>(
            [&](auto done) { client.createToken(QStringLiteral("1h"), false, {}, done); });
        QVERIFY(awaitResult<ApiResult<QJsonObject>>([&](auto done) {
                    client.revokeToken((*revoked)->id, done);
                })->ok());

        const QByteArray portsBefore = curl(curlArgs(d, "GET", QStringLiteral("/network/ports"))).body;
        const QByteArray volumesBefore = curl(curlArgs(d, "GET", QStringLiteral("/volumes"))).body;
        const QByteArray tokensBefore = curl(curlArgs(d, "GET", QStringLiteral("/auth/tokens"))).body;

        QVERIFY(d.stop());
        QCOMPARE(d.exitCode(), 0);
        QVERIFY(d.start());

        // the scoped token still works, the revoked one still does not
        QCOMPARE(curl(QStringList{d.url(QStringLiteral("/network/ports"))} + bearer((*token)->token)).status,
                 200);
        QCOMPARE(
            curl(QStringList{d.url(QStringLiteral("/network/ports"))} + bearer((*revoked)->token)).status,
            401);
        QCOMPARE(curl(curlArgs(d, "GET", QStringLiteral("/auth/tokens"))).json(),
                 QJsonDocument::fromJson(tokensBefore).object());

        // ports with their in_use flags
        const auto ports = curl(curlArgs(d, "GET", QStringLiteral("/network/ports")));
        auto sortedPorts = [](const QByteArray &body) {
            QList<QJsonObject> l;
            for (const auto &v :
                 QJsonDocument::fromJson(body).object().value(QStringLiteral("ports")).toArray())
                l.append(v.toObject());
            std::sort(l.begin(), l.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return a.value(QStringLiteral("port")).toInt() < b.value(QStringLiteral("port")).toInt();
            });
            return l;
        };
        QCOMPARE(sortedPorts(ports.body), sortedPorts(portsBefore));
        QCOMPARE(sortedPorts(ports.body).size(), 2);
        QCOMPARE(sortedPorts(ports.body)[1].value(QStringLiteral("in_use")), QJsonValue(true));

        // volumes with their quota
        QCOMPARE(curl(curlArgs(d, "GET", QStringLiteral("/volumes"))).json(),
                 QJsonDocument::fromJson(volumesBefore).object());
        const auto one = awaitResult<ApiResult<VolumeDto>>(
            [&](auto done) { d.client().getVolume((*vol)->volumeId, done); });
        QVERIFY(one && one->ok());
        QCOMPARE((*one)->quotaMb, std::optional<qint64>(256));
        QCOMPARE((*one)->path, (*vol)->path);

        // a conflict is still a conflict after the restart
        API_VERIFY_ERROR(curl(curlArgs(d, "POST", QStringLiteral("/network/ports"),
                                       jsonBody(R"({"ip":"0.0.0.0","port":25565,"protocol":"tcp"})"))),
                         409, "port_exists");
    }

    void killedDaemonKeepsCommittedState()
    {
        // SIGKILL right after a 201: what was acknowledged is on disk (SQLite, WAL)
        DaemonProcess d(testConfig());
        QVERIFY(d.start());
        const auto r = curl(curlArgs(d, "POST", QStringLiteral("/network/ports"),
                                     jsonBody(R"({"ip":"0.0.0.0","port":7777,"protocol":"tcp"})")));
        QCOMPARE(r.status, 201);
        const auto v = curl(curlArgs(d, "POST", QStringLiteral("/volumes")));
        QCOMPARE(v.status, 201);
        d.kill();
        QVERIFY(d.start());
        QCOMPARE(curl(curlArgs(d, "GET", QStringLiteral("/network/ports/0.0.0.0/7777"))).status, 200);
        QCOMPARE(curl(curlArgs(d, "GET",
                               QStringLiteral("/volumes/") +
                                   v.json().value(QStringLiteral("volume_id")).toString()))
                     .status,
                 200);
    }

    void sighupReloadsMasterToken()
    {
        DaemonProcess d(testConfig(
            {{QStringLiteral("authorization"), QJsonObject{{QStringLiteral("max_failures"), 100000}}}}));
        QVERIFY(d.start());
        const QString oldToken = d.token();
        QCOMPARE(curl(QStringList{d.url(QStringLiteral("/volumes"))} + bearer(oldToken)).status, 200);
        // a scoped token made before the reload survives it
        const auto scoped = curl(curlArgs(d, "POST", QStringLiteral("/auth/tokens"),
                                          jsonBody(R"({"ttl":"1h","scopes":["api"]})")));
        QCOMPARE(scoped.status, 201);

        const QString newToken = QStringLiteral("lightd_reloaded_master_token_0001");
        QVERIFY(writeConfigFile(d.configPath(), withKey(readConfig(d.configPath()),
                                                        QStringLiteral("authorization.token"), newToken)));
        const qint64 pid = d.process().processId();
        QVERIFY(::kill(pid_t(pid), SIGHUP) == 0);
        QVERIFY2(
            waitUntil(
                [&] {
                    return curl(QStringList{d.url(QStringLiteral("/volumes"))} + bearer(newToken)).status ==
                           200;
                },
                5000),
            d.log().constData());
        QCOMPARE(curl(QStringList{d.url(QStringLiteral("/volumes"))} + bearer(oldToken)).status, 401);
        QCOMPARE(curl(QStringList{d.url(QStringLiteral("/volumes"))} +
                      bearer(scoped.json().value(QStringLiteral("token")).toString()))
                     .status,
                 200);
        QVERIFY(d.isRunning());
        QCOMPARE(d.process().processId(), pid); // reloaded in place, not restarted
        QVERIFY2(waitUntil([&] { return d.log().contains("reloaded"); }, 5000), d.log().constData());

        // the token CLI followed by SIGHUP, the documented way
        QProcess cli;
        cli.start(DaemonProcess::binary(), {QStringLiteral("--config"), d.configPath(),
                                            QStringLiteral("--token"), QStringLiteral("reset")});
        QVERIFY(cli.waitForFinished(10000));
        QCOMPARE(cli.exitCode(), 0);
        const QString resetToken = QString::fromUtf8(cli.readAllStandardOutput()).trimmed();
        QVERIFY(::kill(pid_t(pid), SIGHUP) == 0);
        QVERIFY(waitUntil(
            [&] {
                return curl(QStringList{d.url(QStringLiteral("/volumes"))} + bearer(resetToken)).status ==
                       200;
            },
            5000));
        QCOMPARE(curl(QStringList{d.url(QStringLiteral("/volumes"))} + bearer(newToken)).status, 401);
    }

    void sighupWithBadConfigKeepsRunning()
    {
        DaemonProcess d(testConfig());
        QVERIFY(d.start());
        QVERIFY(writeConfigFile(d.configPath(),
                                withKey(readConfig(d.configPath()), QStringLiteral("authorization.token"),
                                        QStringLiteral("short"))));
        QVERIFY(::kill(pid_t(d.process().processId()), SIGHUP) == 0);
        QVERIFY2(waitUntil([&] { return d.log().contains("reload refused"); }, 5000), d.log().constData());
        QVERIFY(d.log().contains("authorization.token"));
        // the running config, and the token, are kept
        QVERIFY(d.isRunning());
        QCOMPARE(curl(curlArgs(d, "GET", QStringLiteral("/volumes"))).status, 200);
    }

    void badConfigStopsStartup_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("server.port") << QStringLiteral("server.port") << QJsonValue(QStringLiteral("eighty"));
        QTest::newRow("server.max_body_mb") << QStringLiteral("server.max_body_mb") << QJsonValue(0);
        QTest::newRow("server.idle_timeout_s") << QStringLiteral("server.idle_timeout_s") << QJsonValue(-3);
        QTest::newRow("authorization.token")
            << QStringLiteral("authorization.token") << QJsonValue(QStringLiteral("lightd_short"));
        QTest::newRow("authorization.enabled")
            << QStringLiteral("authorization.enabled") << QJsonValue(QStringLiteral("yes"));
        QTest::newRow("network.chain") << QStringLiteral("network.chain") << QJsonValue(QString());
        QTest::newRow("docker.socket_path") << QStringLiteral("docker.socket_path") << QJsonValue(42);
        QTest::newRow("monitoring.interval_ms") << QStringLiteral("monitoring.interval_ms") << QJsonValue(5);
    }

    void badConfigStopsStartup()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        DaemonProcess d(testConfig());
        QVERIFY(writeConfigFile(d.configPath(), withKey(readConfig(d.configPath()), key, value)));
        QVERIFY(!d.start(10000));
        QVERIFY(waitUntil([&] { return !d.isRunning(); }, 5000));
        QVERIFY2(d.exitCode() != 0, d.log().constData());
        QVERIFY2(d.log().contains(key.toUtf8()), d.log().constData());
        QVERIFY(!d.log().contains("listening on"));
    }

    void malformedConfigFileStopsStartup()
    {
        DaemonProcess d(testConfig());
        QFile f(d.configPath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{ this is not json");
        f.close();
        QVERIFY(!d.start(10000));
        QVERIFY(waitUntil([&] { return !d.isRunning(); }, 5000));
        QVERIFY(d.exitCode() != 0);
        QVERIFY2(d.log().contains("config.json"), d.log().constData());
    }

    void unknownKeyWarnedButStarts()
    {
        DaemonProcess d(testConfig({{QStringLiteral("server"), QJsonObject{{QStringLiteral("prot"), 1}}},
                                    {QStringLiteral("made_up_section"), QJsonObject{}}}));
        QVERIFY(d.start());
        QVERIFY2(d.log().contains("server.prot"), d.log().constData());
        QVERIFY(d.log().contains("made_up_section"));
    }

    void missingConfigCreatedWithFreshToken()
    {
        DaemonProcess d(testConfig());
        QFile::remove(d.configPath());
        // start with --config pointing at the missing file: it is created with a fresh token; the
        // daemon would then listen on 8070 etc., so only the CLI path that creates it is used here
        QProcess p;
        p.start(DaemonProcess::binary(), {QStringLiteral("--config"), d.configPath(),
                                          QStringLiteral("--token"), QStringLiteral("what")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        static const QRegularExpression tokenRe(QStringLiteral("^lightd_[0-9a-f]{32}$"));
        const QString token = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        QVERIFY2(tokenRe.match(token).hasMatch(), qPrintable(token));
        QCOMPARE(readConfig(d.configPath())
                     .value(QStringLiteral("authorization"))
                     .toObject()
                     .value(QStringLiteral("token"))
                     .toString(),
                 token);
    }
};

QTEST_GUILESS_MAIN(TestApiLifecycle)
#include "tst_api_lifecycle.moc"
