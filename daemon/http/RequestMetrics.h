#pragma once
#include "metrics/TextWriter.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <array>

namespace lightd::http {
// Requests answered, by method, route template (never the concrete path: bounded label values) and
// status, with a latency histogram per method and route. Fed by every answer the listener sends.
class RequestMetrics
{
  public:
    // route: the matched pattern, or "unmatched" for 404/405 and refusals before routing.
    void record(const QByteArray &method, const QString &route, int status, qint64 elapsedNs);
    void write(metrics::TextWriter &w) const;

    static constexpr std::array<double, 12> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,   0.25,   0.5,   1,    2.5,   10};

  private:
    struct Histogram
    {
        std::array<quint64, kBuckets.size()> counts{};
        quint64 count = 0;
        double sum = 0;
    };
    QHash<QString, quint64> m_requests;  // "METHOD\nroute\nstatus"
    QHash<QString, Histogram> m_latency; // "METHOD\nroute"
};
} // namespace lightd::http
