#pragma once
#include <QStyledItemDelegate>

namespace lightd::gui {
// Paints used/quota as a slim progress bar under the text (UsedBytesRole, QuotaBytesRole);
// green, amber past 75 %, red past 90 %. Without a quota only the text shows.
class QuotaBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
  public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
} // namespace lightd::gui
