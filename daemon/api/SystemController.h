#pragma once
#include "api/ContainerSummary.h"
#include "containers/ContainerManager.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "http/Responder.h"
#include "ws/WebSocketGateway.h"

namespace lightd::api {
// Node-level views: counters that show the daemon's cost (/metrics) and the engine it drives.
class SystemController final
{
  public:
    SystemController(ws::WebSocketGateway &gateway, containers::ContainerManager &manager,
                     docker::ContainerEngine &engine, billing::CounterSource &counters)
        : m_gateway(gateway), m_manager(manager), m_engine(engine), m_summary(manager, counters)
    {}
    http::HttpResponse metrics(const http::HttpRequest &req);
    void info(const http::HttpRequest &req, http::Responder responder);
    // GET /system/containers (not in API.md): every container's list figures in one answer.
    void containers(const http::HttpRequest &req, http::Responder responder);

  private:
    ws::WebSocketGateway &m_gateway;
    containers::ContainerManager &m_manager;
    docker::ContainerEngine &m_engine;
    ContainerSummary m_summary;
};
} // namespace lightd::api
