#include "models/EventsModel.h"

#include "models/Roles.h"

#include <QColor>
#include <QLocale>

namespace lightd::gui {
void EventsModel::add(const NodeEvent &event)
{
    QList<NodeEvent> all = rows();
    all.append(event);
    if (all.size() > 500) // a feed, not an archive
        all.remove(0, all.size() - 500);
    setRows(all);
}

int EventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventsModel::kindText(NodeEvent::Kind kind)
{
    switch (kind) {
    case NodeEvent::Kind::Crash:
        return tr("Crashed");
    case NodeEvent::Kind::OutOfMemory:
        return tr("Out of memory");
    case NodeEvent::Kind::InstallFailed:
        return tr("Install failed");
    case NodeEvent::Kind::Restarted:
        return tr("Restarted");
    }
    return {};
}

QVariant EventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const NodeEvent &e = row(index.row());
    switch (role) {
    case KeyRole:
        return QString::number(e.seq);
    case Qt::ForegroundRole:
        return index.column() == KindColumn && e.kind != NodeEvent::Kind::Restarted ? QColor(0xb9, 0x1c, 0x1c)
                                                                                    : QVariant();
    case SortRole:
        if (index.column() == TimeColumn)
            return e.seq;
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(e.at, QLocale::ShortFormat);
        case ContainerColumn:
            return e.container;
        case KindColumn:
            return kindText(e.kind);
        case DetailColumn:
            return e.detail;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ContainerColumn:
        return tr("Container");
    case KindColumn:
        return tr("Event");
    case DetailColumn:
        return tr("Details");
    default:
        return {};
    }
}
} // namespace lightd::gui
