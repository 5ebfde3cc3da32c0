#include "nodes/NodeEvents.h"

#include "lightd/ApiClient.h"
#include "nodes/NodeConnection.h"

namespace lightd::gui {
NodeEvents::NodeEvents(NodeConnection *node, QObject *parent)
    : QObject(parent), m_node(node), m_model(new EventsModel(this))
{
    m_timer.setInterval(2000); // a restart shows within one interval of it being up again
    connect(&m_timer, &QTimer::timeout, this, &NodeEvents::poll);
    m_timer.start();
    poll();
}

void NodeEvents::poll()
{
    if (!m_node || !m_node->isConnected() || m_inFlight)
        return;
    if (!m_hasSummary)
        return pollList();
    m_inFlight = true;
    m_node->client()->nodeSummary([self = QPointer<NodeEvents>(this)](const ApiResult<NodeSummaryDto> &r) {
        if (!self)
            return;
        self->m_inFlight = false;
        if (!r.ok()) {
            if (r.error.status == 404 || r.error.status == 501) { // an older node: states only
                self->m_hasSummary = false;
                self->pollList();
            }
            return;
        }
        QHash<QString, QString> states;
        QHash<QString, Run> runs;
        qint64 memory = 0;
        for (const ContainerUsageDto &c : r->containers) {
            states.insert(c.internalId, c.state);
            if (c.uptimeS && c.startedAtMs)
                runs.insert(c.internalId, Run{*c.startedAtMs, *c.uptimeS});
            memory += c.memoryBytes.value_or(0);
        }
        self->m_host = r->host;
        self->m_containersMemory = memory;
        self->learn(states, runs);
    });
}

void NodeEvents::pollList()
{
    m_inFlight = true;
    m_node->client()->listContainers(
        [self = QPointer<NodeEvents>(this)](const ApiResult<QList<ContainerSummaryDto>> &r) {
            if (!self)
                return;
            self->m_inFlight = false;
            if (!r.ok())
                return;
            QHash<QString, QString> states;
            for (const ContainerSummaryDto &c : *r)
                states.insert(c.internalId, c.installState);
            self->learn(states, {});
        });
}

void NodeEvents::learn(const QHash<QString, QString> &now, const QHash<QString, Run> &runs)
{
    if (m_primed)
        for (auto it = now.cbegin(); it != now.cend(); ++it) {
            const QString before = m_states.value(it.key());
            if (!before.isEmpty() && before != it.value())
                changed(it.key(), before, it.value());
        }
    // Up now in a run that started later than the one last seen (250 ms of clock jitter allowed):
    // it went down and came back in between, which the states alone may not show. Stopping and
    // starting keep the last run seen; a container at rest forgets it (a stop then a start is no
    // restart).
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const QString &state = it.value();
        const bool moving = state == QLatin1StringView("running") || state == QLatin1StringView("starting") ||
                            state == QLatin1StringView("stopping");
        if (!moving) {
            m_lastRun.remove(it.key());
            continue;
        }
        const auto run = runs.constFind(it.key());
        if (run == runs.cend())
            continue;
        const auto seen = m_lastRun.constFind(it.key());
        if (m_primed && seen != m_lastRun.cend() && run->startedAtMs > *seen + 250)
            restarted(it.key(), run->uptimeS);
        m_lastRun.insert(it.key(), run->startedAtMs);
    }
    for (auto it = m_lastRun.begin(); it != m_lastRun.end();)
        it = now.contains(it.key()) ? std::next(it) : m_lastRun.erase(it);
    m_states = now;
    m_primed = true;
    Q_EMIT polled();
}

// The record's last exit tells a crash the node restarted from a restart someone asked for.
void NodeEvents::restarted(const QString &id, qint64 upS)
{
    m_node->client()->getContainer(id, [self = QPointer<NodeEvents>(this), id,
                                        upS](const ApiResult<ContainerDto> &r) {
        if (!self)
            return;
        const int code = r.ok() ? r->exitCode.value_or(0) : 0;
        // One row per event, as when the poll saw it down (changed()): a crash or OOM row already
        // says it is up again; only a restart that was no crash gets a Restarted row. (Both rows
        // here made tst_gui_window's feed hold 2 rows when the poll missed the `ready` between.)
        if (r.ok() && r->oomKilled)
            return self->raise(
                id, NodeEvent::Kind::OutOfMemory,
                tr("Killed by the kernel: out of memory; up again for %n s.", nullptr, int(upS)));
        if (code != 0 && code != 130 && code != 137 && code != 143)
            return self->raise(id, NodeEvent::Kind::Crash,
                               tr("Exited with code %1; up again for %n s.", nullptr, int(upS)).arg(code));
        self->raise(id, NodeEvent::Kind::Restarted, tr("Up again for %n s.", nullptr, int(upS)));
    });
}

void NodeEvents::changed(const QString &id, const QString &before, const QString &now)
{
    const auto is = [](const QString &s, const char *v) { return s == QLatin1StringView(v); };
    if (is(before, "installing") && is(now, "failed"))
        return raise(id, NodeEvent::Kind::InstallFailed, tr("The install script or image pull failed."));
    const bool wasUp = is(before, "running") || is(before, "starting");
    if (!wasUp || !(is(now, "ready") || is(now, "failed")))
        return;
    // Up -> down: a stop from anyone, or a crash. The record tells.
    m_node->client()->getContainer(
        id, [self = QPointer<NodeEvents>(this), id](const ApiResult<ContainerDto> &r) {
            if (!self || !r.ok())
                return;
            if (r->oomKilled)
                return self->raise(id, NodeEvent::Kind::OutOfMemory,
                                   tr("Killed by the kernel: out of memory (limit reached)."));
            const int code = r->exitCode.value_or(0);
            if (code == 0 || code == 130 || code == 137 || code == 143)
                return; // clean exit, SIGINT, SIGKILL, SIGTERM: stopped or killed on purpose
            self->raise(id, NodeEvent::Kind::Crash, tr("Exited with code %1.").arg(code));
        });
}

int NodeEvents::runningCount() const
{
    int n = 0;
    for (const QString &s : m_states)
        n += s == QLatin1StringView("running") ? 1 : 0;
    return n;
}

void NodeEvents::raise(const QString &id, NodeEvent::Kind kind, const QString &detail)
{
    if (kind == NodeEvent::Kind::Crash || kind == NodeEvent::Kind::OutOfMemory)
        ++m_crashes[id];
    const NodeEvent event{++m_seq, QDateTime::currentDateTime(), id, kind, detail};
    m_model->add(event);
    Q_EMIT raised(event);
}
} // namespace lightd::gui
