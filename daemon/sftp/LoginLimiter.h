#pragma once
#include "auth/RateLimiter.h"

#include <QMutex>

namespace lightd::sftp {
// The REST limiter's rules (authorization.max_failures per authorization.failure_window_s and
// address) for SFTP logins, callable from session threads.
class LoginLimiter
{
  public:
    LoginLimiter(int maxFailures, int windowMs) : m_limiter(maxFailures, windowMs) {}
    void configure(int maxFailures, int windowMs)
    {
        QMutexLocker lock(&m_mutex);
        m_limiter.configure(maxFailures, windowMs);
    }
    bool blocked(const QHostAddress &addr)
    {
        QMutexLocker lock(&m_mutex);
        return m_limiter.blocked(addr);
    }
    void recordFailure(const QHostAddress &addr)
    {
        QMutexLocker lock(&m_mutex);
        m_limiter.recordFailure(addr);
    }

  private:
    QMutex m_mutex;
    auth::RateLimiter m_limiter;
};
} // namespace lightd::sftp
