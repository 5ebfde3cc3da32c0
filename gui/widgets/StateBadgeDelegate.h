#pragma once
#include <QStyledItemDelegate>

namespace lightd::gui {
// Paints a container state as a rounded, coloured pill (StateRole gives the wire name).
class StateBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
  public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
} // namespace lightd::gui
