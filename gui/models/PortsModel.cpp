#include "models/PortsModel.h"

#include "models/Roles.h"

#include <QColor>

namespace lightd::gui {
int PortsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PortsModel::key(const PortDto &port)
{
    return QStringLiteral("%1:%2/%3").arg(port.ip).arg(port.port).arg(port.protocol);
}

QVariant PortsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PortDto &p = row(index.row());
    if (role == KeyRole)
        return key(p);
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case IpColumn:
            return p.ip;
        case PortColumn:
            return role == SortRole ? QVariant(p.port) : QVariant(QString::number(p.port));
        case ProtocolColumn:
            return p.protocol.toUpper();
        case StatusColumn:
            return p.inUse ? tr("In use") : tr("Free");
        case OwnerColumn:
            return p.container.isEmpty() ? (p.inUse ? tr("reserved by hand") : QString()) : p.container;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn)
        return p.inUse ? QColor(0xb4, 0x53, 0x09) : QColor(0x15, 0x80, 0x3d);
    if (role == Qt::ForegroundRole && index.column() == OwnerColumn && p.container.isEmpty())
        return QColor(0x6b, 0x72, 0x80);
    if (role == Qt::TextAlignmentRole && index.column() == PortColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PortsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IpColumn:
        return tr("IP address");
    case PortColumn:
        return tr("Port");
    case ProtocolColumn:
        return tr("Protocol");
    case StatusColumn:
        return tr("Status");
    case OwnerColumn:
        return tr("Held by");
    default:
        return {};
    }
}
} // namespace lightd::gui
