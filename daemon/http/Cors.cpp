#include "http/Cors.h"

namespace lightd::http {
namespace {
void header(HttpResponse &r, const char *name, const QByteArray &value)
{
    r.headers.append({QByteArray(name), value});
}
} // namespace

QByteArray Cors::allowOrigin(const QByteArray &origin) const
{
    if (origin.isEmpty() || m_origins.isEmpty())
        return {};
    // The origin itself is echoed even for "*": one answer shape whatever the list holds.
    if (m_origins.contains(QStringLiteral("*")) || m_origins.contains(QString::fromUtf8(origin)))
        return origin;
    return {};
}

void Cors::decorate(HttpResponse &response, const QByteArray &allowOrigin)
{
    if (allowOrigin.isEmpty())
        return;
    header(response, "Access-Control-Allow-Origin", allowOrigin);
    header(response, "Access-Control-Expose-Headers", "X-Request-Id, Retry-After, Allow");
    header(response, "Vary", "Origin");
}

HttpResponse Cors::preflight(const QByteArray &allowOrigin, QByteArrayList methods)
{
    if (methods.contains("GET") && !methods.contains("HEAD"))
        methods.append("HEAD");
    methods.append("OPTIONS");
    HttpResponse r = HttpResponse::raw(204, QByteArrayLiteral("text/plain"), QByteArray());
    header(r, "Allow", methods.join(", "));
    if (!allowOrigin.isEmpty()) {
        header(r, "Access-Control-Allow-Origin", allowOrigin);
        header(r, "Access-Control-Allow-Methods", methods.join(", "));
        header(r, "Access-Control-Allow-Headers", "Authorization, Accept, Content-Type");
        header(r, "Access-Control-Max-Age", "600");
        header(r, "Vary", "Origin");
    }
    return r;
}
} // namespace lightd::http
