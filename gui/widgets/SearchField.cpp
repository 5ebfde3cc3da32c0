#include "widgets/SearchField.h"

#include "app/Icons.h"

#include <QSortFilterProxyModel>

namespace lightd::gui {
SearchField::SearchField(QSortFilterProxyModel *proxy, const QString &placeholder, QWidget *parent)
    : QLineEdit(parent)
{
    setObjectName(QStringLiteral("searchField"));
    setPlaceholderText(placeholder);
    setClearButtonEnabled(true);
    addAction(icons::get(QStringLiteral("search")), QLineEdit::LeadingPosition);
    setMinimumWidth(240);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1);
    connect(this, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
}
} // namespace lightd::gui
