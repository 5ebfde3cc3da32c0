#include "api/VolumeController.h"

#include "http/JsonFields.h"
#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "lightd/Keys.h"
#include "volumes/QuotaTracker.h"

#include <QJsonArray>

namespace lightd::api {
using namespace http;

// A volume as answered: `id` beside `volume_id` for the earlier daemon's clients (API.md section 12),
// and the live usage the quota route answers, not the figure last persisted.
QJsonObject VolumeController::answer(VolumeDto v) const
{
    v.usedBytes = m_registry.quota().usedBytes(v.volumeId);
    QJsonObject o = v.toJson();
    o.insert(keys::Id, v.volumeId);
    return o;
}

HttpResponse VolumeController::create(const HttpRequest &req)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(body, {keys::SizeMb, keys::Size});
    if (body.contains(keys::Size) && body.contains(keys::SizeMb))
        fields::invalid(keys::Size, QStringLiteral("and 'size_mb' are the same field: give one"));
    // `size` (the upstream docs' key, in MB) is the same field as `size_mb` (API.md section 4).
    const auto key = body.contains(keys::Size) ? keys::Size : keys::SizeMb;
    const auto quota = fields::optionalInt(body, key, 1, 1024LL * 1024 * 1024);
    if (m_registry.list().size() >= m_config.volumes.maxCount)
        throw DomainError::retryLater(
            codes::RateLimited,
            QStringLiteral("At most %1 volumes (volumes.max_count)").arg(m_config.volumes.maxCount), 60);
    const VolumeDto v = m_registry.create(quota);
    return HttpResponse::json(201, QJsonObject{{keys::VolumeId, v.volumeId},
                                               {keys::Id, v.volumeId},
                                               {keys::Path, v.path},
                                               {keys::QuotaMb, quota ? QJsonValue(*quota) : QJsonValue()},
                                               {keys::CreatedAt, v.createdAt}});
}

HttpResponse VolumeController::list(const HttpRequest &)
{
    QJsonArray a;
    for (const auto &v : m_registry.list())
        a.append(answer(v));
    return HttpResponse::json(200, QJsonObject{{keys::Volumes, a}});
}

HttpResponse VolumeController::get(const HttpRequest &req)
{
    return HttpResponse::json(200, answer(m_registry.get(req.param(QStringLiteral("id")))));
}

HttpResponse VolumeController::remove(const HttpRequest &req)
{
    m_registry.remove(req.param(QStringLiteral("id")));
    return HttpResponse::message(200, QStringLiteral("Volume deleted"));
}
} // namespace lightd::api
