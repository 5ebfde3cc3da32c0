#include "models/VolumesModel.h"

#include "models/Format.h"
#include "models/Roles.h"

namespace lightd::gui {
int VolumesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VolumesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const VolumeDto &v = row(index.row());
    const qint64 quotaBytes = v.quotaMb ? *v.quotaMb * 1024 * 1024 : 0;
    switch (role) {
    case KeyRole:
        return v.volumeId;
    case UsedBytesRole:
        return v.usedBytes;
    case QuotaBytesRole:
        return quotaBytes;
    case Qt::ToolTipRole:
        if (index.column() == IdColumn || index.column() == PathColumn)
            return index.column() == IdColumn ? v.volumeId : v.path;
        return {};
    case SortRole:
        switch (index.column()) {
        case UsageColumn:
            return v.usedBytes;
        case QuotaColumn:
            return quotaBytes;
        case CreatedColumn:
            return v.createdAt;
        default:
            break;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return v.volumeId;
        case UsageColumn:
            return quotaBytes > 0 ? tr("%1 of %2").arg(format::bytes(v.usedBytes), format::bytes(quotaBytes))
                                  : format::bytes(v.usedBytes);
        case QuotaColumn:
            return v.quotaMb ? format::bytes(quotaBytes) : tr("Unlimited");
        case PathColumn:
            return v.path;
        case CreatedColumn:
            return format::timestamp(v.createdAt);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant VolumesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Volume");
    case UsageColumn:
        return tr("Usage");
    case QuotaColumn:
        return tr("Quota");
    case PathColumn:
        return tr("Host path");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}
} // namespace lightd::gui
