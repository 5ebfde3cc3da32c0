#include "auth/AuthGuard.h"

#include "lightd/ErrorCodes.h"

namespace lightd::auth {
namespace {
http::ApiError rateLimited(RateLimiter &limiter, const QHostAddress &peer)
{
    const int retryAfterS = limiter.retryAfterS(peer);
    return http::ApiError::tooManyRequests(
        codes::RateLimited,
        QStringLiteral("Too many failed authentication attempts; retry in %1 s").arg(retryAfterS),
        retryAfterS);
}

http::ApiError unauthorized()
{
    return http::ApiError(401, codes::Unauthorized, QStringLiteral("Missing or invalid token"));
}
} // namespace

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
        if (m_limiter.blocked(req.peer))
            throw rateLimited(m_limiter, req.peer);
        const QByteArray auth = req.header("authorization");
        const QByteArray prefix = "Bearer ";
        const bool bearer =
            auth.size() > prefix.size() && auth.left(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0;
        const auto verified =
            bearer ? m_tokens.verify(QString::fromUtf8(auth.mid(prefix.size()).trimmed()), Purpose{})
                   : std::nullopt;
        if (!verified) {
            m_limiter.recordFailure(req.peer);
            throw unauthorized();
        }
        caller = *verified;
    }
    if (!acceptsVendor(req.header("accept")))
        throw http::ApiError(403, codes::InvalidVendor,
                             QStringLiteral("Accept header must include Application/vnd.pkglatv1+json"));
    if (access == http::Access::MasterOnly && !caller.master)
        throw http::ApiError(403, codes::Forbidden, QStringLiteral("This route needs the master token"));
    return caller;
}

std::optional<http::ApiError> AuthGuard::checkConsole(const QString &token, const QString &containerId,
                                                      const QHostAddress &peer)
{
    if (!m_enabled)
        return std::nullopt;
    if (m_limiter.blocked(peer))
        return rateLimited(m_limiter, peer);
    if (!m_tokens.verify(token, Purpose{Purpose::Console, containerId})) {
        m_limiter.recordFailure(peer);
        return unauthorized();
    }
    return std::nullopt;
}
} // namespace lightd::auth
