#include "api/Routes.h"

#include "api/BillingController.h"
#include "api/ContainerController.h"
#include "api/FileController.h"
#include "api/HealthController.h"
#include "api/MetricsController.h"
#include "api/NetworkController.h"
#include "api/OpenApiController.h"
#include "api/RemoteController.h"
#include "api/SftpController.h"
#include "api/SystemController.h"
#include "api/TokenController.h"
#include "api/VolumeController.h"
#include "http/JsonFields.h"

namespace lightd::api {
using http::Access;

namespace {
template <typename C>
http::SyncHandler bind(C *controller, http::HttpResponse (C::*method)(const http::HttpRequest &))
{
    return [controller, method](const http::HttpRequest &req) { return (controller->*method)(req); };
}
template <typename C>
http::AsyncHandler bindAsync(C *controller, void (C::*method)(const http::HttpRequest &, http::Responder))
{
    return [controller, method](const http::HttpRequest &req, http::Responder r) {
        (controller->*method)(req, r);
    };
}
template <typename C>
http::UploadHandler bindUpload(C *controller,
                               std::unique_ptr<http::BodySink> (C::*method)(const http::HttpRequest &))
{
    return [controller, method](const http::HttpRequest &req) { return (controller->*method)(req); };
}
template <typename C>
http::SyncHandler bind(const C *controller, http::HttpResponse (C::*method)(const http::HttpRequest &) const)
{
    return [controller, method](const http::HttpRequest &req) { return (controller->*method)(req); };
}
// Routes that take no body fields: a JSON body with any key is a 400 naming it (a client sending
// {"protocol":"udp"} to a DELETE must not have the tcp entry deleted instead).
http::SyncHandler noBody(http::SyncHandler h)
{
    return [h = std::move(h)](const http::HttpRequest &req) {
        if (!req.body.trimmed().isEmpty())
            http::fields::allowOnly(req.jsonBody(), {});
        return h(req);
    };
}
http::AsyncHandler noBody(http::AsyncHandler h)
{
    return [h = std::move(h)](const http::HttpRequest &req, http::Responder r) {
        if (!req.body.trimmed().isEmpty())
            http::fields::allowOnly(req.jsonBody(), {});
        h(req, r);
    };
}
} // namespace

void registerRoutes(http::Router &r, const Controllers &c)
{
    auto s = [](const char *p) { return QString::fromLatin1(p); };

    // public
    r.add("GET", s("/health"), Access::Public, bind(c.health, &HealthController::health));
    r.add("GET", s("/api/v1/public/ping"), Access::Public, bind(c.health, &HealthController::health));
    // this table as OpenAPI 3.1 (every route here needs its operation in api/OpenApiOperations.cpp)
    r.add("GET", s("/openapi.json"), Access::Public, noBody(bind(c.openapi, &OpenApiController::document)));

    // node
    // Prometheus text format; also served to server.metrics_token
    r.add("GET", s("/metrics"), Access::Metrics, noBody(bind(c.metrics, &MetricsController::prometheus)));
    r.add("GET", s("/system/metrics"), Access::Protected, noBody(bind(c.system, &SystemController::metrics)));
    r.addAsync("GET", s("/system/info"), Access::Protected,
               noBody(bindAsync(c.system, &SystemController::info)));
    // not in API.md: every container's CPU, memory, uptime, ports and volume in one answer (GUI lists)
    r.addAsync("GET", s("/system/containers"), Access::Protected,
               noBody(bindAsync(c.system, &SystemController::containers)));
    // WebSocket consoles: GET /ws/:internal_id?token= is upgraded by ws::WebSocketGateway before routing

    // tokens (master token only)
    r.add("POST", s("/auth/tokens"), Access::MasterOnly, bind(c.tokens, &TokenController::create));
    r.add("GET", s("/auth/tokens"), Access::MasterOnly, noBody(bind(c.tokens, &TokenController::list)));
    r.add("DELETE", s("/auth/tokens/:id"), Access::MasterOnly,
          noBody(bind(c.tokens, &TokenController::revoke)));

    // network port pool
    r.add("POST", s("/network/ports"), Access::Protected, bind(c.network, &NetworkController::add));
    r.add("GET", s("/network/ports"), Access::Protected, noBody(bind(c.network, &NetworkController::list)));
    r.add("GET", s("/network/ports/random"), Access::Protected,
          noBody(bind(c.network, &NetworkController::random)));
    r.add("POST", s("/network/ports/bulk"), Access::Protected, bind(c.network, &NetworkController::addBulk));
    r.add("POST", s("/network/ports/bulk-delete"), Access::Protected,
          bind(c.network, &NetworkController::removeBulk));
    r.add("GET", s("/network/ports/:ip/:port"), Access::Protected,
          noBody(bind(c.network, &NetworkController::get)));
    r.add("DELETE", s("/network/ports/:ip/:port"), Access::Protected,
          noBody(bind(c.network, &NetworkController::remove)));
    r.add("PUT", s("/network/ports/:ip/:port/use"), Access::Protected,
          bind(c.network, &NetworkController::setUse));
    // aliases for the earlier daemon's clients (API.md section 12): ports by id, the free list
    r.add("GET", s("/network/ports/available"), Access::Protected,
          noBody(bind(c.network, &NetworkController::available)));
    r.add("GET", s("/network/ports/:id"), Access::Protected,
          noBody(bind(c.network, &NetworkController::getById)));
    r.add("DELETE", s("/network/ports/:id"), Access::Protected,
          noBody(bind(c.network, &NetworkController::removeById)));
    r.add("POST", s("/network/ports/:id/use"), Access::Protected,
          bind(c.network, &NetworkController::setUseById));

    // volumes
    r.add("POST", s("/volumes"), Access::Protected, bind(c.volumes, &VolumeController::create));
    r.add("GET", s("/volumes"), Access::Protected, noBody(bind(c.volumes, &VolumeController::list)));
    r.add("GET", s("/volumes/:id"), Access::Protected, noBody(bind(c.volumes, &VolumeController::get)));
    r.add("DELETE", s("/volumes/:id"), Access::Protected, noBody(bind(c.volumes, &VolumeController::remove)));

    // containers
    r.add("POST", s("/containers"), Access::Protected, bind(c.containers, &ContainerController::create));
    r.add("GET", s("/containers"), Access::Protected, noBody(bind(c.containers, &ContainerController::list)));
    r.add("GET", s("/containers/:id"), Access::Protected,
          noBody(bind(c.containers, &ContainerController::get)));
    r.addAsync("DELETE", s("/containers/:id"), Access::Protected,
               noBody(bindAsync(c.containers, &ContainerController::remove)));
    for (const char *verb : {"start", "stop", "kill", "restart", "suspend", "resume"})
        r.add("POST", s("/containers/:id/") + QLatin1StringView(verb), Access::Protected,
              bind(c.containers, &ContainerController::power));
    r.add("POST", s("/containers/:id/reinstall"), Access::Protected,
          bind(c.containers, &ContainerController::reinstall));
    r.add("POST", s("/containers/:id/rebind-network"), Access::Protected,
          bind(c.containers, &ContainerController::rebind));
    r.add("POST", s("/containers/:id/command"), Access::Protected,
          bind(c.containers, &ContainerController::command));
    r.add("GET", s("/containers/:id/logs"), Access::Protected,
          noBody(bind(c.containers, &ContainerController::logs)));
    r.addAsync("POST", s("/containers/:id/resources"), Access::Protected,
               bindAsync(c.containers, &ContainerController::updateResources));
    r.addAsync("GET", s("/containers/:id/resources"), Access::Protected,
               noBody(bindAsync(c.containers, &ContainerController::getResources)));
    r.add("POST", s("/containers/:id/startup"), Access::Protected,
          bind(c.containers, &ContainerController::setStartup));
    r.add("POST", s("/containers/:id/start-pattern"), Access::Protected,
          bind(c.containers, &ContainerController::setStartPattern));
    r.add("POST", s("/containers/:id/volumes"), Access::Protected,
          bind(c.containers, &ContainerController::setMounts));
    // aliases for the earlier daemon's clients (API.md section 12)
    r.add("GET", s("/containers/:id/status"), Access::Protected,
          noBody(bind(c.containers, &ContainerController::status)));
    r.addAsync("GET", s("/containers/:id/validate"), Access::Protected,
               noBody(bindAsync(c.containers, &ContainerController::validate)));
    r.add("POST", s("/containers/:id/repair"), Access::Protected,
          bind(c.containers, &ContainerController::repair));

    // sftp logins per container (API.md section 9)
    r.addAsync("POST", s("/containers/:id/sftp/credentials"), Access::Protected,
               bindAsync(c.sftp, &SftpController::credentials));
    r.add("POST", s("/containers/:id/sftp/keys"), Access::Protected, bind(c.sftp, &SftpController::addKey));
    r.add("GET", s("/containers/:id/sftp/keys"), Access::Protected,
          noBody(bind(c.sftp, &SftpController::listKeys)));
    r.add("DELETE", s("/containers/:id/sftp/keys/:fingerprint"), Access::Protected,
          noBody(bind(c.sftp, &SftpController::removeKey)));
    r.add("GET", s("/containers/:id/sftp/info"), Access::Protected,
          noBody(bind(c.sftp, &SftpController::info)));

    // files inside volumes
    r.add("GET", s("/volumes/:id/files"), Access::Protected, noBody(bind(c.files, &FileController::list)));
    r.add("POST", s("/volumes/:id/files"), Access::Protected, bind(c.files, &FileController::write));
    r.add("DELETE", s("/volumes/:id/files"), Access::Protected,
          noBody(bind(c.files, &FileController::remove)));
    r.add("GET", s("/volumes/:id/files/content"), Access::Protected,
          noBody(bind(c.files, &FileController::read)));
    r.addUpload("PUT", s("/volumes/:id/files/content"), Access::Protected,
                bindUpload(c.files, &FileController::upload));
    r.add("POST", s("/volumes/:id/folders"), Access::Protected, bind(c.files, &FileController::mkdir));
    r.add("POST", s("/volumes/:id/copy"), Access::Protected, bind(c.files, &FileController::copy));
    r.add("POST", s("/volumes/:id/rename"), Access::Protected, bind(c.files, &FileController::rename));
    r.add("POST", s("/volumes/:id/chmod"), Access::Protected, bind(c.files, &FileController::chmod));
    r.addAsync("POST", s("/volumes/:id/compress"), Access::Protected,
               bindAsync(c.files, &FileController::compress));
    r.addAsync("POST", s("/volumes/:id/decompress"), Access::Protected,
               bindAsync(c.files, &FileController::decompress));
    r.add("GET", s("/volumes/:id/quota"), Access::Protected, noBody(bind(c.files, &FileController::quota)));
    r.add("POST", s("/volumes/:id/resize"), Access::Protected, bind(c.files, &FileController::resize));
    // aliases for the earlier daemon's clients (API.md section 12); compress takes its
    // {"sources","output"} spelling on the route above
    r.add("POST", s("/volumes/:id/write"), Access::Protected, bind(c.files, &FileController::writeAlias));
    r.add("POST", s("/volumes/:id/create-folder"), Access::Protected,
          bind(c.files, &FileController::createFolderAlias));
    r.add("GET", s("/volumes/:id/files/detailed"), Access::Protected,
          noBody(bind(c.files, &FileController::listDetailed)));

    // billing (API.md section 7)
    r.add("GET", s("/billing/rates"), Access::Protected, noBody(bind(c.billing, &BillingController::rates)));
    r.add("POST", s("/billing/estimate"), Access::Protected,
          bind(c.billing, &BillingController::estimateContainer));
    r.add("POST", s("/billing/estimate/container"), Access::Protected,
          bind(c.billing, &BillingController::estimateContainer));
    r.add("POST", s("/billing/estimate/volume"), Access::Protected,
          bind(c.billing, &BillingController::estimateVolume));
    r.add("GET", s("/billing/containers"), Access::Protected,
          noBody(bind(c.billing, &BillingController::containers)));
    r.add("GET", s("/billing/usage/:id/hourly"), Access::Protected,
          noBody([b = c.billing](const http::HttpRequest &req) {
              return b->usage(req, QStringLiteral("hourly"));
          }));
    // not in API.md: the GUI's charts over time
    r.add("GET", s("/billing/usage/:id/hourly/series"), Access::Protected,
          noBody([b = c.billing](const http::HttpRequest &req) {
              return b->series(req, QStringLiteral("hourly"));
          }));
    r.add("GET", s("/billing/usage/:id/daily"), Access::Protected,
          noBody([b = c.billing](const http::HttpRequest &req) {
              return b->usage(req, QStringLiteral("daily"));
          }));
    // not in API.md: the GUI's charts over time
    r.add("GET", s("/billing/usage/:id/daily/series"), Access::Protected,
          noBody([b = c.billing](const http::HttpRequest &req) {
              return b->series(req, QStringLiteral("daily"));
          }));
    r.add("GET", s("/billing/usage/:id/monthly"), Access::Protected,
          noBody([b = c.billing](const http::HttpRequest &req) {
              return b->usage(req, QStringLiteral("monthly"));
          }));
    // not in API.md: the GUI's charts over time
    r.add("GET", s("/billing/usage/:id/monthly/series"), Access::Protected,
          noBody([b = c.billing](const http::HttpRequest &req) {
              return b->series(req, QStringLiteral("monthly"));
          }));

    // remote sync (API.md section 8)
    r.add("GET", s("/remote/status"), Access::Protected, noBody(bind(c.remote, &RemoteController::status)));
    r.add("GET", s("/remote/config"), Access::Protected, noBody(bind(c.remote, &RemoteController::config)));
    r.add("POST", s("/remote/config/reload"), Access::Protected,
          noBody(bind(c.remote, &RemoteController::reload)));
}
} // namespace lightd::api
