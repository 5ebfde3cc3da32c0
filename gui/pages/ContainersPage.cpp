#include "pages/ContainersPage.h"

#include "app/Activity.h"
#include "dialogs/CreateContainerDialog.h"
#include "lightd/ApiClient.h"
#include "models/ContainersModel.h"
#include "models/Roles.h"
#include "pages/PowerActions.h"
#include "widgets/EmptyState.h"
#include "widgets/SearchField.h"
#include "widgets/StateBadgeDelegate.h"
#include "widgets/TableView.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QStackedWidget>

namespace lightd::gui {
ContainersPage::ContainersPage(QWidget *parent)
    : Page(tr("Containers"), tr("Game and app servers running on this node."), parent),
      m_model(new ContainersModel(this)), m_view(new TableView(this)), m_body(new QStackedWidget(this)),
      m_empty(new EmptyState(this))
{
    m_proxy = m_view->setSourceModel(m_model, ContainersModel::NameColumn);
    m_view->setItemDelegateForColumn(ContainersModel::StateColumn, new StateBadgeDelegate(this));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->resizeSection(ContainersModel::NameColumn, 240);
    m_view->horizontalHeader()->resizeSection(ContainersModel::StateColumn, 150);
    m_view->horizontalHeader()->resizeSection(ContainersModel::ImageColumn, 320);
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
    connect(m_start, &QAction::triggered, this, [this] { power(selected(), QStringLiteral("start")); });
    m_stop = addPageAction(QStringLiteral("stop"), tr("Stop"));
    connect(m_stop, &QAction::triggered, this, [this] { power(selected(), QStringLiteral("stop")); });
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
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ContainersPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ContainersPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ContainersPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ContainersPage::updateBody);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ContainersPage::updateBody);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ContainersPage::updateBody);
    updateActions();
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

void ContainersPage::poll()
{
    client()->listContainers(
        guarded<QList<ContainerSummaryDto>>([this](const ApiResult<QList<ContainerSummaryDto>> &r) {
            if (r.ok()) {
                m_model->setRows(*r);
                m_loaded = true;
                updateBody();
            }
            finishPoll(r.ok() ? nullptr : &r.error);
        }));
}

void ContainersPage::clearData()
{
    m_model->clear();
    m_loaded = false;
    updateBody();
}

QString ContainersPage::selected() const
{
    const QList<int> rows = m_view->selectedSourceRows();
    return rows.isEmpty() ? QString() : m_model->row(rows.first()).internalId;
}

void ContainersPage::updateActions()
{
    const QList<int> rows = m_view->selectedSourceRows();
    const QString state = rows.isEmpty() ? QString() : m_model->row(rows.first()).installState;
    m_open->setEnabled(!rows.isEmpty());
    m_start->setEnabled(powerAllowed(state, QStringLiteral("start")));
    m_stop->setEnabled(powerAllowed(state, QStringLiteral("stop")));
    m_delete->setEnabled(!rows.isEmpty());
    int running = 0;
    for (const ContainerSummaryDto &c : m_model->rows())
        running += c.installState == QLatin1StringView("running") ? 1 : 0;
    setSubtitle(tr("%n container(s), %1 running.", nullptr, m_model->rowCount()).arg(running));
}

CreateContainerDialog *ContainersPage::openCreateDialog()
{
    if (!client())
        return nullptr;
    auto *dialog = new CreateContainerDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<CreateContainerDialog> guard(dialog);
    client()->listVolumes([guard](const ApiResult<QList<VolumeDto>> &r) {
        if (guard && r.ok())
            guard->setVolumes(*r);
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
                    tr("%1 is being installed: image pull and install script run on the node.").arg(id)))
                refresh();
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
