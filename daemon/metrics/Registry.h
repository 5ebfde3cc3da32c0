#pragma once
#include "metrics/TextWriter.h"

#include <functional>
#include <vector>

namespace lightd::metrics {
// What GET /metrics renders: every module that has figures to show registers a collector here (in
// Daemon::start), called on each scrape. A module landing later (outbox, SFTP) adds its own
// collector the same way; nothing else needs to change.
class Registry
{
  public:
    using Collector = std::function<void(TextWriter &)>;
    void addCollector(Collector collector) { m_collectors.push_back(std::move(collector)); }
    QByteArray render() const;

  private:
    std::vector<Collector> m_collectors;
};
} // namespace lightd::metrics
