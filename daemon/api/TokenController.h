#pragma once
#include "auth/TokenService.h"
#include "config/Config.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

namespace lightd::api {
class TokenController final
{
  public:
    TokenController(auth::TokenService &tokens, const Config &config) : m_tokens(tokens), m_config(config) {}
    http::HttpResponse create(const http::HttpRequest &req);
    http::HttpResponse list(const http::HttpRequest &req);
    http::HttpResponse revoke(const http::HttpRequest &req);

  private:
    auth::TokenService &m_tokens;
    const Config &m_config;
};
} // namespace lightd::api
