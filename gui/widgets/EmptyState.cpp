#include "widgets/EmptyState.h"

#include "app/Icons.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lightd::gui {
EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_title(new QLabel(this)), m_text(new QLabel(this)),
      m_button(new QPushButton(this))
{
    setObjectName(QStringLiteral("emptyState"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    for (QLabel *l : {m_icon, m_title, m_text}) {
        l->setAlignment(Qt::AlignCenter);
        layout->addWidget(l);
    }
    m_title->setObjectName(QStringLiteral("emptyTitle"));
    m_text->setObjectName(QStringLiteral("emptyText"));
    m_text->setWordWrap(true);
    m_text->setFixedWidth(560); // a fixed width lets the wrapped text claim its height
    layout->setAlignment(m_text, Qt::AlignHCenter);
    layout->addSpacing(8);
    layout->addWidget(m_button, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    m_button->hide();
    connect(m_button, &QPushButton::clicked, this, &EmptyState::actionTriggered);
}

void EmptyState::set(const QString &iconName, const QString &title, const QString &text)
{
    m_icon->setPixmap(icons::get(iconName).pixmap(QSize(64, 64)));
    m_title->setText(title);
    m_text->setText(text);
    // Centred layouts do not ask a wrapped label for its height: give it one.
    m_text->setMinimumHeight(m_text->heightForWidth(m_text->width()));
}

void EmptyState::setAction(const QString &label)
{
    m_button->setText(label);
    m_button->setVisible(!label.isEmpty());
}
} // namespace lightd::gui
