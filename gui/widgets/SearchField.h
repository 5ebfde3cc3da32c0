#pragma once
#include <QLineEdit>

class QSortFilterProxyModel;

namespace lightd::gui {
// The search box of a table page: filters the proxy on every keystroke, across all columns.
class SearchField final : public QLineEdit
{
    Q_OBJECT
  public:
    SearchField(QSortFilterProxyModel *proxy, const QString &placeholder, QWidget *parent = nullptr);
};
} // namespace lightd::gui
