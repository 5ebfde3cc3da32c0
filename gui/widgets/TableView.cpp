#include "widgets/TableView.h"

#include "models/Roles.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <algorithm>

namespace lightd::gui {
TableView::TableView(QWidget *parent) : QTableView(parent)
{
    setSelectionBehavior(SelectRows);
    setSelectionMode(ExtendedSelection);
    setShowGrid(false);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setWordWrap(false);
    setEditTriggers(NoEditTriggers);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(34);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setMinimumSectionSize(60);
    setFrameShape(QFrame::NoFrame);
}

QSortFilterProxyModel *TableView::setSourceModel(QAbstractItemModel *source, int sortColumn)
{
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(source);
    proxy->setSortRole(SortRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    proxy->setDynamicSortFilter(true);
    setModel(proxy);
    sortByColumn(sortColumn, Qt::AscendingOrder);
    return proxy;
}

QList<int> TableView::selectedSourceRows() const
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(model());
    QList<int> rows;
    if (!proxy)
        return rows;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        rows.append(proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void TableView::selectSourceRow(int row)
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(model());
    if (!proxy || row < 0)
        return;
    const QModelIndex index = proxy->mapFromSource(proxy->sourceModel()->index(row, 0));
    if (!index.isValid())
        return;
    selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index);
}
} // namespace lightd::gui
