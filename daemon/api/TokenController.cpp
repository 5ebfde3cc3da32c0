#include "api/TokenController.h"

#include "http/JsonFields.h"
#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "lightd/Keys.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace lightd::api {
using namespace http;

HttpResponse TokenController::create(const HttpRequest &req)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(body, {keys::Ttl, keys::RemoveOnUse, keys::Scopes});
    qint64 ttl = 3600;
    if (body.contains(keys::Ttl)) {
        const auto parsed = auth::TokenService::parseTtl(body.value(keys::Ttl));
        if (!parsed)
            fields::invalid(keys::Ttl,
                            QStringLiteral("must be Ns, Nm, Nh, Nd or seconds, between 1 s and 366 d"));
        ttl = *parsed;
    }
    const bool removeOnUse = fields::optionalBool(body, keys::RemoveOnUse).value_or(false);
    QStringList scopes;
    static const QRegularExpression scopeRe(
        QStringLiteral("^(\\*|api|ws:\\*|ws:[A-Za-z0-9][A-Za-z0-9_.-]{0,63})$"));
    const auto given = fields::optionalArray(body, keys::Scopes);
    // Omitted means every scope; an empty list would mean none, which no token can be.
    if (given && given->isEmpty())
        fields::invalid(keys::Scopes,
                        QStringLiteral("must list at least one scope (omit it for every scope)"));
    for (const auto &v : given.value_or(QJsonArray())) {
        if (!v.isString() || !scopeRe.match(v.toString()).hasMatch())
            fields::invalid(
                keys::Scopes,
                QStringLiteral("entries must be \"*\", \"api\", \"ws:*\" or \"ws:<internal_id>\""));
        scopes.append(v.toString());
    }
    if (!given) // stored and listed as what it means, so an empty list never reads as "everything"
        scopes.append(QStringLiteral("*"));
    // Every token lives in memory and in SQLite: a bound keeps a leaked master token (or a buggy
    // panel) from growing both without limit.
    if (m_tokens.list().size() >= m_config.authorization.maxTokens)
        throw DomainError::retryLater(codes::RateLimited,
                                      QStringLiteral("At most %1 live tokens (authorization.max_tokens)")
                                          .arg(m_config.authorization.maxTokens),
                                      60);
    return HttpResponse::json(201, m_tokens.create(ttl, removeOnUse, scopes).toJson());
}

HttpResponse TokenController::list(const HttpRequest &)
{
    QJsonArray a;
    for (const auto &t : m_tokens.list())
        a.append(t.toJson());
    return HttpResponse::json(200, QJsonObject{{keys::Tokens, a}});
}

HttpResponse TokenController::revoke(const HttpRequest &req)
{
    if (!m_tokens.revoke(req.param(QStringLiteral("id"))))
        throw DomainError(codes::TokenNotFound, QStringLiteral("Token not found"));
    return HttpResponse::message(200, QStringLiteral("Token revoked"));
}
} // namespace lightd::api
