#include "widgets/MessageBar.h"

#include "app/Icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVariant>

namespace lightd::gui {
MessageBar::MessageBar(QWidget *parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_label(new QLabel(this)), m_hide(new QTimer(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setAttribute(Qt::WA_StyledBackground);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    layout->addWidget(m_icon);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_label, 1);
    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(icons::get(QStringLiteral("close")));
    close->setToolTip(tr("Dismiss"));
    layout->addWidget(close);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    m_hide->setSingleShot(true);
    connect(m_hide, &QTimer::timeout, this, &QWidget::hide);
    if (parent)
        parent->installEventFilter(this);
    hide();
}

bool MessageBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        place();
    return QWidget::eventFilter(watched, event);
}

// Bottom of the parent, inset like the page content, as tall as the wrapped text needs.
void MessageBar::place()
{
    QWidget *host = parentWidget();
    if (!host)
        return;
    const int inset = 24;
    const int width = qMax(200, host->width() - 2 * inset);
    const int height =
        layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width) : sizeHint().height();
    setGeometry(inset, host->height() - height - 16, width, height);
    raise();
}

void MessageBar::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    static const char *names[] = {"info", "success", "warning", "error"};
    setProperty("kind", QString::fromLatin1(names[int(kind)]));
    m_icon->setPixmap(icons::get(kind == Kind::Success ? QStringLiteral("ok")
                                 : kind == Kind::Info  ? QStringLiteral("info")
                                                       : QStringLiteral("warning"))
                          .pixmap(18, 18));
    m_label->setText(text);
    style()->unpolish(this);
    style()->polish(this);
    place();
    QWidget::show();
    if (kind == Kind::Success || kind == Kind::Info)
        m_hide->start(5000);
    else
        m_hide->stop();
}

QString MessageBar::text() const
{
    return isVisible() ? m_label->text() : QString();
}
} // namespace lightd::gui
