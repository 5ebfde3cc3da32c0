#include "app/ClipCheck.h"

#include "widgets/ElidedLabel.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>

namespace lightd::gui {
namespace {
QString describe(const QWidget *w)
{
    QString text;
    if (const auto *label = qobject_cast<const QLabel *>(w))
        text = label->text();
    else if (const auto *button = qobject_cast<const QAbstractButton *>(w))
        text = button->text();
    return QStringLiteral("%1%2 \"%3\"")
        .arg(QString::fromLatin1(w->metaObject()->className()),
             w->objectName().isEmpty() ? QString() : u'#' + w->objectName(), text.left(40));
}

// Inside a scroll area's viewport, sticking out is what scrolling is for.
bool scrolls(const QWidget *w)
{
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget())
        if (qobject_cast<const QAbstractScrollArea *>(p))
            return true;
    return false;
}
} // namespace

QStringList clippedWidgets(QWidget *root)
{
    QStringList out;
    const auto children = root->findChildren<QWidget *>();
    for (QWidget *w : children) {
        if (!w->isVisibleTo(root) || w->width() <= 0 || scrolls(w))
            continue;
        if (auto *table = qobject_cast<QTableView *>(w)) {
            if (table->horizontalScrollBar()->isVisible())
                out << describe(w) + QStringLiteral(": horizontal scrollbar");
            // Column titles are bold with 8 px of padding each side (Theme.cpp).
            const QHeaderView *header = table->horizontalHeader();
            QFont bold = header->font();
            bold.setBold(true);
            for (int c = 0; table->model() && c < header->count(); ++c) {
                const QString title = table->model()->headerData(c, Qt::Horizontal).toString();
                const int needs = QFontMetrics(bold).horizontalAdvance(title) + 16;
                if (!header->isSectionHidden(c) && header->sectionSize(c) < needs)
                    out << describe(w) + QStringLiteral(": column \"%1\" %2 px for %3")
                                             .arg(title)
                                             .arg(header->sectionSize(c))
                                             .arg(needs);
            }
            continue;
        }
        if (auto *label = qobject_cast<QLabel *>(w)) {
            if (qobject_cast<ElidedLabel *>(w) || label->wordWrap() || label->text().isEmpty() ||
                label->textFormat() == Qt::RichText || label->text().contains(u'<'))
                continue;
            const int needs = label->fontMetrics().horizontalAdvance(label->text().split(u'\n').first());
            if (label->contentsRect().width() + 1 < needs)
                out << describe(w) +
                           QStringLiteral(": %1 px for %2").arg(label->contentsRect().width()).arg(needs);
            continue;
        }
        if (auto *button = qobject_cast<QAbstractButton *>(w); button && !button->text().isEmpty()) {
            const int needs = button->fontMetrics().horizontalAdvance(QString(button->text()).remove(u'&'));
            if (button->width() < needs)
                out << describe(w) + QStringLiteral(": %1 px for %2").arg(button->width()).arg(needs);
        }
        const QWidget *parent = w->parentWidget();
        if (parent && parent != root->parentWidget() && !parent->rect().contains(w->geometry()) &&
            !w->isWindow())
            out << describe(w) + QStringLiteral(": outside its parent");
    }
    return out;
}
} // namespace lightd::gui
