#include "widgets/StatsView.h"

#include "models/Format.h"
#include "widgets/StatsChart.h"

#include <QHBoxLayout>
#include <QLocale>

namespace lightd::gui {
StatsView::StatsView(QWidget *parent)
    : QWidget(parent),
      m_cpu(new StatsChart(tr("CPU"), QStringLiteral("%"), {tr("CPU")}, {QColor(0x25, 0x63, 0xeb)}, this)),
      m_memory(new StatsChart(tr("Memory"), tr("MiB"), {tr("Memory")}, {QColor(0x7c, 0x3a, 0xed)}, this)),
      m_network(new StatsChart(tr("Network"), tr("KiB/s"), {tr("Received"), tr("Sent")},
                               {QColor(0x05, 0x96, 0x69), QColor(0xea, 0x58, 0x0c)}, this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    for (StatsChart *c : {m_cpu, m_memory, m_network}) {
        c->setWindow(kWindow);
        layout->addWidget(c, 1);
    }
}

void StatsView::addSample(const lightd::ContainerStats &stats, qint64 atMs)
{
    if (m_startMs < 0)
        m_startMs = atMs;
    const qint64 t = atMs;
    ++m_samples;
    m_cpu->add(t, {stats.cpuAbsolute},
               QStringLiteral("%1 %").arg(QLocale().toString(stats.cpuAbsolute, 'f', 1)));
    const double memMb = double(stats.memoryBytes) / (1024.0 * 1024.0);
    m_memory->add(
        t, {memMb},
        stats.memoryLimitBytes > 0
            ? tr("%1 of %2").arg(format::bytes(stats.memoryBytes), format::bytes(stats.memoryLimitBytes))
            : format::bytes(stats.memoryBytes));
    // Counters are cumulative: chart the rate between two samples.
    double rx = 0;
    double tx = 0;
    if (m_last && atMs > m_lastMs) {
        const double dt = double(atMs - m_lastMs) / 1000.0;
        rx = qMax<qint64>(0, stats.rxBytes - m_last->rxBytes) / dt / 1024.0;
        tx = qMax<qint64>(0, stats.txBytes - m_last->txBytes) / dt / 1024.0;
    }
    m_network->add(
        t, {rx, tx},
        tr("↓ %1/s  ↑ %2/s").arg(format::bytes(qint64(rx * 1024)), format::bytes(qint64(tx * 1024))));
    m_last = stats;
    m_lastMs = atMs;
}

void StatsView::clear()
{
    for (StatsChart *c : {m_cpu, m_memory, m_network})
        c->clear();
    m_last.reset();
    m_startMs = -1;
    m_samples = 0;
}
} // namespace lightd::gui
