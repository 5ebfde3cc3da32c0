#pragma once
#include "containers/ContainerManager.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "http/Responder.h"

namespace lightd::api {
// Containers (API.md section 3): lifecycle, power, console, live resource updates.
class ContainerController final
{
  public:
    ContainerController(containers::ContainerManager &manager, docker::ContainerEngine &engine)
        : m_manager(manager), m_engine(engine)
    {}

    http::HttpResponse create(const http::HttpRequest &req);
    http::HttpResponse list(const http::HttpRequest &req);
    http::HttpResponse get(const http::HttpRequest &req);
    void remove(const http::HttpRequest &req, http::Responder responder);
    http::HttpResponse power(const http::HttpRequest &req); // verb from the path's last segment
    http::HttpResponse reinstall(const http::HttpRequest &req);
    http::HttpResponse rebind(const http::HttpRequest &req);
    http::HttpResponse command(const http::HttpRequest &req);
    http::HttpResponse logs(const http::HttpRequest &req);
    void updateResources(const http::HttpRequest &req, http::Responder responder);
    void getResources(const http::HttpRequest &req, http::Responder responder);
    http::HttpResponse setStartup(const http::HttpRequest &req);
    http::HttpResponse setStartPattern(const http::HttpRequest &req);
    http::HttpResponse setMounts(const http::HttpRequest &req);
    // For the earlier daemon's clients (API.md section 12; ContainerCheck.cpp).
    http::HttpResponse status(const http::HttpRequest &req);
    void validate(const http::HttpRequest &req, http::Responder responder); // record vs engine
    http::HttpResponse repair(const http::HttpRequest &req);                // recreate from the record

  private:
    containers::ContainerRuntime *runtime(const http::HttpRequest &req) const;
    containers::ContainerManager &m_manager;
    docker::ContainerEngine &m_engine;
};

// The engine's HostConfig fields behind POST/GET /containers/:id/resources.
namespace resources {
QJsonObject validateUpdate(const QJsonObject &body); // throws 400 naming the field; returns the engine body
QJsonObject fromInspect(const QJsonObject &hostConfig);
} // namespace resources
} // namespace lightd::api
