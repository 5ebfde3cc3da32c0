#include "auth/AuthGuard.h"

#include "lightd/ErrorCodes.h"

#include <sodium.h>

namespace lightd::auth {
namespace {
DomainError rateLimited(RateLimiter &limiter, const QHostAddress &peer)
{
    const int retryAfterS = limiter.retryAfterS(peer);
    return DomainError::retryLater(
        codes::RateLimited,
        QStringLiteral("Too many failed authentication attempts; retry in %1 s").arg(retryAfterS),
        retryAfterS);
}

DomainError unauthorized()
{
    return DomainError(codes::Unauthorized, QStringLiteral("Missing or invalid token"));
}

// Only failures are throttled: a valid token always gets in, so one anonymous client behind the
// panel's reverse proxy cannot lock the panel out by failing from the shared address. Tokens carry
// 128 random bits, so answering a blocked address's correct guess costs nothing.
DomainError failed(RateLimiter &limiter, const QHostAddress &peer)
{
    if (limiter.blocked(peer))
        return rateLimited(limiter, peer);
    limiter.recordFailure(peer);
    return unauthorized();
}
} // namespace

void AuthGuard::setMetricsToken(const QString &token)
{
    m_metricsHash = token.isEmpty() ? QByteArray() : TokenService::hash(token);
}

bool AuthGuard::acceptsVendor(const QByteArray &accept)
{
    for (const auto &part : accept.split(',')) {
        const QByteArray type = part.split(';').first().trimmed();
        if (type.compare("application/vnd.pkglatv1+json", Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

http::Caller AuthGuard::authenticate(const http::HttpRequest &req, http::Access access)
{
    http::Caller caller{true, QString(), QStringList()};
    if (m_enabled) {
        const QByteArray auth = req.header("authorization");
        const QByteArray prefix = "Bearer ";
        const bool bearer =
            auth.size() > prefix.size() && auth.left(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0;
        const QString presented = bearer ? QString::fromUtf8(auth.mid(prefix.size()).trimmed()) : QString();
        if (access == http::Access::Metrics && !m_metricsHash.isEmpty() && !presented.isEmpty()) {
            const QByteArray h = TokenService::hash(presented);
            if (sodium_memcmp(h.constData(), m_metricsHash.constData(), size_t(h.size())) == 0)
                return http::Caller{false, QStringLiteral("metrics"), {QStringLiteral("metrics")}};
        }
        bool outOfScope = false;
        const auto verified = bearer ? m_tokens.verify(presented, Purpose{}, &outOfScope) : std::nullopt;
        if (outOfScope) { // a real token, for something else: 403 once the vendor header is right
            if (!acceptsVendor(req.header("accept")))
                throw DomainError(codes::InvalidVendor,
                                  QStringLiteral("Accept header must include Application/vnd.pkglatv1+json"));
            throw DomainError(codes::Forbidden,
                              QStringLiteral("This token's scopes do not allow this route"));
        }
        if (!verified)
            throw failed(m_limiter, req.peer);
        caller = *verified;
    }
    if (!acceptsVendor(req.header("accept")))
        throw DomainError(codes::InvalidVendor,
                          QStringLiteral("Accept header must include Application/vnd.pkglatv1+json"));
    if (access == http::Access::MasterOnly && !caller.master)
        throw DomainError(codes::Forbidden, QStringLiteral("This route needs the master token"));
    return caller;
}

std::optional<DomainError> AuthGuard::checkConsole(const QString &token, const QString &containerId,
                                                   const QHostAddress &peer)
{
    if (!m_enabled)
        return std::nullopt;
    bool outOfScope = false;
    if (!m_tokens.verify(token, Purpose{Purpose::Console, containerId}, &outOfScope)) {
        if (outOfScope)
            return DomainError(codes::Forbidden,
                               QStringLiteral("This token's scopes do not allow this console"));
        return failed(m_limiter, peer);
    }
    return std::nullopt;
}
} // namespace lightd::auth
