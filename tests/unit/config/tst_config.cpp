// config.json: defaults, validation naming the key, unknown keys, redaction, setValue.
#include "config/Config.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace lightd;

namespace {
QJsonObject nested(const QString &dotted, const QJsonValue &value)
{
    QStringList parts = dotted.split(QLatin1Char('.'));
    QJsonValue v = value;
    while (!parts.isEmpty())
        v = QJsonObject{{parts.takeLast(), v}};
    return v.toObject();
}

QJsonValue lookup(const QJsonObject &root, const QString &dotted)
{
    QJsonValue v = root;
    for (const auto &p : dotted.split(QLatin1Char('.')))
        v = v.toObject().value(p);
    return v;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QRegularExpression kTokenRe(QStringLiteral("^lightd_[0-9a-f]{32}$"));
const QString kGoodToken = QStringLiteral("lightd_0123456789abcdef0123");
} // namespace

class TestConfig : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void generateTokenFormat()
    {
        const QString a = config::generateToken();
        const QString b = config::generateToken();
        QVERIFY2(kTokenRe.match(a).hasMatch(), qPrintable(a));
        QVERIFY2(kTokenRe.match(b).hasMatch(), qPrintable(b));
        QVERIFY(a != b);
    }

    void defaultsWrittenWhenMissing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/config.json"));
        QVERIFY(!QFileInfo::exists(path));
        const auto r = config::load(path);
        QVERIFY2(r.config, qPrintable(r.error));
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(r.warnings.isEmpty());

        const Config &c = *r.config;
        QVERIFY2(kTokenRe.match(c.authorization.token).hasMatch(), qPrintable(c.authorization.token));
        QCOMPARE(c.server.port, 8070);
        QCOMPARE(c.server.host, QStringLiteral("0.0.0.0"));
        QCOMPARE(c.docker.socketPath, QStringLiteral("/var/run/docker.sock"));
        QCOMPARE(c.network.chain, QStringLiteral("LIGHTD-INPUT"));
        QCOMPARE(c.sftp.port, 2022);
        QCOMPARE(c.websocket.historyLines, 100);
        QCOMPARE(c.console.throttleLines, 2000);
        QCOMPARE(c.console.throttleIntervalMs, 100);
        QCOMPARE(c.monitoring.intervalMs, 60000);
        QVERIFY(c.authorization.enabled);
        QCOMPARE(c.filePath, QFileInfo(path).absoluteFilePath());
        // storage paths are absolute and live under the config's directory by default
        QVERIFY(QFileInfo(c.storage.basePath).isAbsolute());
        QCOMPARE(c.storage.basePath, dir.filePath(QStringLiteral("sub/data")));
        QCOMPARE(c.storage.volumesPath, dir.filePath(QStringLiteral("sub/data/volumes")));
        QCOMPARE(c.storage.database, dir.filePath(QStringLiteral("sub/data/lightd.db")));

        // the written file holds the same token, is private (it holds the master token) ...
        const auto doc = QJsonDocument::fromJson(readFile(path)).object();
        QCOMPARE(lookup(doc, QStringLiteral("authorization.token")).toString(), c.authorization.token);
        QCOMPARE(QFileInfo(path).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
        // ... and loading it again keeps the token: it is generated only once
        const auto again = config::load(path);
        QVERIFY(again.config);
        QCOMPARE(again.config->authorization.token, c.authorization.token);
    }

    void missingWithoutCreateIsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        const auto r = config::load(path, false);
        QVERIFY(!r.config);
        QVERIFY(r.error.contains(path));
        QVERIFY(!QFileInfo::exists(path));
    }

    void partialFileMergedWithDefaults()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(writeFile(
            path, R"({"server":{"port":9000},"authorization":{"token":"lightd_0123456789abcdef0123"}})"));
        const auto r = config::load(path);
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->server.port, 9000);
        QCOMPARE(r.config->server.maxBodyMb, 10);
        QCOMPARE(r.config->authorization.token, kGoodToken);
        QCOMPARE(r.config->authorization.maxFailures, 10);
    }

    void relativeStoragePaths()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        const auto r = config::fromJson(
            QJsonObject{{QStringLiteral("storage"),
                         QJsonObject{{QStringLiteral("base_path"), QStringLiteral("/srv/lightd")},
                                     {QStringLiteral("volumes_path"), QStringLiteral("vols")},
                                     {QStringLiteral("database"), QStringLiteral("/db/x.db")}}}},
            path);
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->storage.basePath, QStringLiteral("/srv/lightd"));
        QCOMPARE(r.config->storage.volumesPath, QStringLiteral("/srv/lightd/vols"));
        QCOMPARE(r.config->storage.containersPath, QStringLiteral("/srv/lightd/containers"));
        QCOMPARE(r.config->storage.database, QStringLiteral("/db/x.db"));
    }

    void everyKeyTakesEffect()
    {
        QTemporaryDir dir;
        QJsonObject json;
        auto put = [&](const char *key, const QJsonValue &v) {
            QStringList parts = QString::fromLatin1(key).split(QLatin1Char('.'));
            std::function<QJsonObject(QJsonObject, QStringList)> assign = [&](QJsonObject o, QStringList ps) {
                const QString head = ps.takeFirst();
                if (ps.isEmpty())
                    o.insert(head, v);
                else
                    o.insert(head, assign(o.value(head).toObject(), ps));
                return o;
            };
            json = assign(json, parts);
        };
        put("server.host", QStringLiteral("127.0.0.2"));
        put("server.max_body_mb", 3);
        put("server.max_header_kb", 4);
        put("server.idle_timeout_s", 5);
        put("server.access_log", false);
        put("server.allowed_origins", QJsonArray{QStringLiteral("https://a.example")});
        put("authorization.enabled", false);
        put("authorization.max_failures", 7);
        put("authorization.failure_window_s", 8);
        put("docker.socket_path", QStringLiteral("/tmp/d.sock"));
        put("docker.host", QStringLiteral("tcp://1.2.3.4:2375"));
        put("docker.timeout_s", 9);
        put("docker.max_concurrent_calls", 6);
        put("network.manage_firewall", false);
        put("network.chain", QStringLiteral("LTEST-X"));
        put("containers.stop_timeout_s", 11);
        put("containers.crash_restart", false);
        put("console.history_lines", 12);
        put("websocket.history_lines", 13);
        put("websocket.max_message_kb", 14);
        put("websocket.stats_linger_ms", 1400);
        put("files.upload_limit_mb", 15);
        put("volumes.quota_check_s", 16);
        put("monitoring.interval_ms", 17000);
        put("monitoring.billing.egress_per_gb", 0.5);
        put("remote.enabled", true);
        put("remote.url", QStringLiteral("http://remote"));
        put("remote.node_id", QStringLiteral("node-1"));
        put("sftp.enabled", false);
        put("sftp.host", QStringLiteral("127.0.0.3"));
        put("sftp.port", 2200);
        const auto r = config::fromJson(json, dir.filePath(QStringLiteral("config.json")));
        QVERIFY2(r.config, qPrintable(r.error));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QLatin1Char(','))));
        const Config &c = *r.config;
        QCOMPARE(c.server.host, QStringLiteral("127.0.0.2"));
        QCOMPARE(c.server.maxBodyMb, 3);
        QCOMPARE(c.server.maxHeaderKb, 4);
        QCOMPARE(c.server.idleTimeoutS, 5);
        QCOMPARE(c.server.accessLog, false);
        QCOMPARE(c.server.allowedOrigins, QStringList{QStringLiteral("https://a.example")});
        QCOMPARE(c.authorization.enabled, false);
        QCOMPARE(c.authorization.maxFailures, 7);
        QCOMPARE(c.authorization.failureWindowS, 8);
        QCOMPARE(c.docker.socketPath, QStringLiteral("/tmp/d.sock"));
        QCOMPARE(c.docker.host, QStringLiteral("tcp://1.2.3.4:2375"));
        QCOMPARE(c.docker.timeoutS, 9);
        QCOMPARE(c.docker.maxConcurrentCalls, 6);
        QCOMPARE(c.network.manageFirewall, false);
        QCOMPARE(c.network.chain, QStringLiteral("LTEST-X"));
        QCOMPARE(c.containers.stopTimeoutS, 11);
        QCOMPARE(c.containers.crashRestart, false);
        QCOMPARE(c.console.historyLines, 12);
        QCOMPARE(c.websocket.historyLines, 13);
        QCOMPARE(c.websocket.maxMessageKb, 14);
        QCOMPARE(c.websocket.statsLingerMs, 1400);
        QCOMPARE(c.files.uploadLimitMb, 15);
        QCOMPARE(c.volumes.quotaCheckS, 16);
        QCOMPARE(c.monitoring.intervalMs, 17000);
        QCOMPARE(c.monitoring.billing.egressPerGb, 0.5);
        QCOMPARE(c.remote.enabled, true);
        QCOMPARE(c.remote.url, QStringLiteral("http://remote"));
        QCOMPARE(c.remote.nodeId, QStringLiteral("node-1"));
        QCOMPARE(c.sftp.enabled, false);
        QCOMPARE(c.sftp.host, QStringLiteral("127.0.0.3"));
        QCOMPARE(c.sftp.port, 2200);
    }

    void badValueNamesTheKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        auto row = [](const char *key, const char *what, const QJsonValue &v) {
            QTest::addRow("%s %s", key, what) << QString::fromLatin1(key) << v;
        };
        row("server.port", "too big", 70000);
        row("server.port", "negative", -1);
        row("server.port", "string", QStringLiteral("8070"));
        row("server.port", "fraction", 80.5);
        row("server.port", "beyond int64", 7.7e58); // once undefined behaviour (fuzz_small_parsers)
        row("server.port", "minus beyond int64", -1e300);
        row("server.host", "number", 1);
        row("server.max_body_mb", "zero", 0);
        row("server.max_header_kb", "null", QJsonValue());
        row("server.idle_timeout_s", "bool", true);
        row("server.access_log", "string", QStringLiteral("yes"));
        row("server.allowed_origins", "not array", QStringLiteral("*"));
        row("server.allowed_origins", "array of numbers", QJsonArray{1, 2});
        row("server.tls.cert", "number", 5);
        row("authorization.enabled", "number", 1);
        row("authorization.token", "no prefix", QStringLiteral("abcdefghijklmnopqrstuvwxyz"));
        row("authorization.token", "too short", QStringLiteral("lightd_short"));
        row("authorization.token", "number", 12345);
        row("authorization.max_failures", "zero", 0);
        row("docker.socket_path", "array", QJsonArray{});
        row("docker.timeout_s", "huge", 1e9);
        row("docker.max_concurrent_calls", "negative", -1); // 0 is valid: automatic
        row("docker.max_concurrent_calls", "too big", 1025);
        row("storage.base_path", "object", QJsonObject{});
        row("network.manage_firewall", "string", QStringLiteral("true"));
        row("network.chain", "empty", QString());
        row("network.chain", "too long", QString(40, QLatin1Char('C')));
        row("containers.stop_timeout_s", "zero", 0);
        row("console.throttle_lines", "zero", 0);
        row("websocket.max_message_kb", "string", QStringLiteral("64"));
        row("files.upload_limit_mb", "negative", -5);
        row("monitoring.interval_ms", "too small", 10);
        row("monitoring.billing.memory_per_gb_hour", "negative", -0.1);
        row("monitoring.billing.cpu_per_vcpu_hour", "string", QStringLiteral("0.1"));
        row("remote.enabled", "null", QJsonValue());
        row("remote.url", "bool", false);
        row("sftp.port", "negative", -1); // 0 is valid: any free port
        row("sftp.port", "too big", 65536);
    }

    void badValueNamesTheKey()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QTemporaryDir dir;
        // through fromJson ...
        const auto r = config::fromJson(nested(key, value), dir.filePath(QStringLiteral("config.json")));
        QVERIFY2(!r.config, qPrintable(key));
        QVERIFY2(r.error.startsWith(key + QLatin1Char(':')), qPrintable(r.error));
        // ... and through load() of a file holding it
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(writeFile(path, QJsonDocument(nested(key, value)).toJson()));
        const auto l = config::load(path);
        QVERIFY(!l.config);
        QVERIFY2(l.error.contains(key), qPrintable(l.error));
    }

    void sectionOfWrongTypeNamesTheKey()
    {
        QTemporaryDir dir;
        // a whole section that is not an object: the keys under it are missing, defaults apply or it is
        // reported
        const auto r = config::fromJson(QJsonObject{{QStringLiteral("server"), 5}},
                                        dir.filePath(QStringLiteral("c.json")));
        if (!r.config)
            QVERIFY2(r.error.startsWith(QStringLiteral("server")), qPrintable(r.error));
        else
            QVERIFY2(r.warnings.contains(QStringLiteral("server")),
                     qPrintable(r.warnings.join(QLatin1Char(','))));
    }

    void malformedJsonFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(writeFile(path, "{\"server\": {\"port\": 80,}"));
        const auto r = config::load(path);
        QVERIFY(!r.config);
        QVERIFY2(r.error.contains(path), qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("offset")), qPrintable(r.error));

        QVERIFY(writeFile(path, "[1,2,3]"));
        const auto a = config::load(path);
        QVERIFY(!a.config);
        QVERIFY(a.error.contains(QStringLiteral("not a JSON object")));
    }

    void unknownKeysWarned()
    {
        QTemporaryDir dir;
        const QJsonObject json{
            {QStringLiteral("serverr"), QJsonObject{{QStringLiteral("port"), 1}}},
            {QStringLiteral("server"),
             QJsonObject{{QStringLiteral("prot"), 1},
                         {QStringLiteral("port"), 8071},
                         {QStringLiteral("tls"), QJsonObject{{QStringLiteral("pem"), 1}}}}},
            {QStringLiteral("monitoring"),
             QJsonObject{{QStringLiteral("billing"), QJsonObject{{QStringLiteral("gpu_per_hour"), 1.0}}}}},
            {QStringLiteral("top_level_junk"), true},
        };
        const auto r = config::fromJson(json, dir.filePath(QStringLiteral("config.json")));
        QVERIFY2(r.config, qPrintable(r.error)); // unknown keys warn, they do not stop start-up
        QCOMPARE(r.config->server.port, 8071);
        QStringList w = r.warnings;
        w.sort();
        QCOMPARE(w, (QStringList{QStringLiteral("monitoring.billing.gpu_per_hour"),
                                 QStringLiteral("server.prot"), QStringLiteral("server.tls.pem"),
                                 QStringLiteral("serverr"), QStringLiteral("top_level_junk")}));
    }

    void redactedHidesSecrets()
    {
        QTemporaryDir dir;
        const QJsonObject json{
            {QStringLiteral("authorization"), QJsonObject{{QStringLiteral("token"), kGoodToken}}},
            {QStringLiteral("remote"), QJsonObject{{QStringLiteral("token"), QStringLiteral("remote-secret")},
                                                   {QStringLiteral("url"), QStringLiteral("http://r")}}},
            {QStringLiteral("server"),
             QJsonObject{
                 {QStringLiteral("tls"), QJsonObject{{QStringLiteral("key"), QStringLiteral("/k.pem")},
                                                     {QStringLiteral("cert"), QStringLiteral("/c.pem")}}}}},
        };
        const auto r = config::fromJson(json, dir.filePath(QStringLiteral("config.json")));
        QVERIFY2(r.config, qPrintable(r.error));
        const QJsonObject red = config::redacted(r.config->raw);
        QCOMPARE(lookup(red, QStringLiteral("authorization.token")).toString(), QStringLiteral("***"));
        QCOMPARE(lookup(red, QStringLiteral("remote.token")).toString(), QStringLiteral("***"));
        QCOMPARE(lookup(red, QStringLiteral("server.tls.key")).toString(), QStringLiteral("***"));
        // everything else is kept
        QCOMPARE(lookup(red, QStringLiteral("remote.url")).toString(), QStringLiteral("http://r"));
        QCOMPARE(lookup(red, QStringLiteral("server.tls.cert")).toString(), QStringLiteral("/c.pem"));
        QCOMPARE(lookup(red, QStringLiteral("server.port")).toInt(), 8070);
        // and no secret survives anywhere in the serialised document
        const QByteArray text = QJsonDocument(red).toJson();
        QVERIFY(!text.contains(kGoodToken.toUtf8()));
        QVERIFY(!text.contains("remote-secret"));
        // the input is untouched
        QCOMPARE(lookup(r.config->raw, QStringLiteral("authorization.token")).toString(), kGoodToken);
    }

    void setValueRewritesOneKey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(writeFile(
            path,
            R"({"server":{"port":9001,"custom_unknown":1},"authorization":{"token":"lightd_0123456789abcdef0123"}})"));
        const QString newToken = QStringLiteral("lightd_ffffffffffffffffffffffff");
        QCOMPARE(config::setValue(path, QStringLiteral("authorization.token"), newToken), QString());
        const auto r = config::load(path);
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->authorization.token, newToken);
        QCOMPARE(r.config->server.port, 9001); // the rest is kept
        QVERIFY(r.warnings.contains(QStringLiteral("server.custom_unknown")));

        // a new nested key is created
        QCOMPARE(config::setValue(path, QStringLiteral("remote.node_id"), QStringLiteral("n1")), QString());
        QCOMPARE(config::load(path).config->remote.nodeId, QStringLiteral("n1"));
    }

    void setValueRefusesBadValues()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(writeFile(path, R"({"authorization":{"token":"lightd_0123456789abcdef0123"}})"));
        const QByteArray before = readFile(path);
        const QString err =
            config::setValue(path, QStringLiteral("authorization.token"), QStringLiteral("short"));
        QVERIFY(!err.isEmpty());
        QVERIFY2(err.contains(QStringLiteral("authorization.token")), qPrintable(err));
        QCOMPARE(readFile(path), before); // untouched
        const QString portErr = config::setValue(path, QStringLiteral("server.port"), 123456);
        QVERIFY2(portErr.contains(QStringLiteral("server.port")), qPrintable(portErr));
        QCOMPARE(readFile(path), before);
        // a missing file is an error, not a silent create
        QVERIFY(
            !config::setValue(dir.filePath(QStringLiteral("absent.json")), QStringLiteral("server.port"), 1)
                 .isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestConfig)
#include "tst_config.moc"
