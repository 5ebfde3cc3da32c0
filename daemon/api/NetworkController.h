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
    http::HttpResponse removeBulk(const http::HttpRequest &req); // {"ports"} or {"ids"}
    // By id and the free list, for the earlier daemon's clients (API.md section 12).
    http::HttpResponse available(const http::HttpRequest &req);
    http::HttpResponse getById(const http::HttpRequest &req);
    http::HttpResponse setUseById(const http::HttpRequest &req);
    http::HttpResponse removeById(const http::HttpRequest &req);

  private:
    int portParam(const http::HttpRequest &req) const;
    PortDto byAddress(const http::HttpRequest &req) const; // :ip/:port, tcp unless ?protocol=udp
    PortDto byId(const http::HttpRequest &req) const;
    network::PortPool &m_pool;
};
} // namespace lightd::api
