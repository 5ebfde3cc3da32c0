#pragma once
#include "config/Config.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "storage/UsageSampleTable.h"

namespace lightd::containers {
class ContainerManager;
}

namespace lightd::api {
// /billing/* (API.md section 7): rates, estimates, and usage over the stored samples.
class BillingController final
{
  public:
    BillingController(storage::Database &db, containers::ContainerManager &containers, const Config &config)
        : m_samples(db), m_containers(containers), m_config(config)
    {}

    http::HttpResponse rates(const http::HttpRequest &req);
    http::HttpResponse estimateContainer(const http::HttpRequest &req);
    http::HttpResponse estimateVolume(const http::HttpRequest &req);
    http::HttpResponse usage(const http::HttpRequest &req, const QString &period);
    // The window cut into 60 equal steps (cost and each resource per step), for charts over time.
    http::HttpResponse series(const http::HttpRequest &req, const QString &period);
    http::HttpResponse containers(const http::HttpRequest &req);

  private:
    QString resolve(const QString &id);
    storage::UsageSampleTable m_samples;
    containers::ContainerManager &m_containers;
    const Config &m_config;
};
} // namespace lightd::api
