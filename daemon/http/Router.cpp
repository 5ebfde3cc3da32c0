#include "http/Router.h"

#include <QUrl>

namespace lightd::http {
namespace {
QStringList splitPath(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}
} // namespace

void Router::insert(Route route)
{
    route.segments = splitPath(route.pattern);
    for (const auto &s : route.segments) {
        if (!s.startsWith(QLatin1Char(':')))
            ++route.literals;
    }
    m_routes.append(std::move(route));
}

namespace {
Route makeRoute(const char *method, const QString &pattern, Access access)
{
    Route r;
    r.method = method;
    r.pattern = pattern;
    r.access = access;
    return r;
}
bool matches(const Route &r, const QStringList &parts)
{
    if (r.segments.size() != parts.size())
        return false;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &seg = r.segments[i];
        if (!seg.startsWith(QLatin1Char(':')) && seg != parts[i])
            return false;
    }
    return true;
}
} // namespace

void Router::add(const char *method, const QString &pattern, Access access, SyncHandler handler)
{
    Route r = makeRoute(method, pattern, access);
    r.sync = std::move(handler);
    insert(std::move(r));
}

void Router::addAsync(const char *method, const QString &pattern, Access access, AsyncHandler handler)
{
    Route r = makeRoute(method, pattern, access);
    r.async = std::move(handler);
    insert(std::move(r));
}

void Router::addUpload(const char *method, const QString &pattern, Access access, UploadHandler handler)
{
    Route r = makeRoute(method, pattern, access);
    r.upload = std::move(handler);
    insert(std::move(r));
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    // "/a/b" and "/a/b/" are the same route; an empty segment anywhere else ("//volumes",
    // "/volumes//files") matches nothing, so no route ever sees an empty parameter.
    QStringView trimmed(path);
    if (trimmed.size() > 1 && trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    if (!trimmed.startsWith(QLatin1Char('/')))
        return {};
    const QStringList parts =
        trimmed.size() == 1 ? QStringList() : trimmed.sliced(1).toString().split(QLatin1Char('/'));
    if (parts.contains(QString()))
        return {};
    const QByteArray wanted = method == "HEAD" ? QByteArrayLiteral("GET") : method;
    // The most specific pattern (most literal segments) decides first, the method second: GET
    // /network/ports/bulk is a 405 (POST only), not the id route /network/ports/:id.
    int mostLiterals = -1;
    for (const Route &r : m_routes) {
        if (r.literals > mostLiterals && matches(r, parts))
            mostLiterals = r.literals;
    }
    Match best;
    for (const Route &r : m_routes) {
        if (r.literals != mostLiterals || !matches(r, parts))
            continue;
        if (r.method != wanted) {
            if (!best.allowed.contains(r.method))
                best.allowed.append(r.method);
            continue;
        }
        best.route = &r;
    }
    if (best.route) {
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString &seg = best.route->segments[i];
            if (seg.startsWith(QLatin1Char(':')))
                best.params.insert(seg.mid(1), QUrl::fromPercentEncoding(parts[i].toUtf8()));
        }
    }
    return best;
}
} // namespace lightd::http
