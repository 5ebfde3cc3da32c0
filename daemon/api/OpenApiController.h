#pragma once
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "http/Router.h"

namespace lightd::api {
// GET /openapi.json (public): built once from the route table on first request.
class OpenApiController final
{
  public:
    explicit OpenApiController(const http::Router &router) : m_router(router) {}
    http::HttpResponse document(const http::HttpRequest &req);

  private:
    const http::Router &m_router;
    QByteArray m_cached;
};
} // namespace lightd::api
