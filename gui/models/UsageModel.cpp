#include "models/UsageModel.h"

#include "models/Format.h"
#include "models/Roles.h"

#include <QLocale>

namespace lightd::gui {
int UsageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const UsageDto &u = row(index.row());
    const double values[] = {0,          u.memoryGb,      u.cpuVcpus,     u.storageGb,
                             u.egressGb, u.durationHours, u.estimatedCost};
    if (role == KeyRole)
        return u.containerId;
    if (role == Qt::TextAlignmentRole && index.column() != ContainerColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole)
        return index.column() == ContainerColumn ? QVariant(u.containerId) : QVariant(values[index.column()]);
    if (role != Qt::DisplayRole)
        return {};
    if (index.column() == ContainerColumn)
        return u.containerId;
    if (index.column() == CostColumn)
        return format::money(u.estimatedCost);
    return QLocale().toString(values[index.column()], 'f', 2);
}

QVariant UsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ContainerColumn:
        return tr("Container");
    case MemoryColumn:
        return tr("Memory (GB)");
    case CpuColumn:
        return tr("CPU (vCPU)");
    case StorageColumn:
        return tr("Storage (GB)");
    case EgressColumn:
        return tr("Egress (GB)");
    case HoursColumn:
        return tr("Hours");
    case CostColumn:
        return tr("Cost");
    default:
        return {};
    }
}
} // namespace lightd::gui
