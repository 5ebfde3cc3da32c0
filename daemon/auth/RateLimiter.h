#pragma once
#include <QDeadlineTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>

namespace lightd::auth {
// Counts failed logins per address in a sliding window; an address with too many is refused (429)
// until its oldest failure leaves the window. Shared by REST, WebSocket and SFTP logins.
class RateLimiter
{
  public:
    RateLimiter(int maxFailures, int windowMs) : m_max(maxFailures), m_windowMs(windowMs) {}
    void configure(int maxFailures, int windowMs);
    bool blocked(const QHostAddress &addr);
    // Failures of the address in the window, and how many make it blocked.
    int failures(const QHostAddress &addr);
    int maxFailures() const { return m_max; }
    void recordFailure(const QHostAddress &addr);
    // Seconds until the address may try again (for Retry-After).
    int retryAfterS(const QHostAddress &addr);

  private:
    void prune(QList<qint64> &times, qint64 now) const;
    int m_max;
    int m_windowMs;
    QHash<QString, QList<qint64>> m_failures;
};
} // namespace lightd::auth
