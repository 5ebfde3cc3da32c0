#pragma once
#include "models/EventsModel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace lightd::gui {
class NodeConnection;

// Watches one node for trouble with one GET /containers per interval (no stream per container):
// an install that ends in "failed", a running container that drops to ready or failed on its own
// (the record's exit code and oom_killed, fetched once for that container, tell crash from OOM; an
// exit code of 0, 130, 137 or 143 is a stop or kill, not news). Counts crashes per container.
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

  Q_SIGNALS:
    void raised(const lightd::gui::NodeEvent &event);
    void polled();

  private:
    void poll();
    void changed(const QString &id, const QString &before, const QString &now);
    void raise(const QString &id, NodeEvent::Kind kind, const QString &detail);

    QPointer<NodeConnection> m_node;
    EventsModel *m_model;
    QTimer m_timer;
    QHash<QString, QString> m_states; // last seen state per container
    QHash<QString, int> m_crashes;
    bool m_inFlight = false;
    bool m_primed = false; // the first answer only learns the states
    quint64 m_seq = 0;
};
} // namespace lightd::gui
