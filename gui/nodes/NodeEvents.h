#pragma once
#include "lightd/NodeSummaryDto.h"
#include "models/EventsModel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace lightd::gui {
class NodeConnection;

// Watches one node for trouble with one call per interval (GET /system/containers, or GET
// /containers on a node without it; never a stream per container): an install that ends in
// "failed", a running container that drops to ready or failed on its own (the record's exit code and
// oom_killed, fetched once for that container, tell crash from OOM; an exit code of 0, 130, 137 or
// 143 is a stop or kill, not news), and a restart — a container up in a run that started after the one
// last seen (the summary's started_at_ms), however quickly it came back. Counts crashes per container.
class NodeEvents final : public QObject
{
    Q_OBJECT
  public:
    explicit NodeEvents(NodeConnection *node, QObject *parent = nullptr);

    EventsModel *model() const { return m_model; }
    int crashCount(const QString &internalId) const { return m_crashes.value(internalId); }
    void setInterval(int ms) { m_timer.setInterval(ms); }
    NodeConnection *node() const { return m_node; }
    // From the same poll: how many containers the node has and how many run (-1 before the first answer).
    int containerCount() const { return m_primed ? int(m_states.size()) : -1; }
    int runningCount() const;
    // The node's host CPU and memory and its containers' memory in all, from the same poll
    // (nullopt: not yet, or the node has no summary route).
    const std::optional<HostUsageDto> &host() const { return m_host; }
    qint64 containersMemory() const { return m_containersMemory; }

  Q_SIGNALS:
    void raised(const lightd::gui::NodeEvent &event);
    void polled();

  private:
    void poll();
    void pollList();
    struct Run // of a container that is up: when it started (unix ms) and for how long (s)
    {
        qint64 startedAtMs = 0;
        qint64 uptimeS = 0;
    };
    // One answer of either route: states (and runs, when the node tells them) per container.
    void learn(const QHash<QString, QString> &states, const QHash<QString, Run> &runs);
    void changed(const QString &id, const QString &before, const QString &now);
    void restarted(const QString &id, qint64 upS);
    void raise(const QString &id, NodeEvent::Kind kind, const QString &detail);

    QPointer<NodeConnection> m_node;
    EventsModel *m_model;
    QTimer m_timer;
    QHash<QString, QString> m_states; // last seen state per container
    QHash<QString, int> m_crashes;
    bool m_inFlight = false;
    bool m_primed = false; // the first answer only learns the states
    quint64 m_seq = 0;
    bool m_hasSummary = true;         // GET /system/containers answers (restarts need its uptimes)
    QHash<QString, qint64> m_lastRun; // start (unix ms) of the run last seen, per container up
    std::optional<HostUsageDto> m_host;
    qint64 m_containersMemory = 0;
};
} // namespace lightd::gui
