#pragma once
#include "config/Config.h"
#include "http/BodySink.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "http/Responder.h"
#include "volumes/PathRules.h"
#include "volumes/VolumeRegistry.h"

#include <memory>

namespace lightd::api {
// Files inside volumes (API.md section 4): every client path goes through the volume Sandbox;
// archives run on a worker pool and answer through the Responder.
class FileController final
{
  public:
    FileController(volumes::VolumeRegistry &registry, const Config &config);
    ~FileController();

    http::HttpResponse list(const http::HttpRequest &req);
    http::HttpResponse read(const http::HttpRequest &req);  // GET files/content (streamed file body)
    http::HttpResponse write(const http::HttpRequest &req); // POST files {"path","content"}
    std::unique_ptr<http::BodySink> upload(const http::HttpRequest &req); // PUT files/content (streamed)
    http::HttpResponse remove(const http::HttpRequest &req);
    http::HttpResponse mkdir(const http::HttpRequest &req);
    http::HttpResponse copy(const http::HttpRequest &req);
    http::HttpResponse rename(const http::HttpRequest &req);
    http::HttpResponse chmod(const http::HttpRequest &req);
    void compress(const http::HttpRequest &req, http::Responder responder);   // worker thread
    void decompress(const http::HttpRequest &req, http::Responder responder); // worker thread
    http::HttpResponse quota(const http::HttpRequest &req);
    http::HttpResponse resize(const http::HttpRequest &req);

    // Aliases for the earlier daemon's clients (API.md section 12).
    http::HttpResponse writeAlias(const http::HttpRequest &req);        // POST write {"filename","content"}
    http::HttpResponse createFolderAlias(const http::HttpRequest &req); // POST create-folder {"root","name"}
    http::HttpResponse listDetailed(const http::HttpRequest &req);      // GET files/detailed

  private:
    http::HttpResponse writeFile(const http::HttpRequest &req, const QJsonObject &o,
                                 QLatin1StringView pathKey);
    http::HttpResponse makeFolder(const http::HttpRequest &req, const volumes::PathParts &path);
    struct Impl;
    std::unique_ptr<Impl> d;
};
} // namespace lightd::api
