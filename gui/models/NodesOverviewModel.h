#pragma once
#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QSet>

namespace lightd::gui {
class NodeConnection;
class NodeManager;

// Every node at once: state, version, containers and how many run, the host's CPU and memory,
// events seen. Everything comes from each node's NodeEvents poll (one call per node and interval).
class NodesOverviewModel final : public QAbstractTableModel
{
    Q_OBJECT
  public:
    enum Column {
        NameColumn,
        StateColumn,
        ContainersColumn,
        RunningColumn,
        CpuColumn,    // the host's, from the node's summary
        MemoryColumn, // the host's used of total
        EventsColumn,
        VersionColumn,
        ColumnCount
    };
    explicit NodesOverviewModel(NodeManager *nodes, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    NodeConnection *node(int row) const { return m_nodes.value(row); }

  private:
    void reload();
    void watch(NodeConnection *node);
    void changed(NodeConnection *node);

    NodeManager *m_manager;
    QList<QPointer<NodeConnection>> m_nodes;
    QSet<const QObject *> m_watched;
};
} // namespace lightd::gui
