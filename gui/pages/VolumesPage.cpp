#include "pages/VolumesPage.h"

#include "dialogs/CreateVolumeDialog.h"
#include "lightd/ApiClient.h"
#include "models/Format.h"
#include "models/VolumesModel.h"
#include "nodes/NameStore.h"
#include "nodes/NodeConnection.h"
#include "widgets/QuotaBarDelegate.h"
#include "widgets/SearchField.h"
#include "widgets/TableView.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QSortFilterProxyModel>

namespace lightd::gui {
VolumesPage::VolumesPage(QWidget *parent)
    : Page(tr("Volumes"), tr("Persistent data directories, mounted at /home/container."), parent),
      m_model(new VolumesModel(this)), m_view(new TableView(this))
{
    m_proxy = m_view->setSourceModel(m_model, VolumesModel::CreatedColumn);
    m_view->setItemDelegateForColumn(VolumesModel::UsageColumn, new QuotaBarDelegate(this));
    m_view->verticalHeader()->setDefaultSectionSize(42);
    // The name or id and the path share what is left (elided in the middle, full in their tooltips)
    // and Created fits its text; on a narrow window the path steps aside (eventFilter), so no
    // horizontal scrollbar shows.
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(VolumesModel::IdColumn, QHeaderView::Stretch);
    header->resizeSection(VolumesModel::UsedByColumn, 120);
    header->resizeSection(VolumesModel::UsageColumn, 190);
    header->setSectionResizeMode(VolumesModel::QuotaColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(VolumesModel::PathColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(VolumesModel::CreatedColumn, QHeaderView::ResizeToContents);
    m_view->installEventFilter(this);
    m_view->setTextElideMode(Qt::ElideMiddle);
    setContent(m_view);

    connect(addPageAction(QStringLiteral("add"), tr("New volume"),
                          tr("Create a volume, optionally with a quota")),
            &QAction::triggered, this, &VolumesPage::openCreateDialog);
    m_browse = addPageAction(QStringLiteral("folder-open"), tr("Browse files"),
                             tr("Open the selected volume's files"));
    connect(m_browse, &QAction::triggered, this, &VolumesPage::browseSelected);
    m_rename = addPageAction(QStringLiteral("edit"), tr("Name…"),
                             tr("Give the volume a name this app shows instead of its id"));
    connect(m_rename, &QAction::triggered, this, &VolumesPage::askRename);
    m_delete =
        addPageAction(QStringLiteral("delete"), tr("Delete"), tr("Delete the selected volume and its data"));
    connect(m_delete, &QAction::triggered, this, &VolumesPage::confirmDelete);
    // The right-click menu of the list: the same actions.
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_browse, m_rename, m_delete});
    toolbar()->addStretch();
    toolbar()->addWidget(new SearchField(m_proxy, tr("Search volumes…"), this));

    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &VolumesPage::browseSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &VolumesPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &VolumesPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &VolumesPage::updateActions);
    updateActions();
}

QString VolumesPage::featureName() const
{
    return tr("Volumes");
}

bool VolumesPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        m_view->setColumnHidden(VolumesModel::PathColumn, m_view->width() < 900);
    return Page::eventFilter(watched, event);
}

// The volumes, then who uses them from the node's summary (one call; a node without the route
// shows a dash there and is not asked again).
void VolumesPage::poll()
{
    m_model->setNames(names::all(connection()->info().id, names::Kind::Volume));
    client()->listVolumes(guarded<QList<VolumeDto>>([this](const ApiResult<QList<VolumeDto>> &r) {
        if (r.ok())
            m_model->setRows(*r);
        if (!r.ok() || !m_hasSummary)
            return finishPoll(r.ok() ? nullptr : &r.error);
        client()->nodeSummary(guarded<NodeSummaryDto>([this](const ApiResult<NodeSummaryDto> &s) {
            if (s.ok()) {
                QHash<QString, QStringList> users;
                for (const ContainerUsageDto &c : s->containers)
                    users[c.volumeId].append(c.internalId);
                for (QStringList &ids : users)
                    ids.sort();
                m_model->setUsers(users);
            } else if (isMissingRoute(s.error)) {
                m_hasSummary = false;
                m_model->setUsers({}, false);
            }
            finishPoll(s.ok() || isMissingRoute(s.error) ? nullptr : &s.error);
        }));
    }));
}

void VolumesPage::clearData()
{
    m_model->clear();
    m_model->setUsers({}, false);
    m_hasSummary = true;
}

void VolumesPage::renameVolume(const QString &volumeId, const QString &name)
{
    if (!connection())
        return;
    names::set(connection()->info().id, names::Kind::Volume, volumeId, name);
    m_model->setNames(names::all(connection()->info().id, names::Kind::Volume));
}

void VolumesPage::askRename()
{
    const QString id = selectedVolume();
    if (id.isEmpty())
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Name volume"), tr("Name for %1 (empty: show the id):").arg(id),
                              QLineEdit::Normal, m_model->name(id), &ok);
    if (ok)
        renameVolume(id, name);
}

QString VolumesPage::selectedVolume() const
{
    const QList<int> rows = m_view->selectedSourceRows();
    return rows.isEmpty() ? QString() : m_model->row(rows.first()).volumeId;
}

void VolumesPage::updateActions()
{
    const bool any = !selectedVolume().isEmpty();
    m_delete->setEnabled(any);
    m_browse->setEnabled(any);
    m_rename->setEnabled(any);
    qint64 used = 0;
    for (const VolumeDto &v : m_model->rows())
        used += v.usedBytes;
    setSubtitle(tr("%n volume(s), %1 used in all. Volumes are mounted at /home/container.", nullptr,
                   m_model->rowCount())
                    .arg(format::bytes(used)));
}

void VolumesPage::openCreateDialog()
{
    CreateVolumeDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        createVolume(dialog.quotaMb(), dialog.name());
}

void VolumesPage::createVolume(std::optional<qint64> quotaMb, const QString &name)
{
    if (!client())
        return;
    client()->createVolume(
        quotaMb, guarded<VolumeDto>([this, name](const ApiResult<VolumeDto> &r) {
            if (r.ok() && !name.trimmed().isEmpty())
                renameVolume(r->volumeId, name);
            if (reportResult(tr("Creating the volume"), r.error, r.ok(),
                             r.ok() ? tr("Volume %1 created.").arg(r->volumeId) : QString()))
                refresh();
        }));
}

void VolumesPage::confirmDelete()
{
    const QString id = selectedVolume();
    if (id.isEmpty())
        return;
    const QString name = m_model->name(id);
    if (QMessageBox::warning(this, tr("Delete volume"),
                             tr("Delete volume %1 and every file in it? This cannot be undone.")
                                 .arg(name.isEmpty() ? id : QStringLiteral("%1 (%2)").arg(name, id)),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes)
        deleteVolume(id);
}

void VolumesPage::deleteVolume(const QString &volumeId)
{
    if (!client())
        return;
    client()->deleteVolume(
        volumeId, guarded<QJsonObject>([this, volumeId](const ApiResult<QJsonObject> &r) {
            if (reportResult(tr("Deleting volume %1").arg(volumeId), r.error, r.ok(), tr("Volume deleted.")))
                refresh();
        }));
}

void VolumesPage::browseSelected()
{
    const QString id = selectedVolume();
    if (!id.isEmpty())
        Q_EMIT browseRequested(id);
}
} // namespace lightd::gui
