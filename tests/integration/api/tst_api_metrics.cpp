// GET /metrics in the Prometheus text format against the real daemon: promtool accepts it, the
// families of issue 19 are there with their labels, the figures move with real traffic, and access is
// the protected rule plus server.metrics_token (valid for /metrics alone). The JSON view is
// GET /system/metrics.
#include "ApiTestUtil.h"

#include <QRegularExpression>
#include <QTemporaryFile>

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

namespace {
const QString kMetricsToken = QStringLiteral("scrape-only-token-0123456789");

QStringList bearer(const QString &token)
{
    return {QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + token};
}

// The value of one sample line (exact name and label set as written), or -1.
double sampleValue(const QByteArray &text, const QByteArray &series)
{
    for (const auto &line : text.split('\n')) {
        if (line.startsWith(series + ' '))
            return line.mid(series.size() + 1).toDouble();
    }
    return -1;
}
} // namespace

class TestApiMetrics : public QObject
{
    Q_OBJECT
    std::unique_ptr<DaemonProcess> m_daemon;
    DaemonProcess &d() { return *m_daemon; }

    QByteArray scrape()
    {
        const auto r = curl(QStringList{d().url(QStringLiteral("/metrics"))} + bearer(kMetricsToken));
        return r.status == 200 ? r.body : QByteArray();
    }

  private Q_SLOTS:
    void initTestCase()
    {
        m_daemon = std::make_unique<DaemonProcess>(testConfig(
            {{QStringLiteral("server"), QJsonObject{{QStringLiteral("metrics_token"), kMetricsToken}}}}));
        QVERIFY(d().start());
    }

    void promtoolAcceptsTheExposition()
    {
        curl(curlArgs(d(), "GET", QStringLiteral("/volumes"))); // some traffic first
        const auto r = curl(curlArgs(d(), "GET", QStringLiteral("/metrics")));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.header("content-type").startsWith("text/plain; version=0.0.4"),
                 r.header("content-type").constData());
        QProcess promtool;
        promtool.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY2(promtool.waitForStarted(),
                 "promtool not found: scripts/install-deps.sh installs Debian prometheus");
        promtool.write(r.body);
        promtool.closeWriteChannel();
        QVERIFY(promtool.waitForFinished(30000));
        const QByteArray out = promtool.readAllStandardOutput() + promtool.readAllStandardError();
        QVERIFY2(promtool.exitCode() == 0, out.constData());
        QVERIFY2(out.trimmed().isEmpty(), out.constData()); // no lint complaints either
    }

    void familiesOfTheIssueArePresent()
    {
        const QByteArray t = scrape();
        for (const char *family : {"lightd_http_requests_total",
                                   "lightd_http_request_duration_seconds",
                                   "lightd_containers",
                                   "lightd_docker_streams",
                                   "lightd_engine_up",
                                   "lightd_websocket_viewers",
                                   "lightd_console_lines_total",
                                   "lightd_console_lines_dropped_total",
                                   "lightd_file_bytes_total",
                                   "lightd_quota_walk_seconds_total",
                                   "lightd_process_resident_memory_bytes",
                                   "lightd_process_cpu_seconds_total",
                                   "lightd_process_open_fds",
                                   "lightd_sftp_sessions",
                                   "lightd_sftp_bytes_total",
                                   "lightd_outbox_pending",
                                   "lightd_outbox_delivered_total",
                                   "lightd_outbox_failures_total",
                                   "lightd_outbox_dropped_total",
                                   "lightd_remote_healthy",
                                   "lightd_metering_ticks_total",
                                   "lightd_metering_sources"})
            QVERIFY2(t.contains(QByteArray("# TYPE ") + family + ' '), family);
        for (const char *state :
             {"installing", "ready", "starting", "running", "stopping", "suspended", "failed"})
            QVERIFY2(sampleValue(t, QByteArray("lightd_containers{state=\"") + state + "\"}") >= 0, state);
        for (const char *kind : {"attach", "stats", "events"})
            QVERIFY(sampleValue(t, QByteArray("lightd_docker_streams{kind=\"") + kind + "\"}") >= 0);
        QVERIFY(sampleValue(t, "lightd_process_resident_memory_bytes") > 1e6);
        QVERIFY(sampleValue(t, "lightd_process_open_fds") > 3);
        // the engine is up once the daemon has seen it
        QVERIFY(waitUntil([&] { return sampleValue(scrape(), "lightd_engine_up") == 1; }, 20000));
        QCOMPARE(sampleValue(scrape(), "lightd_docker_streams{kind=\"events\"}"), 1.0);
    }

    void requestsCountedByRouteTemplate()
    {
        const QByteArray series =
            "lightd_http_requests_total{method=\"GET\",route=\"/volumes/:id\",status=\"404\"}";
        const double before = qMax(0.0, sampleValue(scrape(), series));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(curl(curlArgs(d(), "GET", QStringLiteral("/volumes/nope-%1").arg(i))).status, 404);
        const QByteArray t = scrape();
        QCOMPARE(sampleValue(t, series), before + 3);
        // concrete paths never become labels
        QVERIFY(!t.contains("nope-"));
        QVERIFY(sampleValue(
                    t, "lightd_http_request_duration_seconds_count{method=\"GET\",route=\"/volumes/:id\"}") >=
                3);
    }

    void fileBytesMoveBothWays()
    {
        const QByteArray t0 = scrape();
        const double up0 = sampleValue(t0, "lightd_file_bytes_total{direction=\"up\"}");
        const double down0 = sampleValue(t0, "lightd_file_bytes_total{direction=\"down\"}");
        const auto vol = curl(curlArgs(d(), "POST", QStringLiteral("/volumes")));
        QCOMPARE(vol.status, 201);
        const QString id = vol.json().value(QStringLiteral("volume_id")).toString();
        const QByteArray payload(100000, 'x');
        QTemporaryFile f;
        QVERIFY(f.open());
        f.write(payload);
        f.flush();
        QCOMPARE(curl(curlArgs(d(), "PUT", QStringLiteral("/volumes/%1/files/content?path=m.bin").arg(id),
                               {QStringLiteral("--data-binary"), QLatin1Char('@') + f.fileName()}))
                     .status,
                 200);
        const auto down =
            curl(curlArgs(d(), "GET", QStringLiteral("/volumes/%1/files/content?path=m.bin").arg(id)));
        QCOMPARE(down.body.size(), payload.size());
        const QByteArray t1 = scrape();
        QCOMPARE(sampleValue(t1, "lightd_file_bytes_total{direction=\"up\"}"), up0 + payload.size());
        QCOMPARE(sampleValue(t1, "lightd_file_bytes_total{direction=\"down\"}"), down0 + payload.size());
    }

    void accessRules()
    {
        const QString url = d().url(QStringLiteral("/metrics"));
        // no token, a wrong token: 401
        API_VERIFY_ERROR(curl({url, QStringLiteral("-H"), QStringLiteral("Accept: ") + kVendor}), 401,
                         "unauthorized");
        API_VERIFY_ERROR(curl(QStringList{url} + bearer(QStringLiteral("not-the-scrape-token-000"))), 401,
                         "unauthorized");
        // the master token follows the protected rule (vendor header)
        API_VERIFY_ERROR(curl(QStringList{url} + bearer(d().token())), 403, "invalid_vendor");
        QCOMPARE(curl(curlArgs(d(), "GET", QStringLiteral("/metrics"))).status, 200);
        // the metrics token as Prometheus sends it (its own Accept header)
        const auto prom =
            curl(QStringList{url} + bearer(kMetricsToken) +
                 QStringList{QStringLiteral("-H"),
                             QStringLiteral("Accept: application/openmetrics-text;version=1.0.0,"
                                            "text/plain;version=0.0.4;q=0.5,*/*;q=0.1")});
        QCOMPARE(prom.status, 200);
        // ... and nowhere else
        const QStringList vendorHeader{QStringLiteral("-H"), QStringLiteral("Accept: ") + kVendor};
        for (const char *path : {"/system/metrics", "/volumes", "/auth/tokens", "/system/info"})
            API_VERIFY_ERROR(
                curl(QStringList{d().url(QLatin1StringView(path))} + bearer(kMetricsToken) + vendorHeader),
                401, "unauthorized");
    }

    void jsonViewMovedToSystemMetrics()
    {
        const auto r = curl(curlArgs(d(), "GET", QStringLiteral("/system/metrics")));
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        for (const char *k :
             {"containers", "websocket_viewers", "docker_streams", "rss_bytes", "docker_available"})
            QVERIFY2(o.contains(QLatin1StringView(k)), k);
    }

    void shortMetricsTokenRefused()
    {
        DaemonProcess bad(testConfig({{QStringLiteral("server"), QJsonObject{{QStringLiteral("metrics_token"),
                                                                              QStringLiteral("short")}}}}));
        QVERIFY(!bad.start(10000));
        QVERIFY2(bad.log().contains("server.metrics_token"), bad.log().constData());
    }
};

QTEST_GUILESS_MAIN(TestApiMetrics)
#include "tst_api_metrics.moc"
