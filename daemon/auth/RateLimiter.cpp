#include "auth/RateLimiter.h"

#include <QDateTime>

namespace lightd::auth {
namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

void RateLimiter::configure(int maxFailures, int windowMs)
{
    m_max = maxFailures;
    m_windowMs = windowMs;
}

void RateLimiter::prune(QList<qint64> &times, qint64 now) const
{
    while (!times.isEmpty() && times.first() <= now - m_windowMs)
        times.removeFirst();
}

bool RateLimiter::blocked(const QHostAddress &addr)
{
    auto it = m_failures.find(addr.toString());
    if (it == m_failures.end())
        return false;
    prune(*it, nowMs());
    if (it->isEmpty()) {
        m_failures.erase(it);
        return false;
    }
    return it->size() >= m_max;
}

int RateLimiter::failures(const QHostAddress &addr)
{
    return blocked(addr) ? m_max : int(m_failures.value(addr.toString()).size());
}

void RateLimiter::recordFailure(const QHostAddress &addr)
{
    auto &times = m_failures[addr.toString()];
    const qint64 now = nowMs();
    prune(times, now);
    times.append(now);
    if (m_failures.size() > 100000) // bound memory under a spray of addresses
        m_failures.clear();
}

int RateLimiter::retryAfterS(const QHostAddress &addr)
{
    const auto times = m_failures.value(addr.toString());
    if (times.isEmpty())
        return 0;
    return int(std::max<qint64>(1, (times.first() + m_windowMs - nowMs() + 999) / 1000));
}
} // namespace lightd::auth
