#include "api/RemoteController.h"

#include "config/Config.h"
#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "sync/Outbox.h"

namespace lightd::api {
using namespace http;

HttpResponse RemoteController::status(const HttpRequest &)
{
    return HttpResponse::json(200, m_outbox.status());
}

HttpResponse RemoteController::config(const HttpRequest &)
{
    QJsonObject out = config::redacted(m_config());
    out.insert(QStringLiteral("version"), QStringLiteral(LIGHTD_VERSION));
    return HttpResponse::json(200, out);
}

HttpResponse RemoteController::reload(const HttpRequest &)
{
    const QString error = m_reload();
    if (!error.isEmpty())
        throw DomainError(codes::InvalidField, QStringLiteral("config.json not reloaded: %1").arg(error));
    return HttpResponse::message(200, QStringLiteral("Configuration reloaded successfully"));
}
} // namespace lightd::api
