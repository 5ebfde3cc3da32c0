#include "pages/ContainerDetailPage.h"

#include "app/Activity.h"
#include "app/Icons.h"
#include "dialogs/RebindDialog.h"
#include "dialogs/ReinstallDialog.h"
#include "dialogs/ResourcesDialog.h"
#include "dialogs/StartupDialog.h"
#include "feed/WebSocketContainerFeed.h"
#include "lightd/ApiClient.h"
#include "lightd/ContainerRules.h"
#include "models/Format.h"
#include "nodes/NodeConnection.h"
#include "pages/Page.h"
#include "pages/SftpPanel.h"
#include "widgets/ActionBar.h"
#include "widgets/Confirm.h"
#include "widgets/ConsoleWidget.h"
#include "widgets/ElidedLabel.h"
#include "widgets/MessageBar.h"
#include "widgets/StateStyle.h"
#include "widgets/StatsView.h"

#include <QAction>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace lightd::gui {
ContainerDetailPage::ContainerDetailPage(QWidget *parent)
    : QWidget(parent), m_title(new ElidedLabel(this)), m_badge(new QLabel(this)),
      m_transport(new QLabel(this)), m_messages(new MessageBar(this)), m_tabs(new QTabWidget(this)),
      m_console(new ConsoleWidget(this)), m_stats(new StatsView(this)), m_statsHint(new QLabel(this)),
      m_details(new QFormLayout), m_sftp(new SftpPanel(this))
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
    m_transport->setObjectName(QStringLiteral("transportChip"));
    header->addWidget(m_transport);
    header->addStretch();
    layout->addLayout(header);
    // The power buttons get a row of their own: next to a long name they would not fit a small screen.
    auto *power = new QHBoxLayout;
    const struct
    {
        const char *verb;
        const char *icon;
        const char *label;
    } actions[] = {
        {"start", "start", QT_TR_NOOP("Start")},       {"stop", "stop", QT_TR_NOOP("Stop")},
        {"restart", "restart", QT_TR_NOOP("Restart")}, {"kill", "kill", QT_TR_NOOP("Kill")},
        {"suspend", "pause", QT_TR_NOOP("Suspend")},   {"resume", "start", QT_TR_NOOP("Resume")},
    };
    for (const auto &a : actions) {
        const QString verb = QString::fromLatin1(a.verb);
        auto *b = new QPushButton(icons::get(QString::fromLatin1(a.icon)), tr(a.label), this);
        b->setObjectName(QStringLiteral("power_") + verb);
        connect(b, &QPushButton::clicked, this, [this, verb] {
            if (!m_feed)
                return;
            if (verb != QLatin1StringView("kill"))
                return m_feed->power(verb);
            // Kill loses whatever the server has not saved: ask first.
            confirm(this, tr("Kill %1").arg(m_id),
                    tr("Kill %1 now? The process is ended at once, without a clean shutdown; unsaved "
                       "data is lost. Stop shuts it down cleanly.")
                        .arg(m_id),
                    tr("Kill"), [self = QPointer<ContainerDetailPage>(this), verb] {
                        if (self && self->m_feed)
                            self->m_feed->power(verb);
                    });
        });
        power->addWidget(b);
        m_power.insert(verb, b);
    }
    power->addStretch();
    layout->addLayout(power);

    m_tabs->addTab(m_console, icons::get(QStringLiteral("console")), tr("Console"));
    auto *statsPage = new QWidget(m_tabs);
    auto *statsLayout = new QVBoxLayout(statsPage);
    statsLayout->addWidget(m_stats, 1);
    m_statsHint->setObjectName(QStringLiteral("dialogHint"));
    m_statsHint->setText(tr("Live samples arrive about once a second while the container runs."));
    statsLayout->addWidget(m_statsHint);
    m_tabs->addTab(statsPage, icons::get(QStringLiteral("chart")), tr("Resources"));

    auto *details = new QWidget;
    details->setObjectName(QStringLiteral("detailsPane"));
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(14, 14, 14, 14);
    detailsLayout->setSpacing(10);
    m_actionBar = new ActionBar(details);
    const struct
    {
        const char *name;
        const char *icon;
        const char *label;
        const char *tip;
    } manage[] = {
        {"resources", "settings", QT_TR_NOOP("Edit resources…"),
         QT_TR_NOOP("Change memory, CPU and disk limits live")},
        {"rebind", "network", QT_TR_NOOP("Change ports…"), QT_TR_NOOP("Bind other ports of the pool")},
        {"startup", "edit", QT_TR_NOOP("Edit startup…"),
         QT_TR_NOOP("Change the startup command and the start pattern")},
        {"reinstall", "refresh", QT_TR_NOOP("Reinstall…"),
         QT_TR_NOOP("Recreate the container, optionally from another image")},
        {"files", "folder-open", QT_TR_NOOP("Browse files"), QT_TR_NOOP("Open the container's volume")},
    };
    for (const auto &m : manage)
        m_actions.insert(QString::fromLatin1(m.name),
                         m_actionBar->add(icons::get(QString::fromLatin1(m.icon)), tr(m.label), tr(m.tip)));
    detailsLayout->addWidget(m_actionBar);
    connect(m_actions.value(QStringLiteral("resources")), &QAction::triggered, this,
            &ContainerDetailPage::openResourcesDialog);
    connect(m_actions.value(QStringLiteral("rebind")), &QAction::triggered, this,
            &ContainerDetailPage::openRebindDialog);
    connect(m_actions.value(QStringLiteral("startup")), &QAction::triggered, this,
            &ContainerDetailPage::openStartupDialog);
    connect(m_actions.value(QStringLiteral("reinstall")), &QAction::triggered, this,
            &ContainerDetailPage::openReinstallDialog);
    connect(m_actions.value(QStringLiteral("files")), &QAction::triggered, this, [this] {
        if (m_record)
            Q_EMIT browseVolumeRequested(m_record->volumeId);
    });

    auto *recordBox = new QGroupBox(tr("Container"), details);
    recordBox->setLayout(m_details);
    m_details->setHorizontalSpacing(18);
    m_details->setVerticalSpacing(8);
    detailsLayout->addWidget(recordBox);
    m_sftp->setParent(details);
    detailsLayout->addWidget(m_sftp);
    detailsLayout->addStretch();
    auto *scroll = new QScrollArea(m_tabs);
    scroll->setWidget(details);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(scroll, icons::get(QStringLiteral("info")), tr("Details"));
    layout->addWidget(m_tabs, 1);
    setState({});
}

void ContainerDetailPage::open(NodeConnection *connection, const QString &internalId)
{
    m_connection = connection;
    auto *feed = new WebSocketContainerFeed(connection->client(), internalId, this);
    setFeed(feed, internalId);
    connect(feed, &WebSocketContainerFeed::transportChanged, this, &ContainerDetailPage::updateTransport);
    feed->start();
    updateTransport();
    refreshRecord();
    m_sftp->open(connection, internalId);
}

void ContainerDetailPage::setFeed(ContainerFeed *feed, const QString &internalId)
{
    if (m_feed && m_feed->parent() == this)
        m_feed->deleteLater();
    ++m_generation;
    m_feed = feed;
    m_id = internalId;
    m_record.reset();
    m_title->setText(internalId);
    m_console->clear();
    m_stats->clear();
    m_statsHint->show();
    m_messages->hide();
    while (m_details->rowCount() > 0)
        m_details->removeRow(0);
    m_sftp->clear();
    setState(feed->state());
    updateTransport();
    connect(feed, &ContainerFeed::stateChanged, this, [this](const QString &state) {
        setState(state);
        refreshRecord(); // an install or rebind that finished changes the record too
    });
    connect(feed, &ContainerFeed::consoleLines, m_console, &ConsoleWidget::appendLines);
    connect(feed, &ContainerFeed::notice, m_console, &ConsoleWidget::appendNotice);
    connect(feed, &ContainerFeed::statsReceived, this, [this](const ContainerStats &s) {
        m_stats->addSample(s, QDateTime::currentMSecsSinceEpoch());
        m_statsHint->hide();
    });
    connect(feed, &ContainerFeed::actionFailed, this,
            [this](const QString &action, const ApiErrorDto &error) {
                m_messages->showMessage(MessageBar::Kind::Error,
                                        tr("%1 failed: %2").arg(action, NodeConnection::describe(error)));
            });
    connect(m_console, &ConsoleWidget::commandEntered, feed, &ContainerFeed::sendCommand,
            Qt::UniqueConnection);
}

void ContainerDetailPage::setState(const QString &state)
{
    m_state = state;
    m_badge->setText(stateLabel(state));
    m_badge->setStyleSheet(
        QStringLiteral("color: %1; background: %2;")
            .arg(stateColor(state).darker(120).name(),
                 QColor(stateColor(state).red(), stateColor(state).green(), stateColor(state).blue(), 36)
                     .name(QColor::HexArgb)));
    for (auto it = m_power.cbegin(); it != m_power.cend(); ++it)
        it.value()->setEnabled(m_feed && powerAllowed(state, it.key()));
    m_power.value(QStringLiteral("suspend"))->setVisible(state != QLatin1StringView("suspended"));
    m_power.value(QStringLiteral("resume"))->setVisible(state == QLatin1StringView("suspended"));
    m_console->setInputEnabled(state == QLatin1StringView("running") ||
                               state == QLatin1StringView("starting"));
    updateActions();
}

void ContainerDetailPage::updateTransport()
{
    auto *ws = qobject_cast<WebSocketContainerFeed *>(m_feed.data());
    m_transport->setVisible(ws);
    if (!ws)
        return;
    using T = WebSocketContainerFeed::Transport;
    QString text, fg, bg;
    switch (ws->transport()) {
    case T::Live:
        text = tr("● Live");
        fg = QStringLiteral("#166534");
        bg = QStringLiteral("#dcfce7");
        break;
    case T::Connecting:
        text = tr("Connecting…");
        fg = QStringLiteral("#374151");
        bg = QStringLiteral("#e5e7eb");
        break;
    case T::Reconnecting:
        text = tr("Reconnecting…");
        fg = QStringLiteral("#92400e");
        bg = QStringLiteral("#fef3c7");
        break;
    case T::Polling:
        text = tr("Polling");
        fg = QStringLiteral("#1e40af");
        bg = QStringLiteral("#dbeafe");
        break;
    case T::Closed:
        text = tr("Closed");
        fg = QStringLiteral("#991b1b");
        bg = QStringLiteral("#fee2e2");
        break;
    }
    m_transport->setText(text);
    m_transport->setStyleSheet(QStringLiteral("color: %1; background: %2;").arg(fg, bg));
    m_transport->setToolTip(ws->transport() == T::Live
                                ? tr("Console, state and stats arrive live over the WebSocket.")
                                : ws->transportDetail());
}

void ContainerDetailPage::updateActions()
{
    const bool connected = m_connection && m_record;
    const bool installing = m_state == QLatin1StringView("installing");
    m_actions.value(QStringLiteral("resources"))
        ->setEnabled(connected && !installing && !m_record->containerId.isEmpty());
    m_actions.value(QStringLiteral("rebind"))->setEnabled(connected && !installing);
    m_actions.value(QStringLiteral("startup"))->setEnabled(connected); // the node takes it in any state
    m_actions.value(QStringLiteral("reinstall"))->setEnabled(connected && !installing);
    m_actions.value(QStringLiteral("files"))->setEnabled(connected);
}

void ContainerDetailPage::refreshRecord()
{
    if (!m_connection)
        return;
    m_connection->client()->getContainer(m_id, [self = QPointer<ContainerDetailPage>(this),
                                                generation = m_generation](const ApiResult<ContainerDto> &r) {
        if (!self || self->m_generation != generation || !r.ok())
            return;
        self->showRecord(*r);
    });
}

void ContainerDetailPage::showRecord(const ContainerDto &c)
{
    m_record = c;
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
        ports
            << QStringLiteral("%1:%2 → %3/%4").arg(p.ip).arg(p.hostPort).arg(p.containerPort).arg(p.protocol);
    add(tr("Ports"), ports.isEmpty() ? tr("None published") : ports.join(QStringLiteral(", ")));
    add(tr("Memory limit"), c.limits.memory > 0 ? format::bytes(c.limits.memory) : tr("Unlimited"));
    add(tr("CPU limit"),
        c.limits.cpu > 0 ? tr("%1 cores").arg(QLocale().toString(c.limits.cpu)) : tr("Unlimited"));
    add(tr("Docker ID"), format::shortId(c.containerId));
    add(tr("Created"), format::timestamp(c.createdAt));
    add(tr("Updated"), format::timestamp(c.updatedAt));
    if (!c.error.isEmpty())
        add(tr("Last error"), c.error);
    updateActions();
}

QToolButton *ContainerDetailPage::actionButton(const QString &name) const
{
    return m_actionBar->button(m_actions.value(name));
}

QString ContainerDetailPage::sftpText() const
{
    return m_sftp->statusText();
}

bool ContainerDetailPage::report(const QString &action, const ApiErrorDto &error, bool ok,
                                 const QString &success)
{
    if (ok) {
        m_messages->showMessage(MessageBar::Kind::Success, success);
        return true;
    }
    if (m_connection)
        m_connection->reportError(error);
    m_messages->showMessage(MessageBar::Kind::Error,
                            tr("%1 failed: %2").arg(action, NodeConnection::describe(error)));
    return false;
}

void ContainerDetailPage::reinstall(const std::optional<QString> &image,
                                    const std::optional<QString> &installScript)
{
    if (!m_connection)
        return;
    const int activity = Activity::instance().begin(tr("Reinstalling %1…").arg(m_id));
    m_connection->client()->reinstallContainer(
        m_id, image, installScript,
        [self = QPointer<ContainerDetailPage>(this), generation = m_generation,
         activity](const ApiResult<QJsonObject> &r) {
            Activity::instance().end(activity);
            if (!self || self->m_generation != generation)
                return;
            if (self->report(
                    tr("Reinstalling %1").arg(self->m_id), r.error, r.ok(),
                    tr("%1 is being reinstalled; the console shows the install output.").arg(self->m_id)))
                self->refreshRecord();
        });
}

void ContainerDetailPage::rebind(const QList<PortBindingDto> &ports)
{
    if (!m_connection)
        return;
    m_connection->client()->rebindNetwork(
        m_id, ports,
        [self = QPointer<ContainerDetailPage>(this), generation = m_generation,
         n = ports.size()](const ApiResult<QJsonObject> &r) {
            if (!self || self->m_generation != generation)
                return;
            if (self->report(tr("Changing the ports of %1").arg(self->m_id), r.error, r.ok(),
                             tr("%1 is being rebound to %n port(s).", nullptr, int(n)).arg(self->m_id)))
                self->refreshRecord();
        });
}

void ContainerDetailPage::applyResources(const ResourcesDto &changes, std::optional<qint64> quotaMb)
{
    if (!m_connection)
        return;
    QPointer<ContainerDetailPage> self(this);
    const quint64 generation = m_generation;
    ApiClient *client = m_connection->client();
    // The volume quota is a second route; it runs after the limits so one banner tells the outcome.
    auto resize = [self, generation, client, quotaMb](const QString &doneSoFar) {
        if (!quotaMb || !self || !self->m_record) {
            if (self && !doneSoFar.isEmpty())
                self->m_messages->showMessage(MessageBar::Kind::Success, doneSoFar);
            return;
        }
        client->resizeVolume(
            self->m_record->volumeId, *quotaMb,
            [self, generation, quotaMb, doneSoFar](const ApiResult<QJsonObject> &r) {
                if (!self || self->m_generation != generation)
                    return;
                self->report(
                    tr("Resizing the volume"), r.error, r.ok(),
                    (doneSoFar.isEmpty() ? QString() : doneSoFar + u' ') +
                        tr("The volume quota is now %1.").arg(format::bytes(*quotaMb * 1024 * 1024)));
            });
    };
    if (changes.isEmpty()) {
        resize({});
        return;
    }
    client->updateResources(m_id, changes, [self, generation, resize](const ApiResult<QJsonObject> &r) {
        if (!self || self->m_generation != generation)
            return;
        if (!self->report(tr("Updating the resources of %1").arg(self->m_id), r.error, r.ok(), {}))
            return;
        self->refreshRecord();
        resize(tr("The resources of %1 were updated live.").arg(self->m_id));
    });
}

ReinstallDialog *ContainerDetailPage::openReinstallDialog()
{
    auto *dialog = new ReinstallDialog(m_id, m_record ? m_record->image : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { reinstall(dialog->image(), dialog->installScript()); });
    dialog->open();
    return dialog;
}

RebindDialog *ContainerDetailPage::openRebindDialog()
{
    auto *dialog = new RebindDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<RebindDialog> guard(dialog);
    if (m_connection)
        m_connection->client()->listPorts(
            [this, guard, generation = m_generation](const ApiResult<QList<PortDto>> &r) {
                if (!guard || generation != m_generation)
                    return;
                if (!r.ok()) {
                    guard->reject();
                    report(tr("Loading the port pool"), r.error, false, {});
                    return;
                }
                guard->setPorts(*r, m_id, m_record ? m_record->ports : QList<PortBindingDto>());
            });
    connect(dialog, &QDialog::accepted, this, [this, dialog] { rebind(dialog->bindings()); });
    dialog->open();
    return dialog;
}

void ContainerDetailPage::openResourcesDialog()
{
    if (!m_connection || !m_record)
        return;
    QPointer<ContainerDetailPage> self(this);
    const quint64 generation = m_generation;
    ApiClient *client = m_connection->client();
    const QString volumeId = m_record->volumeId;
    client->containerResources(m_id, [self, generation, client,
                                      volumeId](const ApiResult<ResourcesDto> &resources) {
        if (!self || self->m_generation != generation)
            return;
        if (!resources.ok()) {
            self->report(tr("Loading the resources of %1").arg(self->m_id), resources.error, false, {});
            return;
        }
        client->getVolume(volumeId, [self, generation,
                                     current = *resources](const ApiResult<VolumeDto> &volume) {
            if (!self || self->m_generation != generation || !self->m_record)
                return;
            auto *dialog = new ResourcesDialog(self);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setCurrent(current, self->m_record->limits, volume.ok() ? volume->quotaMb : std::nullopt);
            dialog->quotaField()->setEnabled(volume.ok()); // unknown quota: better not offer to change it
            connect(dialog, &QDialog::accepted, self,
                    [self, dialog] { self->applyResources(dialog->changes(), dialog->quotaChange()); });
            dialog->open();
            Q_EMIT self->resourcesDialogOpened(dialog);
        });
    });
}

StartupDialog *ContainerDetailPage::openStartupDialog()
{
    if (!m_connection || !m_record)
        return nullptr;
    auto *dialog = new StartupDialog(m_id, m_record->startupCommand, m_record->startPattern, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &StartupDialog::saveRequested, this, [this, dialog] { saveStartup(dialog); });
    dialog->open();
    return dialog;
}

void ContainerDetailPage::saveStartup(StartupDialog *dialog)
{
    if (!m_connection)
        return;
    QPointer<ContainerDetailPage> self(this);
    QPointer<StartupDialog> guard(dialog);
    const quint64 generation = m_generation;
    const QString id = m_id;
    ApiClient *client = m_connection->client();
    const std::optional<QString> command = dialog->commandChange();
    const bool patternChanged = dialog->patternChanged();
    const std::optional<QString> pattern = dialog->pattern();
    dialog->setBusy(true);

    // A refusal is told in the dialog, still open for a fix; on the page once the dialog is closed.
    auto fail = [self, guard, generation, id](const ApiErrorDto &error) {
        const QString text =
            tr("Saving the startup of %1 failed: %2").arg(id, NodeConnection::describe(error));
        if (self && self->m_connection)
            self->m_connection->reportError(error);
        if (guard && guard->isVisible())
            guard->showFailure(text);
        else if (self)
            self->m_messages->showMessage(MessageBar::Kind::Error, text);
        if (self && self->m_generation == generation)
            self->refreshRecord(); // the command may have been taken before the pattern was refused
    };
    auto done = [self, guard, generation, id] {
        if (guard)
            guard->accept();
        if (!self || self->m_generation != generation)
            return;
        self->m_messages->showMessage(
            MessageBar::Kind::Success,
            tr("The startup of %1 was saved; it applies the next time the container starts.").arg(id));
        self->refreshRecord();
    };
    // Two routes, one after the other, so the outcome is known before the dialog closes.
    auto sendPattern = [client, id, patternChanged, pattern, fail, done] {
        if (!patternChanged)
            return done();
        client->setStartPattern(id, pattern, [fail, done](const ApiResult<QJsonObject> &r) {
            if (r.ok())
                done();
            else
                fail(r.error);
        });
    };
    if (!command) {
        sendPattern();
        return;
    }
    client->setStartupCommand(id, *command, [guard, fail, sendPattern](const ApiResult<QJsonObject> &r) {
        if (!r.ok())
            return fail(r.error);
        if (guard)
            guard->markCommandSaved();
        sendPattern();
    });
}
} // namespace lightd::gui
