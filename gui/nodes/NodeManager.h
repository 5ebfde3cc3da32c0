#pragma once
#include "nodes/NodeInfo.h"

#include <QList>
#include <QObject>

namespace lightd::gui {
class NodeConnection;
class TokenStore;

// The nodes the operator manages: persisted in QSettings (tokens via TokenStore), one
// NodeConnection each. Transient nodes (from the command line) are never written to disk.
class NodeManager final : public QObject
{
    Q_OBJECT
  public:
    explicit NodeManager(TokenStore *tokens, QObject *parent = nullptr);

    void load();
    QList<NodeConnection *> nodes() const { return m_nodes; }
    NodeConnection *node(const QString &id) const;

    NodeConnection *addNode(const QString &name, const QUrl &url, const QString &token, bool persist = true);
    void updateNode(NodeConnection *node, const QString &name, const QUrl &url, const QString &token);
    void removeNode(NodeConnection *node);

  Q_SIGNALS:
    void nodeAdded(lightd::gui::NodeConnection *node);
    void nodeRemoved(lightd::gui::NodeConnection *node);

  private:
    void save() const;
    NodeConnection *create(const NodeInfo &info);

    TokenStore *m_tokens;
    QList<NodeConnection *> m_nodes;
    QList<NodeConnection *> m_transient;
};
} // namespace lightd::gui
