// The Prometheus text writer and the request histogram: escaping, one HELP/TYPE per family,
// cumulative buckets.
#include "http/RequestMetrics.h"
#include "metrics/Registry.h"

#include <QTest>

using namespace lightd;

class TestMetricsText : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void escapesLabelValues()
    {
        metrics::TextWriter w;
        w.family("lightd_x", "gauge", "A test.");
        w.sample("lightd_x", {{"path", QStringLiteral("a\"b\\c\nd")}}, 1.5);
        w.family("lightd_x", "gauge", "declared twice");
        w.sample("lightd_x", 2);
        QCOMPARE(w.text(), QByteArray("# HELP lightd_x A test.\n# TYPE lightd_x gauge\n"
                                      "lightd_x{path=\"a\\\"b\\\\c\\nd\"} 1.5\nlightd_x 2\n"));
    }

    void histogramBucketsAreCumulative()
    {
        http::RequestMetrics m;
        m.record("GET", QStringLiteral("/volumes/:id"), 200, 2'000'000);   // 2 ms
        m.record("GET", QStringLiteral("/volumes/:id"), 404, 300'000'000); // 300 ms
        metrics::TextWriter w;
        m.write(w);
        const QByteArray t = w.text();
        QVERIFY(t.contains(
            "lightd_http_requests_total{method=\"GET\",route=\"/volumes/:id\",status=\"200\"} 1\n"));
        QVERIFY(t.contains(
            "lightd_http_requests_total{method=\"GET\",route=\"/volumes/:id\",status=\"404\"} 1\n"));
        QVERIFY(t.contains("lightd_http_request_duration_seconds_bucket{method=\"GET\",route=\"/volumes/"
                           ":id\",le=\"0.001\"} 0\n"));
        QVERIFY(t.contains("lightd_http_request_duration_seconds_bucket{method=\"GET\",route=\"/volumes/"
                           ":id\",le=\"0.0025\"} 1\n"));
        QVERIFY(t.contains("lightd_http_request_duration_seconds_bucket{method=\"GET\",route=\"/volumes/"
                           ":id\",le=\"0.5\"} 2\n"));
        QVERIFY(t.contains("lightd_http_request_duration_seconds_bucket{method=\"GET\",route=\"/volumes/"
                           ":id\",le=\"+Inf\"} 2\n"));
        QVERIFY(t.contains(
            "lightd_http_request_duration_seconds_count{method=\"GET\",route=\"/volumes/:id\"} 2\n"));
    }

    void registryCallsEveryCollector()
    {
        metrics::Registry r;
        r.addCollector([](metrics::TextWriter &w) { w.sample("a", 1); });
        r.addCollector([](metrics::TextWriter &w) { w.sample("b", 2); });
        QCOMPARE(r.render(), QByteArray("a 1\nb 2\n"));
    }
};

QTEST_GUILESS_MAIN(TestMetricsText)
#include "tst_metrics_text.moc"
