#include "widgets/QuotaBarDelegate.h"

#include "models/Roles.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace lightd::gui {
void QuotaBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const qint64 used = index.data(UsedBytesRole).toLongLong();
    const qint64 quota = index.data(QuotaBytesRole).toLongLong();
    const QRect area = opt.rect.adjusted(8, 3, -8, -3);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText)
                             : opt.palette.color(QPalette::Text));
    if (quota <= 0) {
        painter->drawText(area, Qt::AlignVCenter | Qt::AlignLeft, text);
        painter->restore();
        return;
    }
    const double fraction = qBound(0.0, double(used) / double(quota), 1.0);
    const QRect textRect(area.left(), area.top(), area.width(), area.height() - 8);
    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.92);
    painter->setFont(small);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, text);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignRight,
                      QStringLiteral("%1 %").arg(QLocale().toString(fraction * 100, 'f', 0)));

    const QRectF track(area.left(), area.bottom() - 5, area.width(), 5);
    QPainterPath trackPath;
    trackPath.addRoundedRect(track, 2.5, 2.5);
    painter->fillPath(trackPath, QColor(0xe2, 0xe8, 0xf0));
    const QColor fill = fraction > 0.9    ? QColor(0xdc, 0x26, 0x26)
                        : fraction > 0.75 ? QColor(0xd9, 0x77, 0x06)
                                          : QColor(0x16, 0xa3, 0x4a);
    if (fraction > 0) {
        QPainterPath bar;
        bar.addRoundedRect(
            QRectF(track.left(), track.top(), qMax(5.0, track.width() * fraction), track.height()), 2.5, 2.5);
        painter->fillPath(bar, fill);
    }
    painter->restore();
}

QSize QuotaBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(qMax(s.width() + 40, 200));
    return s;
}
} // namespace lightd::gui
