#pragma once
#include "lightd/ApiClient.h"
#include "nodes/NodeInfo.h"

#include <QObject>
#include <QTimer>

namespace lightd::gui {
class NodeEvents;

// One daemon: its API client, the connection state the sidebar shows, and the probe loop that
// reconnects with exponential backoff. Pages report failed calls here so a dead node is noticed at
// once rather than at the next heartbeat.
class NodeConnection final : public QObject
{
    Q_OBJECT
  public:
    explicit NodeConnection(const NodeInfo &info, QObject *parent = nullptr);

    const NodeInfo &info() const { return m_info; }
    void setInfo(const NodeInfo &info); // a new URL reconnects
    void setToken(const QString &token);
    bool hasToken() const { return !m_client->token().isEmpty(); }

    ApiClient *client() const { return m_client; }
    // The node's crash/OOM/install-failed watcher, started on first use.
    NodeEvents *events();
    NodeState state() const { return m_state; }
    bool isConnected() const { return m_state == NodeState::Connected; }
    QString stateText() const;   // one short word or two for the sidebar
    QString stateDetail() const; // the sentence for the header and tooltips
    QString version() const { return m_version; }
    // Whether the token is the node's master token (token routes answer) or a scoped one (403);
    // Unknown until the first connect has asked.
    enum class TokenRole { Unknown, Master, Scoped };
    TokenRole tokenRole() const { return m_role; }
    int retryInMs() const;

    // Backoff bounds; tests shorten them.
    void setBackoff(int firstMs, int maxMs);
    void setHeartbeatMs(int ms) { m_heartbeatMs = ms; }

    void connectNow();
    // A page's call failed: transport and auth failures change the node state.
    void reportError(const ApiErrorDto &error);

    static QString describe(const ApiErrorDto &error);

  Q_SIGNALS:
    void stateChanged(lightd::gui::NodeState state);
    void infoChanged();
    void tokenRoleChanged();

  private:
    void probe();
    void setState(NodeState state, const QString &detail);
    void scheduleRetry();
    void applyFailure(const ApiErrorDto &error);
    void probeRole(quint64 generation);
    void setRole(TokenRole role);

    NodeInfo m_info;
    ApiClient *m_client;
    QTimer m_timer;
    NodeState m_state = NodeState::Connecting;
    QString m_detail;
    QString m_version;
    int m_firstBackoffMs = 1000;
    int m_maxBackoffMs = 30000;
    int m_backoffMs = 1000;
    int m_heartbeatMs = 10000;
    quint64 m_generation = 0; // answers of probes started before a URL change are dropped
    bool m_probing = false;
    TokenRole m_role = TokenRole::Unknown;
    NodeEvents *m_events = nullptr;
};
} // namespace lightd::gui
