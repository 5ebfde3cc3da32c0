#include "api/VolumeController.h"

#include "http/JsonFields.h"
#include "lightd/Keys.h"

#include <QJsonArray>

namespace lightd::api {
using namespace http;

HttpResponse VolumeController::create(const HttpRequest &req)
{
    const auto quota = fields::optionalInt(req.jsonBody(), keys::SizeMb, 1, 1024LL * 1024 * 1024);
    const VolumeDto v = m_registry.create(quota);
    return HttpResponse::json(201, QJsonObject{{keys::VolumeId, v.volumeId},
                                               {keys::Path, v.path},
                                               {keys::QuotaMb, quota ? QJsonValue(*quota) : QJsonValue()}});
}

HttpResponse VolumeController::list(const HttpRequest &)
{
    QJsonArray a;
    for (const auto &v : m_registry.list())
        a.append(v.toJson());
    return HttpResponse::json(200, QJsonObject{{keys::Volumes, a}});
}

HttpResponse VolumeController::get(const HttpRequest &req)
{
    return HttpResponse::json(200, m_registry.get(req.param(QStringLiteral("id"))).toJson());
}

HttpResponse VolumeController::remove(const HttpRequest &req)
{
    m_registry.remove(req.param(QStringLiteral("id")));
    return HttpResponse::message(200, QStringLiteral("Volume deleted"));
}
} // namespace lightd::api
