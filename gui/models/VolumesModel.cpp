#include "models/VolumesModel.h"

#include "models/Format.h"
#include "models/Roles.h"

namespace lightd::gui {
int VolumesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void VolumesModel::setNames(const QHash<QString, QString> &names)
{
    if (names == m_names)
        return;
    m_names = names;
    changed(IdColumn);
}

void VolumesModel::setUsers(const QHash<QString, QStringList> &users, bool known)
{
    if (users == m_users && known == m_usersKnown)
        return;
    m_users = users;
    m_usersKnown = known;
    changed(UsedByColumn);
}

void VolumesModel::changed(int column)
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, column), index(rowCount() - 1, column));
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
        if (index.column() == IdColumn)
            return m_names.contains(v.volumeId) ? m_names.value(v.volumeId) + u'\n' + v.volumeId : v.volumeId;
        if (index.column() == UsedByColumn)
            return m_users.value(v.volumeId).join(u'\n');
        return index.column() == PathColumn ? QVariant(v.path) : QVariant();
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
            return m_names.value(v.volumeId, v.volumeId);
        case UsedByColumn: {
            const QStringList users = m_users.value(v.volumeId);
            if (!m_usersKnown)
                return QStringLiteral("—");
            return users.isEmpty() ? tr("Unused") : users.join(QStringLiteral(", "));
        }
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
    case UsedByColumn:
        return tr("Used by");
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
