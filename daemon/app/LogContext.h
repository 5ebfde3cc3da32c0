#pragma once
#include <QString>

namespace lightd {
// The request a log line is about, for the JSON log format's request_id field: set for the span of
// a request's synchronous handling (and around its access line) on the thread doing it.
inline thread_local QString t_logRequestId;

class ScopedRequestId
{
  public:
    explicit ScopedRequestId(const QString &id) : m_previous(t_logRequestId) { t_logRequestId = id; }
    ~ScopedRequestId() { t_logRequestId = m_previous; }
    ScopedRequestId(const ScopedRequestId &) = delete;
    ScopedRequestId &operator=(const ScopedRequestId &) = delete;

  private:
    QString m_previous;
};
} // namespace lightd
