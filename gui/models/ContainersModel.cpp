#include "models/ContainersModel.h"

#include "models/Format.h"
#include "models/Roles.h"
#include "widgets/StateStyle.h"

namespace lightd::gui {
int ContainersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContainersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ContainerSummaryDto &c = row(index.row());
    switch (role) {
    case KeyRole:
        return c.internalId;
    case StateRole:
        return c.installState;
    case Qt::ToolTipRole:
        return index.column() == DockerIdColumn ? c.containerId : QVariant();
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
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
    case DockerIdColumn:
        return tr("Docker ID");
    default:
        return {};
    }
}
} // namespace lightd::gui
