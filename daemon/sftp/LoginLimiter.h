#pragma once
#include "auth/RateLimiter.h"

#include <QHash>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace lightd::sftp {
// The REST limiter's rules (authorization.max_failures per authorization.failure_window_s and
// address) for SFTP logins, callable from session threads. Password checks are reserved before
// they run: checks under way count as failures until they end, so parallel connections from one
// address get at most max_failures argon2id checks per window, never one per connection.
// std::mutex and std::condition_variable rather than Qt's: a QWaitCondition's wait unlocks and
// relocks inside Qt's library, where ThreadSanitizer (tests/sanitize/tsan.sh) cannot see it.
class LoginLimiter
{
  public:
    LoginLimiter(int maxFailures, int windowMs) : m_limiter(maxFailures, windowMs) {}
    void configure(int maxFailures, int windowMs)
    {
        std::lock_guard lock(m_mutex);
        m_limiter.configure(maxFailures, windowMs);
    }
    bool blocked(const QHostAddress &addr)
    {
        std::lock_guard lock(m_mutex);
        return m_limiter.blocked(addr);
    }
    void recordFailure(const QHostAddress &addr)
    {
        std::lock_guard lock(m_mutex);
        m_limiter.recordFailure(addr);
    }
    // A password check from addr may run (then finishCheck follows), or the address is limited.
    // When the checks under way could still take it to the limit, it waits for them (at most
    // waitMs): correct logins from one address in parallel (a client opening several connections)
    // go through, guesses in parallel do not get more than the limit.
    bool beginCheck(const QHostAddress &addr, int waitMs = 10000)
    {
        const QString key = addr.toString();
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(waitMs);
        std::unique_lock lock(m_mutex);
        for (;;) {
            const int failures = m_limiter.failures(addr), running = m_running.value(key);
            if (failures >= m_limiter.maxFailures())
                return false;
            if (failures + running < m_limiter.maxFailures())
                break;
            if (m_checkDone.wait_until(lock, deadline) == std::cv_status::timeout)
                return false;
        }
        ++m_running[key];
        return true;
    }
    void finishCheck(const QHostAddress &addr, bool failed)
    {
        std::lock_guard lock(m_mutex);
        const QString key = addr.toString();
        if (--m_running[key] <= 0)
            m_running.remove(key);
        if (failed)
            m_limiter.recordFailure(addr);
        m_checkDone.notify_all();
    }

  private:
    std::mutex m_mutex;
    auth::RateLimiter m_limiter;
    std::condition_variable m_checkDone;
    QHash<QString, int> m_running; // password checks under way per address
};
} // namespace lightd::sftp
