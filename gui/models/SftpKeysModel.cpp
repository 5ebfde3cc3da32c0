#include "models/SftpKeysModel.h"

#include "models/Format.h"
#include "models/Roles.h"

namespace lightd::gui {
int SftpKeysModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SftpKeysModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const SftpKeyDto &k = row(index.row());
    switch (role) {
    case KeyRole:
        return k.fingerprint;
    case Qt::ToolTipRole:
        return k.fingerprint;
    case SortRole:
        if (index.column() == AddedColumn)
            return k.createdAt;
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case CommentColumn:
            return k.comment.isEmpty() ? tr("(no comment)") : k.comment;
        case TypeColumn:
            return k.type;
        case FingerprintColumn:
            return k.fingerprint;
        case AddedColumn:
            return format::timestamp(k.createdAt);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant SftpKeysModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CommentColumn:
        return tr("Key");
    case TypeColumn:
        return tr("Type");
    case FingerprintColumn:
        return tr("Fingerprint");
    case AddedColumn:
        return tr("Added");
    default:
        return {};
    }
}
} // namespace lightd::gui
