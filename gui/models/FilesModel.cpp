#include "models/FilesModel.h"

#include "app/Icons.h"
#include "models/Format.h"
#include "models/Roles.h"

namespace lightd::gui {
int FilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FilesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const FileEntryDto &f = row(index.row());
    const bool dir = f.isDirectory();
    switch (role) {
    case KeyRole:
        return f.name;
    case IsDirectoryRole:
        return dir;
    case Qt::DecorationRole:
        return index.column() == NameColumn
                   ? icons::get(dir ? QStringLiteral("folder") : QStringLiteral("file"))
                   : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SortRole:
        // Directories sort before files whatever the column.
        switch (index.column()) {
        case NameColumn:
            return QString((dir ? u'0' : u'1') + f.name.toLower());
        case SizeColumn:
            return dir ? -1 : f.size;
        case ModifiedColumn:
            return f.modifiedAt;
        case ModeColumn:
            return f.mode;
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return f.name;
        case SizeColumn:
            return dir ? QString() : format::bytes(f.size);
        case ModifiedColumn:
            return format::timestamp(f.modifiedAt);
        case ModeColumn:
            return f.mode;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant FilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case ModifiedColumn:
        return tr("Modified");
    case ModeColumn:
        return tr("Mode");
    default:
        return {};
    }
}
} // namespace lightd::gui
