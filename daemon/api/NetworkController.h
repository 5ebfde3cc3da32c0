#pragma once
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "network/PortPool.h"

namespace lightd::api {
class NetworkController final
{
  public:
    explicit NetworkController(network::PortPool &pool) : m_pool(pool) {}
    http::HttpResponse add(const http::HttpRequest &req);
    http::HttpResponse list(const http::HttpRequest &req);
    http::HttpResponse get(const http::HttpRequest &req);
    http::HttpResponse random(const http::HttpRequest &req);
    http::HttpResponse setUse(const http::HttpRequest &req);
    http::HttpResponse remove(const http::HttpRequest &req);
    http::HttpResponse addBulk(const http::HttpRequest &req);
    http::HttpResponse removeBulk(const http::HttpRequest &req);

  private:
    int portParam(const http::HttpRequest &req) const;
    network::PortPool &m_pool;
};
} // namespace lightd::api
