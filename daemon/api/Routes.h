#pragma once
#include "http/Router.h"

namespace lightd::api {
class HealthController;
class TokenController;
class NetworkController;
class VolumeController;
class FileController;
class ContainerController;
class SystemController;
class SftpController;
class MetricsController;
class OpenApiController;
class BillingController;
class RemoteController;

struct Controllers
{
    HealthController *health = nullptr;
    TokenController *tokens = nullptr;
    NetworkController *network = nullptr;
    VolumeController *volumes = nullptr;
    FileController *files = nullptr;
    ContainerController *containers = nullptr;
    SystemController *system = nullptr;
    SftpController *sftp = nullptr;
    MetricsController *metrics = nullptr;
    OpenApiController *openapi = nullptr;
    BillingController *billing = nullptr;
    RemoteController *remote = nullptr;
};

// The one place that lists every route of the daemon with its method and access rule.
void registerRoutes(http::Router &router, const Controllers &c);
} // namespace lightd::api
