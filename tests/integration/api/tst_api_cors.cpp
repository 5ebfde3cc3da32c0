// CORS for browser-hosted panels (API.md section 1) against the real daemon with curl: preflights need
// no token, listed origins get Allow-Origin + Vary on every answer (errors and uploads included),
// other origins get no CORS header at all.
#include "ApiTestUtil.h"

#include <csignal>

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

namespace {
const QString kPanel = QStringLiteral("https://panel.example.com");

QStringList origin(const QString &o)
{
    return {QStringLiteral("-H"), QStringLiteral("Origin: ") + o};
}

CurlResult preflight(const DaemonProcess &d, const QString &path, const QString &o, const QString &method)
{
    return curl({QStringLiteral("-X"), QStringLiteral("OPTIONS"), d.url(path), QStringLiteral("-H"),
                 QStringLiteral("Origin: ") + o, QStringLiteral("-H"),
                 QStringLiteral("Access-Control-Request-Method: ") + method, QStringLiteral("-H"),
                 QStringLiteral("Access-Control-Request-Headers: authorization, accept, content-type")});
}

QString describe(const CurlResult &r)
{
    return QStringLiteral("%1\n%2%3")
        .arg(r.status)
        .arg(QString::fromUtf8(r.headers), QString::fromUtf8(r.body));
}
} // namespace

class TestApiCors : public QObject
{
    Q_OBJECT
    std::unique_ptr<DaemonProcess> m_daemon;
    DaemonProcess &d() { return *m_daemon; }

  private Q_SLOTS:
    void initTestCase()
    {
        m_daemon = std::make_unique<DaemonProcess>(
            testConfig({{QStringLiteral("server"),
                         QJsonObject{{QStringLiteral("allowed_origins"),
                                      QJsonArray{kPanel, QStringLiteral("http://localhost:3000")}}}}}));
        QVERIFY(d().start());
    }

    void preflightNeedsNoToken_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("method");
        QTest::newRow("volumes POST") << QStringLiteral("/volumes") << QStringLiteral("POST");
        QTest::newRow("power") << QStringLiteral("/containers/some-id/start") << QStringLiteral("POST");
        QTest::newRow("upload") << QStringLiteral("/volumes/v1/files/content?path=a.txt")
                                << QStringLiteral("PUT");
        QTest::newRow("master only") << QStringLiteral("/auth/tokens/x") << QStringLiteral("DELETE");
        QTest::newRow("port") << QStringLiteral("/network/ports/0.0.0.0/25565/use") << QStringLiteral("PUT");
    }
    void preflightNeedsNoToken()
    {
        QFETCH(QString, path);
        QFETCH(QString, method);
        const auto r = preflight(d(), path, kPanel, method);
        QVERIFY2(r.status == 204, qPrintable(describe(r)));
        QCOMPARE(r.header("access-control-allow-origin"), kPanel.toUtf8());
        QVERIFY2(r.header("access-control-allow-methods").split(',').contains(' ' + method.toUtf8()) ||
                     r.header("access-control-allow-methods").startsWith(method.toUtf8()),
                 qPrintable(describe(r)));
        const QByteArray headers = r.header("access-control-allow-headers").toLower();
        for (const char *h : {"authorization", "accept", "content-type"})
            QVERIFY2(headers.contains(h), qPrintable(describe(r)));
        QVERIFY(r.header("access-control-max-age").toInt() > 0);
        QCOMPARE(r.header("vary"), QByteArray("Origin"));
        QVERIFY(r.body.isEmpty());
        QVERIFY(!r.header("x-request-id").isEmpty());
    }

    void responsesCarryAllowOrigin()
    {
        const auto ok =
            curl(QStringList{d().url(QStringLiteral("/volumes"))} + d().authArgs() + origin(kPanel));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.header("access-control-allow-origin"), kPanel.toUtf8());
        QCOMPARE(ok.header("vary"), QByteArray("Origin"));
        QVERIFY(ok.header("access-control-expose-headers").contains("X-Request-Id"));
        // errors too: a browser panel must be able to read the error code
        const auto denied = curl({d().url(QStringLiteral("/volumes")), QStringLiteral("-H"),
                                  QStringLiteral("Origin: http://localhost:3000")});
        API_VERIFY_ERROR(denied, 401, "unauthorized");
        QCOMPARE(denied.header("access-control-allow-origin"), QByteArray("http://localhost:3000"));
        const auto missing =
            curl(QStringList{d().url(QStringLiteral("/no/such/route"))} + d().authArgs() + origin(kPanel));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.header("access-control-allow-origin"), kPanel.toUtf8());
        const auto pub = curl(QStringList{d().url(QStringLiteral("/health"))} + origin(kPanel));
        QCOMPARE(pub.status, 200);
        QCOMPARE(pub.header("access-control-allow-origin"), kPanel.toUtf8());
    }

    void uploadsCarryAllowOrigin()
    {
        const auto vol = curl(curlArgs(d(), "POST", QStringLiteral("/volumes")));
        QCOMPARE(vol.status, 201);
        const QString id = vol.json().value(QStringLiteral("volume_id")).toString();
        const auto up =
            curl(curlArgs(d(), "PUT", QStringLiteral("/volumes/%1/files/content?path=cors.txt").arg(id),
                          {QStringLiteral("--data-binary"), QStringLiteral("hello")}) +
                 origin(kPanel));
        QVERIFY2(up.status == 200, qPrintable(describe(up)));
        QCOMPARE(up.header("access-control-allow-origin"), kPanel.toUtf8());
        const auto refused =
            curl(curlArgs(d(), "PUT", QStringLiteral("/volumes/%1/files/content?path=../x").arg(id),
                          {QStringLiteral("--data-binary"), QStringLiteral("hello")}) +
                 origin(kPanel));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.header("access-control-allow-origin"), kPanel.toUtf8());
    }

    // The connection guard's own refusals (here 431, a head over the limit) carry CORS too, and are
    // counted in /metrics like any answer; a made-up method is counted as "other", never as itself.
    void guardRefusalsCarryAllowOriginAndAreCounted()
    {
        // (the Origin line comes first, as browsers send it: what lies past the limit is never read)
        const auto big = curl(origin(kPanel) +
                              QStringList{d().url(QStringLiteral("/volumes")), QStringLiteral("-H"),
                                          QStringLiteral("X-Big: ") + QString(40000, u'a')} +
                              d().authArgs());
        QVERIFY2(big.status == 431, qPrintable(describe(big)));
        QCOMPARE(big.header("access-control-allow-origin"), kPanel.toUtf8());
        const auto odd = curl(QStringList{QStringLiteral("-X"), QStringLiteral("FROBNICATE"),
                                          d().url(QStringLiteral("/volumes"))} +
                              d().authArgs() + origin(kPanel));
        QVERIFY2(odd.status >= 400, qPrintable(describe(odd)));
        QCOMPARE(odd.header("access-control-allow-origin"), kPanel.toUtf8());
        const auto metrics = curl(QStringList{d().url(QStringLiteral("/metrics"))} + d().authArgs());
        QCOMPARE(metrics.status, 200);
        QVERIFY2(metrics.body.contains(
                     "lightd_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"431\"}"),
                 metrics.body.constData());
        QVERIFY2(metrics.body.contains("method=\"other\""), metrics.body.constData());
        QVERIFY(!metrics.body.contains("FROBNICATE"));
    }

    void otherOriginsGetNoCorsHeaders()
    {
        const auto pre = preflight(d(), QStringLiteral("/volumes"), QStringLiteral("https://evil.example"),
                                   QStringLiteral("POST"));
        QCOMPARE(pre.status, 204); // answered, but nothing that lets a browser go on
        QVERIFY2(pre.header("access-control-allow-origin").isEmpty(), qPrintable(describe(pre)));
        QVERIFY(pre.header("access-control-allow-methods").isEmpty());
        const auto get = curl(QStringList{d().url(QStringLiteral("/volumes"))} + d().authArgs() +
                              origin(QStringLiteral("https://evil.example")));
        QCOMPARE(get.status, 200);
        QVERIFY(get.header("access-control-allow-origin").isEmpty());
        // no Origin at all (curl, the GUI): no CORS headers
        const auto plain = curl(QStringList{d().url(QStringLiteral("/volumes"))} + d().authArgs());
        QVERIFY(plain.header("access-control-allow-origin").isEmpty());
    }

    void preflightOnUnknownPathIs404()
    {
        const auto r = preflight(d(), QStringLiteral("/nope"), kPanel, QStringLiteral("GET"));
        API_VERIFY_ERROR(r, 404, "route_not_found");
    }

    void wildcardAllowsAnyOriginAndDefaultAllowsNone()
    {
        DaemonProcess any(testConfig(
            {{QStringLiteral("server"),
              QJsonObject{{QStringLiteral("allowed_origins"), QJsonArray{QStringLiteral("*")}}}}}));
        QVERIFY(any.start());
        const auto r = preflight(any, QStringLiteral("/containers"), QStringLiteral("https://anything.test"),
                                 QStringLiteral("POST"));
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("https://anything.test"));

        DaemonProcess none(testConfig());
        QVERIFY(none.start());
        const auto n = preflight(none, QStringLiteral("/containers"), kPanel, QStringLiteral("POST"));
        QCOMPARE(n.status, 204);
        QVERIFY(n.header("access-control-allow-origin").isEmpty());
    }

    void reloadAppliesNewOrigins()
    {
        DaemonProcess p(testConfig());
        QVERIFY(p.start());
        QVERIFY(preflight(p, QStringLiteral("/volumes"), kPanel, QStringLiteral("GET"))
                    .header("access-control-allow-origin")
                    .isEmpty());
        QJsonObject cfg = QJsonDocument::fromJson(readAll(p.configPath())).object();
        QJsonObject server = cfg.value(QStringLiteral("server")).toObject();
        server.insert(QStringLiteral("allowed_origins"), QJsonArray{kPanel});
        cfg.insert(QStringLiteral("server"), server);
        QFile f(p.configPath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(cfg).toJson());
        f.close();
        ::kill(pid_t(p.process().processId()), SIGHUP);
        QVERIFY(waitUntil(
            [&] {
                return preflight(p, QStringLiteral("/volumes"), kPanel, QStringLiteral("GET"))
                           .header("access-control-allow-origin") == kPanel.toUtf8();
            },
            10000));
    }
};

QTEST_GUILESS_MAIN(TestApiCors)
#include "tst_api_cors.moc"
