// --log-format json: every line the daemon writes is one JSON object with time, level, category,
// message and request_id (the request's X-Request-Id where the line is about a request); plain
// stays the default; a bad value is refused.
#include "ApiTestUtil.h"

#include <QDateTime>

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

class TestApiLogFormat : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void jsonLines()
    {
        DaemonProcess d(testConfig());
        d.setExtraArgs({QStringLiteral("--log-format"), QStringLiteral("json")});
        QVERIFY(d.start());
        const auto r = curl(QStringList{d.url(QStringLiteral("/volumes/nope")), QStringLiteral("-H"),
                                        QStringLiteral("X-Request-Id: eco-json-rid-1")} +
                            d.authArgs());
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("x-request-id"), QByteArray("eco-json-rid-1"));
        QJsonObject access;
        QVERIFY(waitUntil(
            [&] {
                for (const auto &line : d.log().split('\n')) {
                    const QJsonObject o = QJsonDocument::fromJson(line).object();
                    if (o.value(QStringLiteral("request_id")).toString() ==
                            QLatin1StringView("eco-json-rid-1") &&
                        o.value(QStringLiteral("category")).toString() == QLatin1StringView("lightd.api")) {
                        access = o;
                        return true;
                    }
                }
                return false;
            },
            10000));
        QCOMPARE(access.value(QStringLiteral("level")).toString(), QStringLiteral("info"));
        QVERIFY(access.value(QStringLiteral("message")).toString().contains(QStringLiteral("/volumes/nope")));
        QVERIFY(QDateTime::fromString(access.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                    .isValid());
        QVERIFY(d.stop());
        int lines = 0;
        for (const auto &line : d.log().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            ++lines;
            QJsonParseError err{};
            const QJsonObject o = QJsonDocument::fromJson(line, &err).object();
            QVERIFY2(err.error == QJsonParseError::NoError, line.constData());
            for (const char *k : {"time", "level", "category", "message", "request_id"})
                QVERIFY2(o.contains(QLatin1StringView(k)), line.constData());
        }
        QVERIFY(lines >= 3); // start-up line, access line, shutdown line at least
    }

    void plainIsTheDefault()
    {
        DaemonProcess d(testConfig());
        QVERIFY(d.start());
        curl(QStringList{d.url(QStringLiteral("/health")), QStringLiteral("-H"),
                         QStringLiteral("X-Request-Id: eco-plain-rid-1")});
        QVERIFY(waitUntil([&] { return d.log().contains("INFO  lightd.api: eco-plain-rid-1"); }, 10000));
        QVERIFY(!d.log().trimmed().startsWith('{'));
    }

    void badValueRefused()
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(DaemonProcess::binary(), {QStringLiteral("--log-format"), QStringLiteral("xml")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAll().contains("--log-format takes plain or json"));
    }
};

QTEST_GUILESS_MAIN(TestApiLogFormat)
#include "tst_api_logformat.moc"
