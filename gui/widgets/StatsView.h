#pragma once
#include "lightd/ContainerStats.h"

#include <QWidget>
#include <optional>

namespace lightd::gui {
class StatsChart;

// Live CPU, memory and network charts of one container over the last few minutes, fed one
// ContainerStats sample at a time (from the WebSocket `stats` frames once they exist).
class StatsView final : public QWidget
{
    Q_OBJECT
  public:
    explicit StatsView(QWidget *parent = nullptr);

    void addSample(const lightd::ContainerStats &stats, qint64 atMs);
    void clear();
    int sampleCount() const { return m_samples; }
    StatsChart *cpuChart() const { return m_cpu; }
    StatsChart *memoryChart() const { return m_memory; }
    StatsChart *networkChart() const { return m_network; }
    static constexpr int kWindow = 120; // samples kept (about two minutes at one a second)

  private:
    StatsChart *m_cpu;
    StatsChart *m_memory;
    StatsChart *m_network;
    std::optional<lightd::ContainerStats> m_last;
    qint64 m_lastMs = 0;
    qint64 m_startMs = -1;
    int m_samples = 0;
};
} // namespace lightd::gui
