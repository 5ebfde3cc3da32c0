#include "nodes/NodeManager.h"

#include "nodes/NodeConnection.h"
#include "nodes/TokenStore.h"

#include <QPointer>
#include <QSettings>
#include <QUuid>

namespace lightd::gui {
NodeManager::NodeManager(TokenStore *tokens, QObject *parent) : QObject(parent), m_tokens(tokens) {}

void NodeManager::load()
{
    QSettings s;
    const int count = s.beginReadArray(QStringLiteral("nodes"));
    for (int i = 0; i < count; ++i) {
        s.setArrayIndex(i);
        NodeInfo info{s.value(QStringLiteral("id")).toString(), s.value(QStringLiteral("name")).toString(),
                      QUrl(s.value(QStringLiteral("url")).toString())};
        if (info.id.isEmpty() || !info.url.isValid())
            continue;
        NodeConnection *node = create(info);
        QPointer<NodeConnection> guard(node);
        m_tokens->read(info.id, [guard](const QString &token) {
            if (guard)
                guard->setToken(token);
        });
    }
    s.endArray();
}

NodeConnection *NodeManager::node(const QString &id) const
{
    for (NodeConnection *n : m_nodes)
        if (n->info().id == id)
            return n;
    return nullptr;
}

NodeConnection *NodeManager::create(const NodeInfo &info)
{
    auto *node = new NodeConnection(info, this);
    m_nodes.append(node);
    Q_EMIT nodeAdded(node);
    return node;
}

NodeConnection *NodeManager::addNode(const QString &name, const QUrl &url, const QString &token, bool persist)
{
    NodeConnection *node = create(NodeInfo{QUuid::createUuid().toString(QUuid::WithoutBraces), name, url});
    if (persist) {
        m_tokens->write(node->info().id, token);
        save();
    } else {
        m_transient.append(node);
    }
    node->setToken(token);
    return node;
}

void NodeManager::updateNode(NodeConnection *node, const QString &name, const QUrl &url, const QString &token)
{
    node->setInfo(NodeInfo{node->info().id, name, url});
    if (!m_transient.contains(node)) {
        m_tokens->write(node->info().id, token);
        save();
    }
    node->setToken(token);
}

void NodeManager::removeNode(NodeConnection *node)
{
    if (!m_nodes.removeOne(node))
        return;
    if (!m_transient.removeOne(node)) {
        m_tokens->remove(node->info().id);
        save();
    }
    Q_EMIT nodeRemoved(node);
    node->deleteLater();
}

void NodeManager::save() const
{
    QSettings s;
    s.remove(QStringLiteral("nodes"));
    s.beginWriteArray(QStringLiteral("nodes"));
    int i = 0;
    for (NodeConnection *n : m_nodes) {
        if (m_transient.contains(n))
            continue;
        s.setArrayIndex(i++);
        s.setValue(QStringLiteral("id"), n->info().id);
        s.setValue(QStringLiteral("name"), n->info().name);
        s.setValue(QStringLiteral("url"), n->info().url.toString());
    }
    s.endArray();
}
} // namespace lightd::gui
