#include "pages/VolumesPage.h"

#include "dialogs/CreateVolumeDialog.h"
#include "lightd/ApiClient.h"
#include "models/Format.h"
#include "models/VolumesModel.h"
#include "widgets/QuotaBarDelegate.h"
#include "widgets/SearchField.h"
#include "widgets/TableView.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
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
    // The path takes what is left (elided in the middle, full in its tooltip) and Created fits its
    // text, so the table never needs a horizontal scrollbar on a small screen.
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    // Id and usage leave room for the path and the date at 1024 px (the date's width varies with the
    // time of day: 250 + 190 overflowed by 3 px at 21:53); ids elide in the middle.
    header->resizeSection(VolumesModel::IdColumn, 230);
    header->resizeSection(VolumesModel::UsageColumn, 170);
    header->resizeSection(VolumesModel::QuotaColumn, 90);
    header->setSectionResizeMode(VolumesModel::PathColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(VolumesModel::CreatedColumn, QHeaderView::ResizeToContents);
    m_view->setTextElideMode(Qt::ElideMiddle);
    setContent(m_view);

    connect(addPageAction(QStringLiteral("add"), tr("New volume"),
                          tr("Create a volume, optionally with a quota")),
            &QAction::triggered, this, &VolumesPage::openCreateDialog);
    m_browse = addPageAction(QStringLiteral("folder-open"), tr("Browse files"),
                             tr("Open the selected volume's files"));
    connect(m_browse, &QAction::triggered, this, &VolumesPage::browseSelected);
    m_delete =
        addPageAction(QStringLiteral("delete"), tr("Delete"), tr("Delete the selected volume and its data"));
    connect(m_delete, &QAction::triggered, this, &VolumesPage::confirmDelete);
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

void VolumesPage::poll()
{
    client()->listVolumes(guarded<QList<VolumeDto>>([this](const ApiResult<QList<VolumeDto>> &r) {
        if (r.ok())
            m_model->setRows(*r);
        finishPoll(r.ok() ? nullptr : &r.error);
    }));
}

void VolumesPage::clearData()
{
    m_model->clear();
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
        createVolume(dialog.quotaMb());
}

void VolumesPage::createVolume(std::optional<qint64> quotaMb)
{
    if (!client())
        return;
    client()->createVolume(
        quotaMb, guarded<VolumeDto>([this](const ApiResult<VolumeDto> &r) {
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
    if (QMessageBox::warning(this, tr("Delete volume"),
                             tr("Delete volume %1 and every file in it? This cannot be undone.").arg(id),
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
