#pragma once
#include "config/Config.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "volumes/VolumeRegistry.h"

namespace lightd::api {
class VolumeController final
{
  public:
    VolumeController(volumes::VolumeRegistry &registry, const Config &config)
        : m_registry(registry), m_config(config)
    {}
    http::HttpResponse create(const http::HttpRequest &req);
    http::HttpResponse list(const http::HttpRequest &req);
    http::HttpResponse get(const http::HttpRequest &req);
    http::HttpResponse remove(const http::HttpRequest &req);

  private:
    QJsonObject answer(VolumeDto v) const;
    volumes::VolumeRegistry &m_registry;
    const Config &m_config;
};
} // namespace lightd::api
