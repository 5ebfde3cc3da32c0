#include "pages/ContainersPage.h"

#include "app/Activity.h"
#include "dialogs/CreateContainerDialog.h"
#include "lightd/ApiClient.h"
#include "lightd/ContainerRules.h"
#include "models/ContainersModel.h"
#include "models/Roles.h"
#include "nodes/NameStore.h"
#include "nodes/NodeConnection.h"
#include "widgets/Confirm.h"
#include "widgets/EmptyState.h"
#include "widgets/MessageBar.h"
#include "widgets/SearchField.h"
#include "widgets/StateBadgeDelegate.h"
#include "widgets/TableView.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <memory>
#include <utility>

namespace lightd::gui {
ContainersPage::ContainersPage(QWidget *parent)
    : Page(tr("Containers"), tr("Game and app servers running on this node."), parent),
      m_model(new ContainersModel(this)), m_view(new TableView(this)), m_body(new QStackedWidget(this)),
      m_empty(new EmptyState(this))
{
    m_proxy = m_view->setSourceModel(m_model, ContainersModel::NameColumn);
    m_view->setItemDelegateForColumn(ContainersModel::StateColumn, new StateBadgeDelegate(this));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    // The image takes what is left; Volume and Docker ID step aside on a narrow window (fitColumns),
    // so the list fits 1024 px without a horizontal scrollbar.
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    const std::pair<ContainersModel::Column, int> widths[] = {
        {ContainersModel::NameColumn, 160},  {ContainersModel::StateColumn, 110},
        {ContainersModel::CpuColumn, 70},    {ContainersModel::MemoryColumn, 90},
        {ContainersModel::PortsColumn, 100}, {ContainersModel::UptimeColumn, 90},
        {ContainersModel::VolumeColumn, 90}, {ContainersModel::DockerIdColumn, 110}};
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width);
    header->setSectionResizeMode(ContainersModel::ImageColumn, QHeaderView::Stretch);
    m_view->installEventFilter(this);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_body->addWidget(m_view);
    m_body->addWidget(m_empty);
    m_empty->set(
        QStringLiteral("container"), tr("No containers yet"),
        tr("Create a game or app server: pick a Docker image, a volume for its files and ports from "
           "the pool. The node pulls the image, runs the install script and reports every step here."));
    m_empty->setAction(tr("New container"));
    connect(m_empty, &EmptyState::actionTriggered, this, &ContainersPage::openCreateDialog);
    setContent(m_body);

    connect(addPageAction(QStringLiteral("add"), tr("New container")), &QAction::triggered, this,
            &ContainersPage::openCreateDialog);
    m_open = addPageAction(QStringLiteral("console"), tr("Open"), tr("Console, live stats and details"));
    connect(m_open, &QAction::triggered, this, [this] {
        if (!selected().isEmpty())
            Q_EMIT openRequested(selected());
    });
    m_start = addPageAction(QStringLiteral("start"), tr("Start"));
    connect(m_start, &QAction::triggered, this, [this] { powerAll(selectedIds(), QStringLiteral("start")); });
    m_stop = addPageAction(QStringLiteral("stop"), tr("Stop"));
    connect(m_stop, &QAction::triggered, this, [this] { powerAll(selectedIds(), QStringLiteral("stop")); });
    m_restart = addPageAction(QStringLiteral("restart"), tr("Restart"));
    connect(m_restart, &QAction::triggered, this,
            [this] { powerAll(selectedIds(), QStringLiteral("restart")); });
    m_kill = addPageAction(QStringLiteral("kill"), tr("Kill"), tr("End at once, without a clean shutdown"));
    connect(m_kill, &QAction::triggered, this, [this] { confirmKill(selectedIds()); });
    m_delete = addPageAction(QStringLiteral("delete"), tr("Delete"));
    connect(m_delete, &QAction::triggered, this, [this] {
        const QString id = selected();
        if (!id.isEmpty() &&
            QMessageBox::warning(this, tr("Delete container"),
                                 tr("Delete container %1? Its ports are freed; its volume is kept.").arg(id),
                                 QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Yes)
            deleteContainer(id);
    });
    toolbar()->addStretch();
    toolbar()->addWidget(new SearchField(m_proxy, tr("Search containers, images…"), this));

    connect(m_view, &QAbstractItemView::doubleClicked, this, [this] { Q_EMIT openRequested(selected()); });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex at = m_view->indexAt(pos);
        if (at.isValid() && !m_view->selectionModel()->isRowSelected(at.row(), {}))
            m_view->selectionModel()->select(at,
                                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        if (QMenu *menu = contextMenu())
            menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ContainersPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ContainersPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ContainersPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ContainersPage::updateBody);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ContainersPage::updateBody);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ContainersPage::updateBody);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &ContainersPage::updateCounts);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ContainersPage::updateCounts);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ContainersPage::updateCounts);
    updateActions();
    updateCounts();
    updateBody();
}

bool ContainersPage::isShowingEmptyState() const
{
    return m_body->currentWidget() == m_empty;
}

void ContainersPage::updateBody()
{
    m_body->setCurrentWidget(m_loaded && m_model->rowCount() == 0 ? static_cast<QWidget *>(m_empty) : m_view);
}

QString ContainersPage::featureName() const
{
    return tr("Containers");
}

bool ContainersPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        fitColumns();
    return Page::eventFilter(watched, event);
}

void ContainersPage::fitColumns()
{
    const int width = m_view->width();
    m_view->setColumnHidden(ContainersModel::DockerIdColumn, width < 900);
    m_view->setColumnHidden(ContainersModel::VolumeColumn, width < 790);
}

// The list, then the live columns of every container from one summary call (a node without the
// route keeps "—" there and is not asked again).
void ContainersPage::poll()
{
    m_model->setVolumeNames(names::all(connection()->info().id, names::Kind::Volume));
    client()->listContainers(
        guarded<QList<ContainerSummaryDto>>([this](const ApiResult<QList<ContainerSummaryDto>> &r) {
            if (r.ok()) {
                m_model->setRows(*r);
                m_loaded = true;
                updateBody();
            }
            if (!r.ok() || !m_hasSummary)
                return finishPoll(r.ok() ? nullptr : &r.error);
            client()->nodeSummary(guarded<NodeSummaryDto>([this](const ApiResult<NodeSummaryDto> &s) {
                if (s.ok())
                    m_model->setUsage(s->containers);
                else if (isMissingRoute(s.error))
                    m_hasSummary = false;
                finishPoll(s.ok() || isMissingRoute(s.error) ? nullptr : &s.error);
            }));
        }));
}

void ContainersPage::clearData()
{
    m_model->clear();
    m_model->setUsage({});
    m_hasSummary = true;
    m_loaded = false;
    updateBody();
}

QString ContainersPage::selected() const
{
    const QList<int> rows = m_view->selectedSourceRows();
    return rows.isEmpty() ? QString() : m_model->row(rows.first()).internalId;
}

QStringList ContainersPage::selectedIds() const
{
    QStringList ids;
    for (int row : m_view->selectedSourceRows())
        ids << m_model->row(row).internalId;
    return ids;
}

QAction *ContainersPage::powerAction(const QString &verb) const
{
    if (verb == QLatin1StringView("start"))
        return m_start;
    if (verb == QLatin1StringView("stop"))
        return m_stop;
    if (verb == QLatin1StringView("restart"))
        return m_restart;
    if (verb == QLatin1StringView("kill"))
        return m_kill;
    return nullptr;
}

// A verb is offered when it applies to at least one selected container; the others are skipped.
void ContainersPage::updateActions()
{
    const QList<int> rows = m_view->selectedSourceRows();
    auto anyAllows = [&](const char *verb) {
        for (int row : rows)
            if (powerAllowed(m_model->row(row).installState, QString::fromLatin1(verb)))
                return true;
        return false;
    };
    m_open->setEnabled(rows.size() == 1);
    m_start->setEnabled(anyAllows("start"));
    m_stop->setEnabled(anyAllows("stop"));
    m_restart->setEnabled(anyAllows("restart"));
    m_kill->setEnabled(anyAllows("kill"));
    m_delete->setEnabled(rows.size() == 1);
}

// Counted on every change of the list (first load included), so the subtitle is never stale.
void ContainersPage::updateCounts()
{
    int running = 0;
    for (const ContainerSummaryDto &c : m_model->rows())
        running += c.installState == QLatin1StringView("running") ? 1 : 0;
    // Two plurals: "3 Container, 1 läuft." needs each number to pick its own form.
    setSubtitle(tr("%1, %2.").arg(tr("%n container(s)", nullptr, m_model->rowCount()),
                                  tr("%n running", nullptr, running)));
    if (m_installing.isEmpty())
        return;
    const int row = m_model->rowOfKey(m_installing);
    const QString state = row < 0 ? QString() : m_model->row(row).installState;
    if (row < 0 || state == QLatin1StringView("installing"))
        return;
    const QString id = std::exchange(m_installing, QString());
    if (state == QLatin1StringView("failed"))
        messageBar()->showMessage(MessageBar::Kind::Error,
                                  tr("Installing %1 failed; its console shows why.").arg(id));
    else
        showSuccess(tr("%1 is installed and ready to start.").arg(id));
}

QMenu *ContainersPage::contextMenu()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return nullptr;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("containerMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (ids.size() == 1)
        menu->addAction(m_open);
    menu->addSeparator();
    for (QAction *a : {m_start, m_stop, m_restart, m_kill})
        menu->addAction(a);
    if (ids.size() == 1) {
        menu->addSeparator();
        menu->addAction(m_delete);
    }
    return menu;
}

void ContainersPage::confirmKill(const QStringList &ids)
{
    if (ids.isEmpty())
        return;
    confirm(this, tr("Kill containers"),
            tr("Kill %1 now? The processes end at once, without a clean shutdown; unsaved data is lost.")
                .arg(ids.join(QStringLiteral(", "))),
            tr("Kill"), [self = QPointer<ContainersPage>(this), ids] {
                if (self)
                    self->powerAll(ids, QStringLiteral("kill"));
            });
}

CreateContainerDialog *ContainersPage::openCreateDialog()
{
    if (!client())
        return nullptr;
    auto *dialog = new CreateContainerDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<CreateContainerDialog> guard(dialog);
    const QString node = connection()->info().id;
    client()->listVolumes([guard, node](const ApiResult<QList<VolumeDto>> &r) {
        if (guard && r.ok())
            guard->setVolumes(*r, names::all(node, names::Kind::Volume));
    });
    // A volume made from the form: created here, named in the app, selected in the form.
    connect(dialog, &CreateContainerDialog::newVolumeRequested, this,
            [this, guard, node](std::optional<qint64> quotaMb, const QString &name) {
                client()->createVolume(quotaMb, [guard, node, name](const ApiResult<VolumeDto> &r) {
                    if (!guard)
                        return;
                    if (!r.ok())
                        return guard->volumeFailed(NodeConnection::describe(r.error));
                    names::set(node, names::Kind::Volume, r->volumeId, name);
                    guard->addVolume(*r, name);
                });
            });
    client()->listPorts([guard](const ApiResult<QList<PortDto>> &r) {
        if (guard && r.ok())
            guard->setPorts(*r);
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog] { createContainer(dialog->form()); });
    dialog->open();
    return dialog;
}

void ContainersPage::createContainer(const CreateContainerDto &form)
{
    const int activity = Activity::instance().begin(tr("Creating %1…").arg(form.internalId));
    client()->createContainer(
        form.toJson(),
        guarded<QJsonObject>([this, activity, id = form.internalId](const ApiResult<QJsonObject> &r) {
            Activity::instance().end(activity);
            if (reportResult(
                    tr("Creating %1").arg(id), r.error, r.ok(),
                    tr("%1 is being installed: image pull and install script run on the node.").arg(id))) {
                m_installing = id;
                refresh();
            }
        }));
}

void ContainersPage::power(const QString &internalId, const QString &verb)
{
    if (internalId.isEmpty() || !client())
        return;
    client()->power(
        internalId, verb, guarded<QJsonObject>([this, internalId, verb](const ApiResult<QJsonObject> &r) {
            if (reportResult(tr("%1 of %2").arg(verb, internalId), r.error, r.ok(),
                             r.ok() ? r->value(QLatin1StringView("message")).toString() : QString()))
                refresh();
        }));
}

void ContainersPage::powerAll(const QStringList &internalIds, const QString &verb)
{
    if (!client())
        return;
    QStringList ids;
    for (const QString &id : internalIds) {
        const int row = m_model->rowOfKey(id);
        if (row >= 0 && powerAllowed(m_model->row(row).installState, verb))
            ids << id;
    }
    if (ids.size() == 1)
        return power(ids.first(), verb);
    if (ids.isEmpty())
        return;
    struct Batch
    {
        int remaining;
        QStringList failed;
        ApiErrorDto lastError;
    };
    auto batch = std::make_shared<Batch>(Batch{int(ids.size()), {}, {}});
    for (const QString &id : ids)
        client()->power(id, verb,
                        guarded<QJsonObject>([this, batch, id, verb,
                                              n = int(ids.size())](const ApiResult<QJsonObject> &r) {
                            if (!r.ok()) {
                                batch->failed << id;
                                batch->lastError = r.error;
                            }
                            if (--batch->remaining > 0)
                                return;
                            if (batch->failed.isEmpty())
                                showSuccess(tr("%1 sent to %n container(s).", nullptr, n).arg(verb));
                            else
                                showError(tr("%1 of %2").arg(verb, batch->failed.join(QStringLiteral(", "))),
                                          batch->lastError);
                            refresh();
                        }));
}

void ContainersPage::deleteContainer(const QString &internalId)
{
    client()->deleteContainer(internalId,
                              guarded<QJsonObject>([this, internalId](const ApiResult<QJsonObject> &r) {
                                  if (reportResult(tr("Deleting %1").arg(internalId), r.error, r.ok(),
                                                   tr("Container %1 deleted.").arg(internalId)))
                                      refresh();
                              }));
}
} // namespace lightd::gui
