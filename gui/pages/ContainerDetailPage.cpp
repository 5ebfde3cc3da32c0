#include "pages/ContainerDetailPage.h"

#include "app/Icons.h"
#include "feed/RestContainerFeed.h"
#include "lightd/ApiClient.h"
#include "models/Format.h"
#include "nodes/NodeConnection.h"
#include "pages/PowerActions.h"
#include "widgets/ConsoleWidget.h"
#include "widgets/MessageBar.h"
#include "widgets/StateStyle.h"
#include "widgets/StatsView.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace lightd::gui {
ContainerDetailPage::ContainerDetailPage(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_badge(new QLabel(this)), m_messages(new MessageBar(this)),
      m_tabs(new QTabWidget(this)), m_console(new ConsoleWidget(this)), m_stats(new StatsView(this)),
      m_statsHint(new QLabel(this)), m_details(new QFormLayout)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(10);
    auto *header = new QHBoxLayout;
    auto *back = new QToolButton(this);
    back->setIcon(icons::get(QStringLiteral("back")));
    back->setText(tr("Containers"));
    back->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    back->setObjectName(QStringLiteral("pageAction"));
    connect(back, &QToolButton::clicked, this, &ContainerDetailPage::backRequested);
    header->addWidget(back);
    header->addSpacing(8);
    m_title->setObjectName(QStringLiteral("pageTitle"));
    header->addWidget(m_title);
    m_badge->setObjectName(QStringLiteral("stateBadge"));
    header->addWidget(m_badge);
    header->addStretch();
    const struct { const char *verb; const char *icon; const char *label; } actions[] = {
        {"start", "start", QT_TR_NOOP("Start")},     {"stop", "stop", QT_TR_NOOP("Stop")},
        {"restart", "restart", QT_TR_NOOP("Restart")}, {"kill", "kill", QT_TR_NOOP("Kill")},
        {"suspend", "pause", QT_TR_NOOP("Suspend")}, {"resume", "start", QT_TR_NOOP("Resume")},
    };
    for (const auto &a : actions) {
        const QString verb = QString::fromLatin1(a.verb);
        auto *b = new QPushButton(icons::get(QString::fromLatin1(a.icon)), tr(a.label), this);
        b->setObjectName(QStringLiteral("power_") + verb);
        connect(b, &QPushButton::clicked, this, [this, verb] {
            if (m_feed)
                m_feed->power(verb);
        });
        header->addWidget(b);
        m_power.insert(verb, b);
    }
    layout->addLayout(header);
    layout->addWidget(m_messages);

    m_tabs->addTab(m_console, icons::get(QStringLiteral("console")), tr("Console"));
    auto *statsPage = new QWidget(m_tabs);
    auto *statsLayout = new QVBoxLayout(statsPage);
    statsLayout->addWidget(m_stats, 1);
    m_statsHint->setObjectName(QStringLiteral("dialogHint"));
    m_statsHint->setText(tr("Live samples arrive about once a second while the container runs."));
    statsLayout->addWidget(m_statsHint);
    m_tabs->addTab(statsPage, icons::get(QStringLiteral("chart")), tr("Resources"));
    auto *details = new QWidget(m_tabs);
    details->setLayout(m_details);
    m_tabs->addTab(details, icons::get(QStringLiteral("info")), tr("Details"));
    layout->addWidget(m_tabs, 1);
    setState({});
}

void ContainerDetailPage::open(NodeConnection *connection, const QString &internalId)
{
    auto *feed = new RestContainerFeed(connection->client(), internalId, this);
    setFeed(feed, internalId);
    connection->client()->getContainer(internalId, [self = QPointer<ContainerDetailPage>(this), feed](const ApiResult<ContainerDto> &r) {
        if (self && self->m_feed == feed && r.ok())
            self->showRecord(*r);
    });
    feed->start();
}

void ContainerDetailPage::setFeed(ContainerFeed *feed, const QString &internalId)
{
    if (m_feed && m_feed->parent() == this)
        m_feed->deleteLater();
    m_feed = feed;
    m_title->setText(internalId);
    m_console->clear();
    m_stats->clear();
    m_messages->hide();
    setState(feed->state());
    connect(feed, &ContainerFeed::stateChanged, this, &ContainerDetailPage::setState);
    connect(feed, &ContainerFeed::consoleLines, m_console, &ConsoleWidget::appendLines);
    connect(feed, &ContainerFeed::notice, m_console, &ConsoleWidget::appendNotice);
    connect(feed, &ContainerFeed::statsReceived, this, [this](const ContainerStats &s) {
        m_stats->addSample(s, QDateTime::currentMSecsSinceEpoch());
        m_statsHint->hide();
    });
    connect(feed, &ContainerFeed::actionFailed, this, [this](const QString &action, const ApiErrorDto &error) {
        m_messages->showMessage(MessageBar::Kind::Error, tr("%1 failed: %2").arg(action, NodeConnection::describe(error)));
    });
    connect(m_console, &ConsoleWidget::commandEntered, feed, &ContainerFeed::sendCommand, Qt::UniqueConnection);
}

void ContainerDetailPage::setState(const QString &state)
{
    m_badge->setText(stateLabel(state));
    m_badge->setStyleSheet(QStringLiteral("color: %1; background: %2;")
                               .arg(stateColor(state).darker(120).name(),
                                    QColor(stateColor(state).red(), stateColor(state).green(), stateColor(state).blue(), 36).name(QColor::HexArgb)));
    for (auto it = m_power.cbegin(); it != m_power.cend(); ++it)
        it.value()->setEnabled(m_feed && powerAllowed(state, it.key()));
    m_power.value(QStringLiteral("suspend"))->setVisible(state != QLatin1StringView("suspended"));
    m_power.value(QStringLiteral("resume"))->setVisible(state == QLatin1StringView("suspended"));
    m_console->setInputEnabled(state == QLatin1StringView("running") || state == QLatin1StringView("starting"));
}

void ContainerDetailPage::showRecord(const ContainerDto &c)
{
    while (m_details->rowCount() > 0)
        m_details->removeRow(0);
    auto add = [this](const QString &label, const QString &value) {
        auto *v = new QLabel(value.isEmpty() ? QStringLiteral("—") : value);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setWordWrap(true);
        m_details->addRow(label, v);
    };
    add(tr("Image"), c.image);
    add(tr("Startup command"), c.startupCommand);
    add(tr("Start pattern"), c.startPattern.value_or(QString()));
    add(tr("Volume"), c.volumeId);
    QStringList ports;
    for (const PortBindingDto &p : c.ports)
        ports << QStringLiteral("%1:%2 → %3/%4").arg(p.ip).arg(p.hostPort).arg(p.containerPort).arg(p.protocol);
    add(tr("Ports"), ports.join(QStringLiteral(", ")));
    add(tr("Memory limit"), c.limits.memory > 0 ? format::bytes(c.limits.memory) : tr("Unlimited"));
    add(tr("CPU limit"), c.limits.cpu > 0 ? tr("%1 cores").arg(c.limits.cpu) : tr("Unlimited"));
    add(tr("Docker ID"), c.containerId);
    add(tr("Created"), format::timestamp(c.createdAt));
    if (!c.error.isEmpty())
        add(tr("Last error"), c.error);
}
} // namespace lightd::gui
