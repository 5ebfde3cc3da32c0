#pragma once
#include "auth/RateLimiter.h"
#include "auth/TokenService.h"
#include "http/Router.h"
#include "lightd/DomainError.h"

namespace lightd::auth {
// The checks every protected request passes, in the contract's order: rate limit (429), token (401),
// vendor media type (403), master-only routes (403).
class AuthGuard
{
  public:
    AuthGuard(TokenService &tokens, RateLimiter &limiter) : m_tokens(tokens), m_limiter(limiter) {}
    void setEnabled(bool enabled) { m_enabled = enabled; }
    // server.metrics_token (empty: none): accepted on Access::Metrics routes only.
    void setMetricsToken(const QString &token);

    http::Caller authenticate(const http::HttpRequest &req, http::Access access);
    // For the console WebSocket: ?token=, no vendor header (browsers cannot set it).
    std::optional<DomainError> checkConsole(const QString &token, const QString &containerId,
                                            const QHostAddress &peer);
    static bool acceptsVendor(const QByteArray &accept);

  private:
    TokenService &m_tokens;
    RateLimiter &m_limiter;
    bool m_enabled = true;
    QByteArray m_metricsHash; // SHA-256 of server.metrics_token, empty when none
};
} // namespace lightd::auth
