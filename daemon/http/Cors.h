#pragma once
#include "http/HttpResponse.h"

#include <QByteArrayList>
#include <QStringList>

namespace lightd::http {
// CORS for browser-hosted panels (API.md section 1): an Origin listed in server.allowed_origins (or
// any, with "*") gets Access-Control-Allow-Origin + Vary: Origin on every REST answer and a 204 to its
// preflight, which needs no token. Other origins get no CORS headers at all, so the browser refuses.
// WebSocket upgrades are not decided here: the gateway checks their Origin itself (section 6).
class Cors
{
  public:
    void setAllowedOrigins(const QStringList &origins) { m_origins = origins; }
    // The value to send as Access-Control-Allow-Origin for this request's Origin header, or empty.
    QByteArray allowOrigin(const QByteArray &origin) const;
    static void decorate(HttpResponse &response, const QByteArray &allowOrigin);
    // The answer to OPTIONS on a known path that accepts `methods`.
    static HttpResponse preflight(const QByteArray &allowOrigin, QByteArrayList methods);

  private:
    QStringList m_origins;
};
} // namespace lightd::http
