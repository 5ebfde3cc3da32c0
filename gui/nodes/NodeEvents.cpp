#include "nodes/NodeEvents.h"

#include "lightd/ApiClient.h"
#include "nodes/NodeConnection.h"

namespace lightd::gui {
NodeEvents::NodeEvents(NodeConnection *node, QObject *parent)
    : QObject(parent), m_node(node), m_model(new EventsModel(this))
{
    m_timer.setInterval(3000);
    connect(&m_timer, &QTimer::timeout, this, &NodeEvents::poll);
    m_timer.start();
    poll();
}

void NodeEvents::poll()
{
    if (!m_node || !m_node->isConnected() || m_inFlight)
        return;
    m_inFlight = true;
    m_node->client()->listContainers(
        [self = QPointer<NodeEvents>(this)](const ApiResult<QList<ContainerSummaryDto>> &r) {
            if (!self)
                return;
            self->m_inFlight = false;
            if (!r.ok())
                return;
            QHash<QString, QString> now;
            for (const ContainerSummaryDto &c : *r)
                now.insert(c.internalId, c.installState);
            if (self->m_primed)
                for (auto it = now.cbegin(); it != now.cend(); ++it) {
                    const QString before = self->m_states.value(it.key());
                    if (!before.isEmpty() && before != it.value())
                        self->changed(it.key(), before, it.value());
                }
            self->m_states = now;
            self->m_primed = true;
            Q_EMIT self->polled();
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
