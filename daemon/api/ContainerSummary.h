#pragma once
#include "billing/CounterSource.h"
#include "lightd/NodeSummaryDto.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <functional>

namespace lightd::containers {
class ContainerManager;
}

namespace lightd::api {
// GET /system/containers: every container's state, ports, volume, uptime, memory and CPU, and the
// host's CPU and memory, in one answer, so a list polls once per node instead of holding a stats
// stream per row (the engine's streams cost dockerd CPU; they are opened only for viewers). Memory
// and CPU come from the billing meter's counter source (the same held-open cgroup files, one inspect
// per container start); where those cannot be read the figures are null, never a stats call. CPU %
// is the CPU time used between two asks at least a second apart, so it is null on the first ask.
class ContainerSummary final : public QObject
{
    Q_OBJECT
  public:
    ContainerSummary(containers::ContainerManager &manager, billing::CounterSource &source,
                     QObject *parent = nullptr);

    // done runs once, when every running container's counters are read (the first ask of a run
    // waits for one inspect).
    void collect(std::function<void(const NodeSummaryDto &)> done);

  private:
    struct Mark // a CPU counter (used), what it is a share of (span) and when it was read
    {
        qint64 used = 0;
        qint64 span = 0;
        qint64 atNs = 0;
    };
    struct Marks
    {
        std::optional<Mark> older, newer;
        qint64 uptimeMs = 0; // of the run the marks belong to
    };
    std::optional<double> percent(Marks &marks, qint64 used, qint64 span);

    containers::ContainerManager &m_manager;
    billing::CounterSource &m_source;
    QHash<QString, Marks> m_marks;
    Marks m_host;
    QElapsedTimer m_clock;
};
} // namespace lightd::api
