#pragma once
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "http/Responder.h"

#include <QList>
#include <QString>
#include <functional>
#include <memory>

namespace lightd::http {
enum class Access {
    Public,     // no credentials
    Protected,  // master token or a scoped token allowed on the REST API
    MasterOnly, // master token only (token management, remote config)
    Metrics,    // Protected, or server.metrics_token (valid for this route alone, no vendor header:
                // Prometheus cannot send one)
};

using SyncHandler = std::function<HttpResponse(const HttpRequest &)>;
using AsyncHandler = std::function<void(const HttpRequest &, Responder)>;
class BodySink;
// For streaming-body routes: gets the request with an empty body (head, params, caller) and returns
// the sink the body is written to, or throws DomainError.
using UploadHandler = std::function<std::unique_ptr<BodySink>(const HttpRequest &)>;

struct Route
{
    QByteArray method;
    QString pattern;
    Access access = Access::Protected;
    QStringList segments; // pattern split on '/'; ":name" captures one segment
    int literals = 0;     // literal segments: the most specific route wins
    SyncHandler sync;
    AsyncHandler async;
    UploadHandler upload;
};

// The route table: method + path pattern -> handler. HEAD is served by GET routes; a known path with
// the wrong method is 405 with an Allow header, an unknown path 404.
class Router
{
  public:
    void add(const char *method, const QString &pattern, Access access, SyncHandler handler);
    void addAsync(const char *method, const QString &pattern, Access access, AsyncHandler handler);
    void addUpload(const char *method, const QString &pattern, Access access, UploadHandler handler);

    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QByteArrayList allowed; // methods the path accepts, when route is null but the path is known
    };
    Match match(const QByteArray &method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

  private:
    void insert(Route route);
    QList<Route> m_routes;
};
} // namespace lightd::http
