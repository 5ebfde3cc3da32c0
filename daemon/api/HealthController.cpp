#include "api/HealthController.h"

#include "lightd/Keys.h"

namespace lightd::api {
http::HttpResponse HealthController::health(const http::HttpRequest &) const
{
    static const http::HttpResponse ok =
        http::HttpResponse::json(200, QJsonObject{{keys::Status, QStringLiteral("ok")},
                                                  {keys::Version, QStringLiteral(LIGHTD_VERSION)}});
    return ok;
}
} // namespace lightd::api
