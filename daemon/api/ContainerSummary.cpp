#include "api/ContainerSummary.h"

#include "containers/ContainerManager.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <memory>

namespace lightd::api {
namespace {
constexpr qint64 kMinSpanNs = 1000LL * 1000 * 1000; // CPU % over at least a second

QByteArray readProc(const char *path)
{
    QFile f(QString::fromLatin1(path));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// /proc/stat's first line: busy and total jiffies of all CPUs; the cpuN lines count the CPUs.
struct HostCpu
{
    qint64 busy = 0, total = 0;
    int cpus = 0;
};
HostCpu hostCpu()
{
    HostCpu h;
    for (const QByteArray &line : readProc("/proc/stat").split('\n')) {
        if (!line.startsWith("cpu"))
            continue;
        if (line.size() > 3 && line.at(3) != ' ') {
            ++h.cpus;
            continue;
        }
        const QList<QByteArray> f = line.simplified().split(' ');
        for (qsizetype i = 1; i < f.size(); ++i) {
            const qint64 v = f.at(i).toLongLong();
            h.total += v;
            if (i != 4 && i != 5) // idle, iowait
                h.busy += v;
        }
    }
    return h;
}

qint64 meminfo(const QByteArray &text, const QByteArray &key)
{
    for (const QByteArray &line : text.split('\n'))
        if (line.startsWith(key + ':'))
            return line.mid(key.size() + 1).simplified().split(' ').value(0).toLongLong() * 1024;
    return 0;
}
} // namespace

ContainerSummary::ContainerSummary(containers::ContainerManager &manager, billing::CounterSource &source,
                                   QObject *parent)
    : QObject(parent), m_manager(manager), m_source(source)
{
    m_clock.start();
}

// used / span between the newest mark at least kMinSpanNs old and now; a counter that went back
// (a new run) starts over.
std::optional<double> ContainerSummary::percent(Marks &marks, qint64 used, qint64 span)
{
    const qint64 now = m_clock.nsecsElapsed();
    if (marks.newer && (used < marks.newer->used || now - marks.newer->atNs >= kMinSpanNs)) {
        marks.older = used < marks.newer->used ? std::nullopt : marks.newer;
        marks.newer.reset();
    }
    if (!marks.newer)
        marks.newer = Mark{used, span, now};
    if (!marks.older || span <= marks.older->span)
        return std::nullopt;
    return double(used - marks.older->used) * 100.0 / double(span - marks.older->span);
}

void ContainerSummary::collect(std::function<void(const NodeSummaryDto &)> done)
{
    struct Pending
    {
        int left = 1;
        QHash<QString, billing::Counters> counters;
        std::function<void(const QHash<QString, billing::Counters> &)> finish;
    };
    auto pending = std::make_shared<Pending>();
    QStringList live;
    for (auto *rt : m_manager.all()) {
        const QString id = rt->record().dto.internalId;
        const QString dockerId = rt->record().dto.containerId;
        const qint64 uptime = rt->uptimeMs();
        if (uptime <= 0 || dockerId.isEmpty())
            continue;
        live << id;
        Marks &marks = m_marks[id];
        if (uptime < marks.uptimeMs)
            marks = Marks{}; // another run: its CPU counter starts again
        marks.uptimeMs = uptime;
        ++pending->left;
        m_source.read(
            id, dockerId,
            [pending, id](std::optional<billing::Counters> c, qint64) {
                if (c)
                    pending->counters.insert(id, *c);
                if (--pending->left == 0)
                    pending->finish(pending->counters);
            },
            billing::CounterSource::Fallback::None);
    }
    for (auto it = m_marks.begin(); it != m_marks.end();)
        it = live.contains(it.key()) ? std::next(it) : m_marks.erase(it);

    pending->finish = [this, done, live](const QHash<QString, billing::Counters> &counters) {
        NodeSummaryDto out;
        const HostCpu cpu = hostCpu();
        out.host.cpus = qMax(1, cpu.cpus);
        const QByteArray mem = readProc("/proc/meminfo");
        out.host.memoryTotalBytes = meminfo(mem, "MemTotal");
        out.host.memoryAvailableBytes = meminfo(mem, "MemAvailable");
        if (cpu.total > 0)
            out.host.cpuPercent = percent(m_host, cpu.busy, cpu.total);
        for (auto *rt : m_manager.all()) {
            const auto &rec = rt->record();
            ContainerUsageDto c;
            c.internalId = rec.dto.internalId;
            c.state = toString(rec.state);
            c.memoryLimitBytes = rec.dto.limits.memory;
            c.ports = rec.dto.ports;
            c.volumeId = rec.dto.volumeId;
            if (live.contains(c.internalId)) {
                const qint64 upMs = rt->uptimeMs();
                c.uptimeS = upMs / 1000;
                c.startedAtMs = QDateTime::currentMSecsSinceEpoch() - upMs;
                const auto it = counters.constFind(c.internalId);
                if (it != counters.cend()) {
                    c.memoryBytes = it->memoryBytes;
                    c.cpuPercent = percent(m_marks[c.internalId], it->cpuTotalNs, m_clock.nsecsElapsed());
                }
            }
            out.containers.append(c);
        }
        done(out);
    };
    if (--pending->left == 0)
        pending->finish(pending->counters);
}
} // namespace lightd::api
