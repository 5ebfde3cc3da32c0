#include "http/RequestMetrics.h"

namespace lightd::http {
namespace {
// A label value from the client's own bytes: only the methods HTTP knows, so a client sending made-up
// methods cannot grow the series without bound.
QString methodLabel(const QByteArray &method)
{
    static const QByteArrayList known{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    return known.contains(method) ? QString::fromLatin1(method) : QStringLiteral("other");
}
} // namespace

void RequestMetrics::record(const QByteArray &method, const QString &route, int status, qint64 elapsedNs)
{
    const QString key = methodLabel(method) + QLatin1Char('\n') + route;
    ++m_requests[key + QLatin1Char('\n') + QString::number(status)];
    Histogram &h = m_latency[key];
    const double s = double(elapsedNs) / 1e9;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (s <= kBuckets[i])
            ++h.counts[i];
    }
    ++h.count;
    h.sum += s;
}

void RequestMetrics::write(metrics::TextWriter &w) const
{
    w.family("lightd_http_requests_total", "counter",
             "HTTP requests answered, by method, route template and status.");
    for (auto it = m_requests.constBegin(); it != m_requests.constEnd(); ++it) {
        const QStringList k = it.key().split(QLatin1Char('\n'));
        w.sample("lightd_http_requests_total", {{"method", k[0]}, {"route", k[1]}, {"status", k[2]}},
                 double(it.value()));
    }
    w.family("lightd_http_request_duration_seconds", "histogram",
             "Time from a request's arrival to its answer, by method and route template.");
    for (auto it = m_latency.constBegin(); it != m_latency.constEnd(); ++it) {
        const QStringList k = it.key().split(QLatin1Char('\n'));
        const Histogram &h = it.value();
        for (size_t i = 0; i < kBuckets.size(); ++i)
            w.sample("lightd_http_request_duration_seconds_bucket",
                     {{"method", k[0]},
                      {"route", k[1]},
                      {"le", QString::fromLatin1(metrics::TextWriter::number(kBuckets[i]))}},
                     double(h.counts[i]));
        w.sample("lightd_http_request_duration_seconds_bucket",
                 {{"method", k[0]}, {"route", k[1]}, {"le", QStringLiteral("+Inf")}}, double(h.count));
        w.sample("lightd_http_request_duration_seconds_sum", {{"method", k[0]}, {"route", k[1]}}, h.sum);
        w.sample("lightd_http_request_duration_seconds_count", {{"method", k[0]}, {"route", k[1]}},
                 double(h.count));
    }
}
} // namespace lightd::http
