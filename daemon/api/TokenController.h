#pragma once
#include "auth/TokenService.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

namespace lightd::api {
class TokenController final
{
  public:
    explicit TokenController(auth::TokenService &tokens) : m_tokens(tokens) {}
    http::HttpResponse create(const http::HttpRequest &req);
    http::HttpResponse list(const http::HttpRequest &req);
    http::HttpResponse revoke(const http::HttpRequest &req);

  private:
    auth::TokenService &m_tokens;
};
} // namespace lightd::api
