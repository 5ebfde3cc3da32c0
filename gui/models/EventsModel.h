#pragma once
#include "models/KeyedTableModel.h"

#include <QDateTime>

namespace lightd::gui {
// Something that went wrong with a container, seen by the GUI (newest first in the view).
struct NodeEvent
{
    enum class Kind { Crash, OutOfMemory, InstallFailed, Restarted };
    quint64 seq = 0;
    QDateTime at;
    QString container;
    Kind kind = Kind::Crash;
    QString detail;
    bool operator==(const NodeEvent &) const = default;
};

// The event feed of one node, keyed by sequence number.
class EventsModel final : public KeyedTableModel<NodeEvent>
{
    Q_OBJECT
  public:
    enum Column { TimeColumn, ContainerColumn, KindColumn, DetailColumn, ColumnCount };

    using KeyedTableModel::KeyedTableModel;
    void add(const NodeEvent &event);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    static QString kindText(NodeEvent::Kind kind);

  protected:
    QString keyOf(const NodeEvent &row) const override { return QString::number(row.seq); }
};
} // namespace lightd::gui
