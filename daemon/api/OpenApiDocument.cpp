#include "api/OpenApiDocument.h"

#include "api/OpenApiOperations.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>

namespace lightd::api {
namespace {
QString key(const QByteArray &method, const QString &pattern)
{
    return QString::fromLatin1(method) + QLatin1Char(' ') + pattern;
}

QHash<QString, const OperationDoc *> docsByRoute()
{
    int n = 0;
    const OperationDoc *docs = operationDocs(n);
    QHash<QString, const OperationDoc *> out;
    for (int i = 0; i < n; ++i)
        out.insert(key(docs[i].method, QString::fromLatin1(docs[i].pattern)), &docs[i]);
    return out;
}

// /containers/:id -> /containers/{id}
QString openApiPath(const QString &pattern, QJsonArray &parameters)
{
    QStringList parts = pattern.split(QLatin1Char('/'));
    for (auto &p : parts) {
        if (!p.startsWith(QLatin1Char(':')))
            continue;
        p = QLatin1Char('{') + p.mid(1) + QLatin1Char('}');
        parameters.append(QJsonObject{
            {QStringLiteral("name"), p.mid(1, p.size() - 2)},
            {QStringLiteral("in"), QStringLiteral("path")},
            {QStringLiteral("required"), true},
            {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}});
    }
    return parts.join(QLatin1Char('/'));
}

QString operationId(const QByteArray &method, const QString &pattern)
{
    QString id = QString::fromLatin1(method).toLower();
    for (const auto &seg : pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        QString word = seg.startsWith(QLatin1Char(':')) ? QStringLiteral("By") + seg.mid(1) : seg;
        word.remove(QLatin1Char('.'));
        for (const auto &piece : word.split(QLatin1Char('-'), Qt::SkipEmptyParts))
            id += piece.left(1).toUpper() + piece.mid(1);
    }
    return id;
}

QJsonObject jsonContent(const QString &schema)
{
    return QJsonObject{{QStringLiteral("application/json"),
                        QJsonObject{{QStringLiteral("schema"),
                                     QJsonObject{{QStringLiteral("$ref"),
                                                  QStringLiteral("#/components/schemas/") + schema}}}}}};
}

QJsonObject bodyContent(const QString &schema)
{
    if (schema == QLatin1StringView("@text"))
        return QJsonObject{{QStringLiteral("text/plain; version=0.0.4"),
                            QJsonObject{{QStringLiteral("schema"),
                                         QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}};
    if (schema == QLatin1StringView("@raw"))
        return QJsonObject{{QStringLiteral("application/octet-stream"),
                            QJsonObject{{QStringLiteral("schema"),
                                         QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                     {QStringLiteral("contentMediaType"),
                                                      QStringLiteral("application/octet-stream")}}}}}};
    return jsonContent(schema);
}

// status -> codes, from the doc's own list plus what its access rule and engine use add.
QMap<int, QStringList> errorCodes(const OperationDoc *doc, http::Access access)
{
    QMap<int, QStringList> out;
    if (doc) {
        for (const auto &group :
             QString::fromLatin1(doc->errors).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const qsizetype colon = group.indexOf(QLatin1Char(':'));
            out[group.left(colon).toInt()] += group.mid(colon + 1).split(QLatin1Char(','));
        }
        const QString request = QString::fromLatin1(doc->request);
        if (!request.isEmpty() &&
            !request.startsWith(QLatin1Char('@'))) // every JSON body is checked key by key
            out[400] += {QStringLiteral("invalid_json"), QStringLiteral("unknown_field")};
        if (doc->engine) {
            out[503] += QStringLiteral("docker_unavailable");
            out[500] += QStringLiteral("docker_error");
        }
    }
    if (access != http::Access::Public) {
        out[401] += QStringLiteral("unauthorized");
        out[403] += QStringLiteral("invalid_vendor");
        out[403] += QStringLiteral("forbidden"); // a token outside its scope (or not the master token)
        out[429] += QStringLiteral("rate_limited");
    }
    out[500] += QStringLiteral("internal_error");
    for (auto &codes : out)
        codes.removeDuplicates();
    return out;
}

QJsonObject operation(const http::Route &route, const OperationDoc *doc, QJsonArray parameters)
{
    QJsonObject op;
    op.insert(QStringLiteral("operationId"), operationId(route.method, route.pattern));
    op.insert(QStringLiteral("summary"),
              doc ? QString::fromLatin1(doc->summary) : QStringLiteral("(undocumented)"));
    op.insert(QStringLiteral("tags"),
              QJsonArray{doc ? QString::fromLatin1(doc->tag) : QStringLiteral("node")});
    switch (route.access) {
    case http::Access::Public:
        op.insert(QStringLiteral("security"), QJsonArray{QJsonObject{}});
        break;
    case http::Access::Metrics:
        op.insert(QStringLiteral("security"),
                  QJsonArray{QJsonObject{{QStringLiteral("token"), QJsonArray{}}},
                             QJsonObject{{QStringLiteral("metricsToken"), QJsonArray{}}}});
        break;
    case http::Access::MasterOnly:
        op.insert(QStringLiteral("description"),
                  QStringLiteral("Master token only: a scoped token gets 403 forbidden."));
        op.insert(QStringLiteral("security"),
                  QJsonArray{QJsonObject{{QStringLiteral("token"), QJsonArray{}}}});
        break;
    case http::Access::Protected:
        op.insert(QStringLiteral("security"),
                  QJsonArray{QJsonObject{{QStringLiteral("token"), QJsonArray{}}}});
        break;
    }
    if (route.pattern.contains(QLatin1StringView("/files")) && route.method != "POST")
        parameters.append(QJsonObject{
            {QStringLiteral("name"), QStringLiteral("path")},
            {QStringLiteral("in"), QStringLiteral("query")},
            {QStringLiteral("description"), QStringLiteral("Path relative to the volume root")},
            {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}});
    if (!parameters.isEmpty())
        op.insert(QStringLiteral("parameters"), parameters);
    const QString request = doc ? QString::fromLatin1(doc->request) : QString();
    if (!request.isEmpty())
        op.insert(QStringLiteral("requestBody"),
                  QJsonObject{{QStringLiteral("required"), request == QLatin1StringView("@raw")},
                              {QStringLiteral("content"), bodyContent(request)}});
    QJsonObject responses;
    const int status = doc ? doc->status : 200;
    QJsonObject ok{{QStringLiteral("description"), QStringLiteral("Success")}};
    if (doc && *doc->response)
        ok.insert(QStringLiteral("content"), bodyContent(QString::fromLatin1(doc->response)));
    responses.insert(QString::number(status), ok);
    const auto errors = errorCodes(doc, route.access);
    for (auto it = errors.constBegin(); it != errors.constEnd(); ++it) {
        QJsonArray codes;
        for (const auto &c : it.value())
            codes.append(c);
        responses.insert(
            QString::number(it.key()),
            QJsonObject{
                {QStringLiteral("description"),
                 QStringLiteral("Error; code one of: ") + it.value().join(QStringLiteral(", "))},
                {QStringLiteral("content"),
                 QJsonObject{
                     {QStringLiteral("application/json"),
                      QJsonObject{
                          {QStringLiteral("schema"),
                           QJsonObject{
                               {QStringLiteral("allOf"),
                                QJsonArray{QJsonObject{
                                    {QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Error")}}}},
                               {QStringLiteral("properties"),
                                QJsonObject{{QStringLiteral("code"),
                                             QJsonObject{{QStringLiteral("enum"), codes}}}}}}}}}}}});
    }
    op.insert(QStringLiteral("responses"), responses);
    return op;
}
} // namespace

QJsonObject buildOpenApi(const http::Router &router)
{
    const auto docs = docsByRoute();
    QJsonObject paths;
    QStringList tagNames;
    for (const auto &route : router.routes()) {
        QJsonArray parameters;
        const QString path = openApiPath(route.pattern, parameters);
        const OperationDoc *doc = docs.value(key(route.method, route.pattern));
        QJsonObject item = paths.value(path).toObject();
        item.insert(QString::fromLatin1(route.method).toLower(), operation(route, doc, parameters));
        paths.insert(path, item);
        if (doc && !tagNames.contains(QString::fromLatin1(doc->tag)))
            tagNames.append(QString::fromLatin1(doc->tag));
    }
    QJsonArray tags;
    for (const auto &t : tagNames)
        tags.append(QJsonObject{{QStringLiteral("name"), t},
                                {QStringLiteral("description"), t + QStringLiteral(" routes")}});
    const QJsonObject security{
        {QStringLiteral("token"),
         QJsonObject{
             {QStringLiteral("type"), QStringLiteral("http")},
             {QStringLiteral("scheme"), QStringLiteral("bearer")},
             {QStringLiteral("description"),
              QStringLiteral(
                  "The master token or a scoped token (lightd_...). Every protected route also needs "
                  "the header Accept: Application/vnd.pkglatv1+json (403 invalid_vendor without).")}}},
        {QStringLiteral("metricsToken"),
         QJsonObject{
             {QStringLiteral("type"), QStringLiteral("http")},
             {QStringLiteral("scheme"), QStringLiteral("bearer")},
             {QStringLiteral("description"), QStringLiteral("server.metrics_token: read-only, valid for GET "
                                                            "/metrics alone, no vendor header needed.")}}}};
    return QJsonObject{
        {QStringLiteral("openapi"), QStringLiteral("3.1.0")},
        {QStringLiteral("info"),
         QJsonObject{{QStringLiteral("title"), QStringLiteral("lightd")},
                     {QStringLiteral("version"), QStringLiteral(LIGHTD_VERSION)},
                     {QStringLiteral("description"),
                      QStringLiteral("REST API of the lightd daemon (contract: API.md). Errors are "
                                     "{\"error\": message, \"code\": stable_code}. Console WebSocket: GET "
                                     "/ws/{internal_id}?token=... "
                                     "(not an HTTP operation, see API.md section 6).")},
                     {QStringLiteral("license"),
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("Proprietary")},
                                  {QStringLiteral("identifier"), QStringLiteral("LicenseRef-lightd")}}}}},
        {QStringLiteral("servers"),
         QJsonArray{QJsonObject{{QStringLiteral("url"), QStringLiteral("http://localhost:8070")}}}},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"), QJsonObject{{QStringLiteral("schemas"), openApiSchemas()},
                                                   {QStringLiteral("securitySchemes"), security}}}};
}

QStringList openApiMismatches(const http::Router &router)
{
    QStringList out;
    const auto docs = docsByRoute();
    QSet<QString> routes;
    for (const auto &route : router.routes()) {
        const QString k = key(route.method, route.pattern);
        routes.insert(k);
        if (!docs.contains(k))
            out << QStringLiteral(
                       "route %1 has no operation: add to kOps in daemon/api/OpenApiOperations.cpp the line\n"
                       "    {\"%2\", \"%3\", \"<tag>\", \"<summary>\", \"<request schema or empty>\", "
                       "\"<response schema>\", <status>, \"<status:code,...>\"},")
                       .arg(k, QString::fromLatin1(route.method), route.pattern);
    }
    for (auto it = docs.constBegin(); it != docs.constEnd(); ++it) {
        if (!routes.contains(it.key()))
            out << QStringLiteral("operation %1 in daemon/api/OpenApiOperations.cpp has no route in "
                                  "daemon/api/Routes.cpp: "
                                  "remove its line (or fix its method/pattern)")
                       .arg(it.key());
        const QString req = QString::fromLatin1(it.value()->request),
                      res = QString::fromLatin1(it.value()->response);
        const QJsonObject schemas = openApiSchemas();
        for (const QString &s : {req, res}) {
            if (!s.isEmpty() && !s.startsWith(QLatin1Char('@')) && !schemas.contains(s))
                out << QStringLiteral("operation %1 names schema %2: add it to kSchemas in "
                                      "daemon/api/OpenApiSchemas.cpp")
                           .arg(it.key(), s);
        }
    }
    return out;
}
} // namespace lightd::api
