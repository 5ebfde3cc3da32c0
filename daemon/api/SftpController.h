#pragma once
#include "config/Config.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "http/Responder.h"

namespace lightd::containers {
class ContainerManager;
}
namespace lightd::sftp {
class SftpAccounts;
class SftpServer;
} // namespace lightd::sftp

namespace lightd::api {
// API.md section 9: SFTP credentials, keys and connection info per container.
class SftpController final
{
  public:
    SftpController(sftp::SftpAccounts &accounts, const sftp::SftpServer *server,
                   containers::ContainerManager &containers, const Config &config)
        : m_accounts(accounts), m_server(server), m_containers(containers), m_config(config)
    {}
    void credentials(const http::HttpRequest &req, http::Responder out);
    http::HttpResponse addKey(const http::HttpRequest &req);
    http::HttpResponse listKeys(const http::HttpRequest &req);
    http::HttpResponse removeKey(const http::HttpRequest &req);
    http::HttpResponse info(const http::HttpRequest &req);

  private:
    QString containerOf(const http::HttpRequest &req) const;
    QString hostFor(const http::HttpRequest &req) const;
    int port() const;

    sftp::SftpAccounts &m_accounts;
    const sftp::SftpServer *m_server;
    containers::ContainerManager &m_containers;
    const Config &m_config;
};
} // namespace lightd::api
