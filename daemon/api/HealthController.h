#pragma once
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

namespace lightd::api {
class HealthController final
{
  public:
    http::HttpResponse health(const http::HttpRequest &req) const;
};
} // namespace lightd::api
