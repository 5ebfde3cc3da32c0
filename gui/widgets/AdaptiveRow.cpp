#include "widgets/AdaptiveRow.h"

#include <QBoxLayout>

namespace lightd::gui {
namespace {
// What a layout grants a widget at least: its minimum size, else its minimum size hint.
int grantedWidth(const QWidget *w)
{
    return qMax(w->minimumWidth(), w->minimumSizeHint().width());
}
} // namespace

AdaptiveRow::AdaptiveRow(QWidget *parent)
    : QWidget(parent), m_layout(new QBoxLayout(QBoxLayout::LeftToRight, this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(14);
}

void AdaptiveRow::addWidget(QWidget *widget, int stretch, Qt::Alignment alignment)
{
    m_layout->addWidget(widget, stretch, alignment);
    arrange(width());
}

bool AdaptiveRow::isStacked() const
{
    return m_layout->direction() == QBoxLayout::TopToBottom;
}

int AdaptiveRow::sideBySideWidth() const
{
    // Widgets without stretch get their preferred width; the others share the rest by their
    // stretch (a box layout ignores their preferred width), so the rest must give each enough.
    int fixed = 0;
    int stretchSum = 0;
    int shown = 0;
    for (int i = 0; i < m_layout->count(); ++i) {
        QWidget *w = m_layout->itemAt(i)->widget();
        if (!w || w->isHidden())
            continue;
        ++shown;
        if (m_layout->stretch(i) > 0)
            stretchSum += m_layout->stretch(i);
        else
            fixed += qMax(w->sizeHint().width(), grantedWidth(w));
    }
    int shared = 0;
    for (int i = 0; i < m_layout->count(); ++i) {
        QWidget *w = m_layout->itemAt(i)->widget();
        if (w && !w->isHidden() && m_layout->stretch(i) > 0) {
            const int want = qMax(w->sizeHint().width(), grantedWidth(w));
            shared = qMax(shared, (want * stretchSum + m_layout->stretch(i) - 1) / m_layout->stretch(i));
        }
    }
    const QMargins m = m_layout->contentsMargins();
    return fixed + shared + m_layout->spacing() * qMax(0, shown - 1) + m.left() + m.right();
}

QSize AdaptiveRow::sizeHint() const
{
    // Side by side, whichever way the row is laid out now: rows inside rows decide the same way
    // however they happened to be arranged before.
    return {sideBySideWidth(), m_layout->sizeHint().height()};
}

QSize AdaptiveRow::minimumSizeHint() const
{
    // The stacked width, whichever way the row is laid out now; the height of the current way.
    int width = 0;
    for (int i = 0; i < m_layout->count(); ++i)
        if (QWidget *w = m_layout->itemAt(i)->widget(); w && !w->isHidden())
            width = qMax(width, grantedWidth(w));
    const QMargins m = m_layout->contentsMargins();
    return {width + m.left() + m.right(), m_layout->minimumSize().height()};
}

void AdaptiveRow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrange(width());
}

void AdaptiveRow::arrange(int width)
{
    const auto direction = width >= sideBySideWidth() ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (direction == m_layout->direction())
        return;
    m_layout->setDirection(direction);
    updateGeometry(); // the height it needs has changed
}
} // namespace lightd::gui
