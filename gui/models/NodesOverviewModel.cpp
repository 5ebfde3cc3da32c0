#include "models/NodesOverviewModel.h"

#include "models/Format.h"
#include "models/Roles.h"
#include "nodes/NodeConnection.h"
#include "nodes/NodeEvents.h"
#include "nodes/NodeManager.h"

#include <QLocale>

namespace lightd::gui {
NodesOverviewModel::NodesOverviewModel(NodeManager *nodes, QObject *parent)
    : QAbstractTableModel(parent), m_manager(nodes)
{
    connect(nodes, &NodeManager::nodeAdded, this, &NodesOverviewModel::reload);
    connect(nodes, &NodeManager::nodeRemoved, this, &NodesOverviewModel::reload, Qt::QueuedConnection);
    reload();
}

void NodesOverviewModel::reload()
{
    beginResetModel();
    m_nodes.clear();
    for (NodeConnection *n : m_manager->nodes()) {
        m_nodes.append(n);
        watch(n);
    }
    endResetModel();
}

void NodesOverviewModel::watch(NodeConnection *node)
{
    // Once per node (Qt::UniqueConnection refuses lambdas, so the model keeps count itself).
    if (m_watched.contains(node))
        return;
    m_watched.insert(node);
    const auto update = [this, node] { changed(node); };
    connect(node, &NodeConnection::stateChanged, this, update);
    connect(node->events(), &NodeEvents::polled, this, update);
    connect(node->events(), &NodeEvents::raised, this, update);
    connect(node, &QObject::destroyed, this, [this, node] { m_watched.remove(node); });
}

void NodesOverviewModel::changed(NodeConnection *node)
{
    const int row = int(m_nodes.indexOf(node));
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int NodesOverviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_nodes.size());
}

int NodesOverviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodesOverviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    NodeConnection *n = m_nodes.at(index.row());
    if (!n)
        return {};
    const auto &host = n->events()->host();
    if (role == Qt::ToolTipRole) {
        if (index.column() == MemoryColumn && host)
            return tr("Containers use %1").arg(format::bytes(n->events()->containersMemory()));
        if (index.column() == CpuColumn && host)
            return tr("%n CPU(s); 100 % is all of them busy", nullptr, host->cpus);
        return n->stateDetail();
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == CpuColumn || index.column() == MemoryColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const int containers = n->events()->containerCount();
    switch (index.column()) {
    case NameColumn:
        return n->info().name;
    case StateColumn:
        return n->stateText();
    case ContainersColumn:
        return containers < 0 ? QVariant(QStringLiteral("—")) : QVariant(containers);
    case RunningColumn:
        return containers < 0 ? QVariant(QStringLiteral("—")) : QVariant(n->events()->runningCount());
    case CpuColumn:
        if (role == SortRole)
            return host && host->cpuPercent ? *host->cpuPercent : -1.0;
        return host && host->cpuPercent
                   ? QStringLiteral("%1 %").arg(QLocale().toString(*host->cpuPercent, 'f', 1))
                   : QStringLiteral("—");
    case MemoryColumn: {
        const qint64 used = host ? host->memoryTotalBytes - host->memoryAvailableBytes : -1;
        if (role == SortRole)
            return used;
        return host && host->memoryTotalBytes > 0
                   ? QStringLiteral("%1 / %2").arg(format::bytes(used), format::bytes(host->memoryTotalBytes))
                   : QStringLiteral("—");
    }
    case EventsColumn:
        return n->events()->model()->rowCount();
    case VersionColumn:
        return n->version();
    default:
        return {};
    }
}

QVariant NodesOverviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Node");
    case StateColumn:
        return tr("Connection");
    case ContainersColumn:
        return tr("Containers");
    case RunningColumn:
        return tr("Running");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case EventsColumn:
        return tr("Events");
    case VersionColumn:
        return tr("Version");
    default:
        return {};
    }
}
} // namespace lightd::gui
