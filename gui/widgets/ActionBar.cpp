#include "widgets/ActionBar.h"

#include "app/Icons.h"

#include <QAction>
#include <QEvent>
#include <QMenu>
#include <QToolButton>
#include <algorithm>

namespace lightd::gui {
ActionBar::ActionBar(QWidget *parent)
    : QWidget(parent), m_more(new QToolButton(this)), m_menu(new QMenu(this))
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_more->setObjectName(QStringLiteral("pageAction"));
    m_more->setText(tr("More"));
    m_more->setToolTip(tr("Actions that do not fit in the window"));
    m_more->setIcon(icons::get(QStringLiteral("down")));
    m_more->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_more->setPopupMode(QToolButton::InstantPopup);
    m_more->setMenu(m_menu);
    m_more->hide();
}

QAction *ActionBar::add(const QIcon &icon, const QString &text, const QString &tip)
{
    auto *action = new QAction(icon, text, this);
    action->setToolTip(tip.isEmpty() ? text : tip);
    auto *b = new QToolButton(this);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setObjectName(QStringLiteral("pageAction"));
    m_items.append({action, b, Priority::Normal});
    // A renamed or hidden action changes what fits.
    connect(action, &QAction::changed, this, [this] {
        updateGeometry();
        relayout();
    });
    updateGeometry();
    relayout();
    return action;
}

void ActionBar::setPriority(const QAction *action, Priority priority)
{
    for (Item &item : m_items)
        if (item.action == action)
            item.priority = priority;
    relayout();
}

QToolButton *ActionBar::button(const QAction *action) const
{
    for (const Item &item : m_items)
        if (item.action == action)
            return item.button;
    return nullptr;
}

QList<QAction *> ActionBar::overflow() const
{
    return m_menu->actions();
}

int ActionBar::rowWidth(const QList<const Item *> &items) const
{
    int width = 0;
    for (const Item *item : items)
        width += item->button->sizeHint().width();
    return width + m_spacing * int(qMax<qsizetype>(0, items.size() - 1));
}

QSize ActionBar::sizeHint() const
{
    QList<const Item *> visible;
    int height = m_more->sizeHint().height();
    for (const Item &item : m_items)
        if (item.action->isVisible()) {
            visible.append(&item);
            height = qMax(height, item.button->sizeHint().height());
        }
    return {rowWidth(visible), height};
}

QSize ActionBar::minimumSizeHint() const
{
    // Room for the "More" button alone: every action is still one click away.
    return {m_more->sizeHint().width(), sizeHint().height()};
}

void ActionBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

bool ActionBar::event(QEvent *event)
{
    // Polish, style sheets and fonts change the buttons' widths; a button whose size hint changed
    // posts a layout request to its parent, this bar.
    switch (event->type()) {
    case QEvent::LayoutRequest:
    case QEvent::Show:
    case QEvent::StyleChange:
    case QEvent::FontChange:
        updateGeometry();
        relayout();
        break;
    default:
        break;
    }
    return QWidget::event(event);
}

void ActionBar::relayout()
{
    QList<const Item *> shown;
    for (const Item &item : m_items) {
        if (item.action->isVisible())
            shown.append(&item);
        else
            item.button->hide();
    }
    QList<const Item *> hidden;
    if (rowWidth(shown) > width()) {
        // Which go first: low priority from the end, then the rest from the end.
        QList<const Item *> order = shown;
        std::reverse(order.begin(), order.end());
        std::stable_sort(order.begin(), order.end(),
                         [](const Item *a, const Item *b) { return a->priority < b->priority; });
        const int room = width() - m_more->sizeHint().width() - m_spacing;
        for (const Item *item : order) {
            if (rowWidth(shown) <= room)
                break;
            shown.removeOne(item);
            hidden.append(item);
        }
    }
    m_menu->clear();
    int x = 0;
    for (const Item &item : m_items) {
        if (!item.action->isVisible())
            continue;
        if (hidden.contains(&item)) {
            item.button->hide();
            m_menu->addAction(item.action);
            continue;
        }
        const QSize hint = item.button->sizeHint();
        item.button->setGeometry(x, (height() - hint.height()) / 2, hint.width(), hint.height());
        item.button->show();
        x += hint.width() + m_spacing;
    }
    m_more->setVisible(!hidden.isEmpty());
    if (!hidden.isEmpty()) {
        const QSize hint = m_more->sizeHint();
        m_more->setGeometry(x, (height() - hint.height()) / 2, hint.width(), hint.height());
    }
}
} // namespace lightd::gui
