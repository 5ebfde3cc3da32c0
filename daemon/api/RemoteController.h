#pragma once
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

#include <QJsonObject>
#include <functional>

namespace lightd::sync {
class Outbox;
}

namespace lightd::api {
// /remote/* (API.md section 8): the sync's state, the config with its secrets redacted, and a
// reload of config.json.
class RemoteController final
{
  public:
    // reload re-reads config.json and returns an error message (empty when applied).
    RemoteController(sync::Outbox &outbox, std::function<QJsonObject()> config,
                     std::function<QString()> reload)
        : m_outbox(outbox), m_config(std::move(config)), m_reload(std::move(reload))
    {}

    http::HttpResponse status(const http::HttpRequest &req);
    http::HttpResponse config(const http::HttpRequest &req);
    http::HttpResponse reload(const http::HttpRequest &req);

  private:
    sync::Outbox &m_outbox;
    std::function<QJsonObject()> m_config;
    std::function<QString()> m_reload;
};
} // namespace lightd::api
