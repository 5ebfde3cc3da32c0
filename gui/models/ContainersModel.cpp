#include "models/ContainersModel.h"

#include "models/Format.h"
#include "models/Roles.h"
#include "widgets/StateStyle.h"

#include <QLocale>
#include <utility>

namespace lightd::gui {
namespace {
const QString kUnknown = QStringLiteral("—");

QString portsText(const QList<PortBindingDto> &ports)
{
    QStringList parts;
    for (const PortBindingDto &p : ports)
        parts << QStringLiteral("%1/%2").arg(p.hostPort).arg(p.protocol);
    return parts.join(QStringLiteral(", "));
}
} // namespace

int ContainersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void ContainersModel::setUsage(const QList<ContainerUsageDto> &usage)
{
    const QHash<QString, ContainerUsageDto> old = std::exchange(m_usage, {});
    for (const ContainerUsageDto &u : usage)
        m_usage.insert(u.internalId, u);
    for (int r = 0; r < rowCount(); ++r) {
        const QString key = row(r).internalId;
        if (old.contains(key) != m_usage.contains(key) || old.value(key) != m_usage.value(key))
            Q_EMIT dataChanged(index(r, CpuColumn), index(r, VolumeColumn));
    }
}

void ContainersModel::setVolumeNames(const QHash<QString, QString> &names)
{
    if (names == m_volumeNames)
        return;
    m_volumeNames = names;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, VolumeColumn), index(rowCount() - 1, VolumeColumn));
}

const ContainerUsageDto *ContainersModel::usage(const QString &internalId) const
{
    const auto it = m_usage.constFind(internalId);
    return it == m_usage.constEnd() ? nullptr : &*it;
}

QVariant ContainersModel::usageData(const ContainerSummaryDto &c, int column, int role) const
{
    const ContainerUsageDto *u = usage(c.internalId);
    const bool sort = role == SortRole;
    if (!u)
        return sort ? QVariant(-1) : QVariant(role == Qt::DisplayRole ? kUnknown : QString());
    switch (column) {
    case CpuColumn:
        if (sort)
            return u->cpuPercent.value_or(-1);
        if (!u->cpuPercent)
            return role == Qt::DisplayRole ? kUnknown : QVariant();
        return role == Qt::DisplayRole
                   ? QStringLiteral("%1 %").arg(QLocale().toString(*u->cpuPercent, 'f', 1))
                   : tr("CPU time since the last poll; 100 % is one core");
    case MemoryColumn:
        if (sort)
            return u->memoryBytes.value_or(-1);
        if (role == Qt::ToolTipRole)
            return u->memoryLimitBytes > 0 ? tr("Limit %1").arg(format::bytes(u->memoryLimitBytes))
                                           : tr("No memory limit");
        return u->memoryBytes ? format::bytes(*u->memoryBytes) : kUnknown;
    case PortsColumn:
        if (sort)
            return u->ports.isEmpty() ? -1 : u->ports.first().hostPort;
        return u->ports.isEmpty() && role == Qt::DisplayRole ? kUnknown : portsText(u->ports);
    case UptimeColumn:
        if (sort)
            return u->uptimeS.value_or(-1);
        return role == Qt::DisplayRole && u->uptimeS ? format::duration(*u->uptimeS)
               : role == Qt::DisplayRole             ? kUnknown
                                                     : QVariant();
    case VolumeColumn:
        if (sort || role == Qt::ToolTipRole)
            return u->volumeId;
        if (u->volumeId.isEmpty())
            return kUnknown;
        return m_volumeNames.value(u->volumeId, format::shortId(u->volumeId, 8));
    default:
        return {};
    }
}

QVariant ContainersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ContainerSummaryDto &c = row(index.row());
    const int column = index.column();
    const bool live = column >= CpuColumn && column <= VolumeColumn;
    switch (role) {
    case KeyRole:
        return c.internalId;
    case StateRole:
        return c.installState;
    case Qt::TextAlignmentRole:
        return column == CpuColumn || column == MemoryColumn || column == UptimeColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::ToolTipRole:
        if (live)
            return usageData(c, column, role);
        return column == DockerIdColumn ? c.containerId : QVariant();
    case Qt::DisplayRole:
    case SortRole:
        if (live)
            return usageData(c, column, role);
        switch (column) {
        case NameColumn:
            return c.internalId;
        case StateColumn:
            return role == SortRole ? c.installState : stateLabel(c.installState);
        case ImageColumn:
            return c.image;
        case DockerIdColumn:
            return format::shortId(c.containerId);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ContainersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case ImageColumn:
        return tr("Image");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case PortsColumn:
        return tr("Ports");
    case UptimeColumn:
        return tr("Uptime");
    case VolumeColumn:
        return tr("Volume");
    case DockerIdColumn:
        return tr("Docker ID");
    default:
        return {};
    }
}
} // namespace lightd::gui
