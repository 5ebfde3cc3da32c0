#include "api/OpenApiController.h"

#include "api/OpenApiDocument.h"

#include <QJsonDocument>

namespace lightd::api {
http::HttpResponse OpenApiController::document(const http::HttpRequest &)
{
    if (m_cached.isEmpty())
        m_cached = QJsonDocument(buildOpenApi(m_router)).toJson(QJsonDocument::Compact);
    return http::HttpResponse::raw(200, QByteArrayLiteral("application/json"), m_cached);
}
} // namespace lightd::api
