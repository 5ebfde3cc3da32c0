#include "pages/PortsPage.h"

#include "app/Activity.h"
#include "dialogs/AddPortsDialog.h"
#include "lightd/ApiClient.h"
#include "models/PortsModel.h"
#include "widgets/ActionBar.h"
#include "widgets/SearchField.h"
#include "widgets/TableView.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QSortFilterProxyModel>

namespace lightd::gui {
PortsPage::PortsPage(QWidget *parent)
    : Page(tr("Ports"), tr("The pool of host ports containers may bind."), parent),
      m_model(new PortsModel(this)), m_view(new TableView(this))
{
    m_proxy = m_view->setSourceModel(m_model, PortsModel::PortColumn);
    m_view->horizontalHeader()->resizeSection(PortsModel::IpColumn, 200);
    m_view->horizontalHeader()->resizeSection(PortsModel::PortColumn, 110);
    m_view->horizontalHeader()->resizeSection(PortsModel::ProtocolColumn, 110);
    m_view->horizontalHeader()->resizeSection(PortsModel::StatusColumn, 120);
    setContent(m_view);

    connect(addPageAction(QStringLiteral("add"), tr("Add port"), tr("Add one port to the pool")),
            &QAction::triggered, this, [this] { openAddDialog(false); });
    connect(
        addPageAction(QStringLiteral("range"), tr("Add range"), tr("Add a range of ports in one request")),
        &QAction::triggered, this, [this] { openAddDialog(true); });
    m_delete =
        addPageAction(QStringLiteral("delete"), tr("Delete"), tr("Remove the selected ports from the pool"));
    connect(m_delete, &QAction::triggered, this, &PortsPage::confirmDelete);
    QAction *pick = addPageAction(QStringLiteral("dice"), tr("Pick free port"),
                                  tr("Ask the node for a random free port"));
    actionBar()->setPriority(pick, ActionBar::Priority::Low); // first into "More" when the window is narrow
    connect(pick, &QAction::triggered, this, &PortsPage::pickRandom);
    toolbar()->addStretch();
    toolbar()->addWidget(new SearchField(m_proxy, tr("Search ports, owners…"), this));

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PortsPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &PortsPage::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PortsPage::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PortsPage::updateSummary);
    updateActions();
}

QString PortsPage::featureName() const
{
    return tr("Port pool");
}

void PortsPage::poll()
{
    client()->listPorts(guarded<QList<PortDto>>([this](const ApiResult<QList<PortDto>> &r) {
        if (r.ok())
            m_model->setRows(*r);
        finishPoll(r.ok() ? nullptr : &r.error);
    }));
}

void PortsPage::clearData()
{
    m_model->clear();
}

QList<PortDto> PortsPage::selectedPorts() const
{
    QList<PortDto> ports;
    for (int row : m_view->selectedSourceRows())
        ports.append(m_model->row(row));
    return ports;
}

void PortsPage::openAddDialog(bool range)
{
    AddPortsDialog dialog(range ? AddPortsDialog::Mode::Range : AddPortsDialog::Mode::Single, this);
    if (dialog.exec() == QDialog::Accepted)
        addPorts(dialog.ports());
}

void PortsPage::addPorts(const QList<PortDto> &ports)
{
    if (!client() || ports.isEmpty())
        return;
    const int activity = Activity::instance().begin(tr("Adding %n port(s)…", nullptr, int(ports.size())));
    auto done = guarded<QJsonObject>([this, activity, ports](const ApiResult<QJsonObject> &r) {
        Activity::instance().end(activity);
        if (ports.size() == 1) {
            reportResult(
                tr("Adding port %1").arg(ports.first().port), r.error, r.ok(),
                tr("Port %1/%2 added to the pool.").arg(ports.first().port).arg(ports.first().protocol));
        } else {
            const int added = r.ok() ? r->value(QLatin1StringView("added_count")).toInt() : 0;
            reportResult(tr("Adding %n port(s)", nullptr, int(ports.size())), r.error, r.ok(),
                         added == ports.size()
                             ? tr("%n port(s) added to the pool.", nullptr, added)
                             : tr("%1 of %2 ports added; the others were already in the pool.")
                                   .arg(added)
                                   .arg(ports.size()));
        }
        refresh();
    });
    if (ports.size() == 1)
        client()->addPort(ports.first(), done);
    else
        client()->addPorts(ports, done);
}

void PortsPage::confirmDelete()
{
    const QList<PortDto> ports = selectedPorts();
    if (ports.isEmpty())
        return;
    const QString question =
        ports.size() == 1 ? tr("Remove port %1/%2 on %3 from the pool?")
                                .arg(ports.first().port)
                                .arg(ports.first().protocol, ports.first().ip)
                          : tr("Remove the %n selected port(s) from the pool?", nullptr, int(ports.size()));
    if (QMessageBox::question(this, tr("Delete ports"), question, QMessageBox::Yes | QMessageBox::Cancel) ==
        QMessageBox::Yes)
        deletePorts(ports);
}

void PortsPage::deletePorts(const QList<PortDto> &ports)
{
    if (!client() || ports.isEmpty())
        return;
    const int activity = Activity::instance().begin(tr("Deleting %n port(s)…", nullptr, int(ports.size())));
    auto done = guarded<QJsonObject>([this, activity, ports](const ApiResult<QJsonObject> &r) {
        Activity::instance().end(activity);
        reportResult(tr("Deleting %n port(s)", nullptr, int(ports.size())), r.error, r.ok(),
                     tr("%n port(s) removed from the pool.", nullptr,
                        ports.size() == 1 ? 1
                        : r.ok()          ? r->value(QLatin1StringView("deleted_count")).toInt()
                                          : 0));
        refresh();
    });
    if (ports.size() == 1)
        client()->deletePort(ports.first().ip, ports.first().port, done, ports.first().protocol);
    else
        client()->deletePorts(ports, done);
}

void PortsPage::pickRandom()
{
    if (!client())
        return;
    client()->randomPort({}, guarded<PortDto>([this](const ApiResult<PortDto> &r) {
                             if (!reportResult(tr("Picking a free port"), r.error, r.ok()))
                                 return;
                             m_view->selectSourceRow(m_model->rowOfKey(PortsModel::key(*r)));
                             showSuccess(tr("Free port: %1:%2/%3").arg(r->ip).arg(r->port).arg(r->protocol));
                         }));
}

void PortsPage::updateActions()
{
    m_delete->setEnabled(!m_view->selectedSourceRows().isEmpty());
}

void PortsPage::updateSummary()
{
    int inUse = 0;
    for (const PortDto &p : m_model->rows())
        inUse += p.inUse ? 1 : 0;
    setSubtitle(tr("%n port(s) in the pool, %1 in use, %2 free.", nullptr, int(m_model->rowCount()))
                    .arg(inUse)
                    .arg(m_model->rowCount() - inUse));
    updateActions();
}
} // namespace lightd::gui
