#pragma once
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "volumes/VolumeRegistry.h"

namespace lightd::api {
class VolumeController final
{
  public:
    explicit VolumeController(volumes::VolumeRegistry &registry) : m_registry(registry) {}
    http::HttpResponse create(const http::HttpRequest &req);
    http::HttpResponse list(const http::HttpRequest &req);
    http::HttpResponse get(const http::HttpRequest &req);
    http::HttpResponse remove(const http::HttpRequest &req);

  private:
    QJsonObject answer(VolumeDto v) const;
    volumes::VolumeRegistry &m_registry;
};
} // namespace lightd::api
