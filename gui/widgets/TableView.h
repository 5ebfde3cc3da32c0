#pragma once
#include <QTableView>

class QSortFilterProxyModel;

namespace lightd::gui {
// The one look of resource tables: row selection, no grid, roomy rows, sortable via SortRole.
class TableView final : public QTableView
{
    Q_OBJECT
  public:
    explicit TableView(QWidget *parent = nullptr);
    // Wraps source in a sort/filter proxy owned by the view and returns the proxy.
    QSortFilterProxyModel *setSourceModel(QAbstractItemModel *source, int sortColumn = 0);
    // Source rows of the selection, in ascending order.
    QList<int> selectedSourceRows() const;
    void selectSourceRow(int row);
};
} // namespace lightd::gui
