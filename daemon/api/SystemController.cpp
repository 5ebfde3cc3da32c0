#include "api/SystemController.h"

#include "docker/DockerTypes.h"
#include "lightd/DomainError.h"

#include <QFile>

namespace lightd::api {
using namespace http;

namespace {
qint64 residentBytes()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const auto parts = f.readAll().split(' ');
    return parts.size() > 1 ? parts[1].toLongLong() * 4096 : 0;
}
} // namespace

HttpResponse SystemController::metrics(const HttpRequest &)
{
    QJsonObject o = m_gateway.metrics();
    o.insert(QStringLiteral("rss_bytes"), residentBytes());
    o.insert(QStringLiteral("docker_available"), m_manager.engineAvailable());
    return HttpResponse::json(200, o);
}

void SystemController::info(const HttpRequest &, Responder responder)
{
    m_manager.requireEngine();
    m_engine.version(&m_manager, [responder](const docker::DockerResult<QJsonObject> &r) {
        if (!r.ok())
            return responder.fail(docker::domainError(r.error));
        responder.send(
            HttpResponse::json(200, QJsonObject{{QStringLiteral("version"), QStringLiteral(LIGHTD_VERSION)},
                                                {QStringLiteral("docker"), r.value}}));
    });
}
void SystemController::containers(const HttpRequest &, Responder responder)
{
    m_summary.collect([responder](const NodeSummaryDto &summary) {
        responder.send(HttpResponse::json(200, summary.toJson()));
    });
}
} // namespace lightd::api
