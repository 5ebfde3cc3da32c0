#include "widgets/StateBadgeDelegate.h"

#include "models/Roles.h"
#include "widgets/StateStyle.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace lightd::gui {
void StateBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QColor color = stateColor(index.data(StateRole).toString());
    QFont font = opt.font;
    font.setPointSizeF(font.pointSizeF() * 0.9);
    font.setWeight(QFont::DemiBold);
    const QFontMetrics fm(font);
    const int h = fm.height() + 6;
    const int w = fm.horizontalAdvance(text) + 26;
    const QRect pill(opt.rect.left() + 6, opt.rect.center().y() - h / 2 + 1, w, h);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = color;
    fill.setAlpha(36);
    QPainterPath path;
    path.addRoundedRect(pill, h / 2.0, h / 2.0);
    painter->fillPath(path, fill);
    painter->setBrush(color);
    painter->setPen(Qt::NoPen);
    painter->drawEllipse(QPointF(pill.left() + 10, pill.center().y() + 0.5), 3.5, 3.5);
    painter->setFont(font);
    painter->setPen(color.darker(125));
    painter->drawText(pill.adjusted(17, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    painter->restore();
}

QSize StateBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(s.width() + 36);
    return s;
}
} // namespace lightd::gui
