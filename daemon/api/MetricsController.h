#pragma once
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "metrics/Registry.h"

namespace lightd::http {
class HttpListener;
}
namespace lightd::ws {
class WebSocketGateway;
}
namespace lightd::containers {
class ContainerManager;
}

namespace lightd::api {
// GET /metrics: the Prometheus text exposition (format 0.0.4) of every registered collector.
class MetricsController final
{
  public:
    explicit MetricsController(const metrics::Registry &registry) : m_registry(registry) {}
    http::HttpResponse prometheus(const http::HttpRequest &req) const;

  private:
    const metrics::Registry &m_registry;
};

// The daemon's own collectors: requests, containers, engine streams, viewers, console, files, quota
// walks and the process. Later modules add theirs to the same registry in Daemon::start.
void addCoreCollectors(metrics::Registry &registry, const http::HttpListener &listener,
                       const ws::WebSocketGateway &gateway, const containers::ContainerManager &manager);
} // namespace lightd::api
