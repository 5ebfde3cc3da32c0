#include "pages/FilesPage.h"

#include "app/Activity.h"
#include "app/Icons.h"
#include "dialogs/CompressDialog.h"
#include "dialogs/TextEditorDialog.h"
#include "lightd/ApiClient.h"
#include "models/FilesModel.h"
#include "models/Format.h"
#include "models/Roles.h"
#include "nodes/NodeConnection.h"
#include "widgets/ActionBar.h"
#include "widgets/MessageBar.h"
#include "widgets/SearchField.h"
#include "widgets/TableView.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace lightd::gui {
namespace {
bool isArchive(const QString &name)
{
    const QString n = name.toLower();
    return n.endsWith(QLatin1StringView(".zip")) || n.endsWith(QLatin1StringView(".tar")) ||
           n.endsWith(QLatin1StringView(".tar.gz")) || n.endsWith(QLatin1StringView(".tgz"));
}
} // namespace

FilesPage::FilesPage(QWidget *parent)
    : Page(tr("Files"), QString(), parent), m_model(new FilesModel(this)), m_view(new TableView(this)),
      m_crumbs(new QWidget(this)), m_crumbLayout(new QHBoxLayout(m_crumbs))
{
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    // A deep path scrolls inside the bar (kept at its end, the current folder) instead of widening the page.
    auto *bar = new QWidget(content);
    bar->setObjectName(QStringLiteral("breadcrumb"));
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(6, 2, 6, 2);
    barLayout->setSpacing(4);
    auto *home = new QLabel(bar);
    home->setPixmap(icons::get(QStringLiteral("volume")).pixmap(16, 16));
    barLayout->addWidget(home);
    auto *scroll = m_crumbScroll = new QScrollArea(bar);
    scroll->setObjectName(QStringLiteral("crumbScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_crumbs);
    scroll->viewport()->setAutoFillBackground(false); // the bar's white shows through
    m_crumbs->setAutoFillBackground(false);
    QScrollBar *crumbBar = scroll->horizontalScrollBar();
    connect(crumbBar, &QScrollBar::rangeChanged, crumbBar,
            [crumbBar](int, int max) { crumbBar->setValue(max); });
    barLayout->addWidget(scroll, 1);
    m_crumbLayout->setContentsMargins(0, 0, 0, 0);
    m_crumbLayout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_view, 1);
    m_proxy = m_view->setSourceModel(m_model, FilesModel::NameColumn);
    // The name takes what is left: no horizontal scrollbar at 1024 px.
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(FilesModel::NameColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->resizeSection(FilesModel::SizeColumn, 110);
    m_view->horizontalHeader()->resizeSection(FilesModel::ModifiedColumn, 190);
    m_view->horizontalHeader()->setSectionResizeMode(FilesModel::ModeColumn, QHeaderView::ResizeToContents);
    m_view->setIconSize(QSize(18, 18));
    setContent(content);

    connect(addPageAction(QStringLiteral("back"), tr("Volumes"), tr("Back to the list of volumes")),
            &QAction::triggered, this, &FilesPage::backRequested);
    m_up = addPageAction(QStringLiteral("up"), tr("Up"), tr("Go to the parent folder"));
    connect(m_up, &QAction::triggered, this,
            [this] { navigate(m_path.contains(u'/') ? m_path.section(u'/', 0, -2) : QString()); });
    connect(addPageAction(QStringLiteral("folder-new"), tr("New folder")), &QAction::triggered, this,
            &FilesPage::askNewFolder);
    QAction *newFile = addPageAction(QStringLiteral("file"), tr("New file"), tr("Create an empty file here"));
    connect(newFile, &QAction::triggered, this, &FilesPage::askNewFile);
    actionBar()->setPriority(newFile, ActionBar::Priority::Low);
    connect(addPageAction(QStringLiteral("upload"), tr("Upload")), &QAction::triggered, this,
            &FilesPage::askUpload);
    m_download = addPageAction(QStringLiteral("download"), tr("Download"));
    connect(m_download, &QAction::triggered, this, &FilesPage::askDownload);
    m_edit = addPageAction(QStringLiteral("edit"), tr("Edit"), tr("Edit a text file up to 1 MiB"));
    connect(m_edit, &QAction::triggered, this, [this] {
        const QStringList names = selectedNames();
        if (names.size() == 1)
            editFile(names.first());
    });
    m_rename = addPageAction(QStringLiteral("rename"), tr("Rename"));
    connect(m_rename, &QAction::triggered, this, &FilesPage::askRename);
    m_copy =
        addPageAction(QStringLiteral("file"), tr("Copy"), tr("Copy the file or folder under a new name"));
    connect(m_copy, &QAction::triggered, this, &FilesPage::askCopy);
    m_chmod =
        addPageAction(QStringLiteral("key"), tr("Permissions"), tr("Change the mode (chmod), e.g. 0644"));
    connect(m_chmod, &QAction::triggered, this, &FilesPage::askChmod);
    m_compress = addPageAction(QStringLiteral("archive"), tr("Compress"));
    connect(m_compress, &QAction::triggered, this, &FilesPage::askCompress);
    m_decompress = addPageAction(QStringLiteral("unarchive"), tr("Extract"));
    connect(m_decompress, &QAction::triggered, this, &FilesPage::askDecompress);
    for (QAction *rare : {m_rename, m_copy, m_chmod, m_compress, m_decompress})
        actionBar()->setPriority(rare, ActionBar::Priority::Low); // first into "More" when narrow
    m_delete = addPageAction(QStringLiteral("delete"), tr("Delete"));
    actionBar()->setPriority(m_delete, ActionBar::Priority::High); // stays in the toolbar longest
    connect(m_delete, &QAction::triggered, this, &FilesPage::askDelete);
    toolbar()->addStretch();
    toolbar()->addWidget(new SearchField(m_proxy, tr("Filter this folder…"), this));

    connect(m_view, &QAbstractItemView::doubleClicked, this, &FilesPage::activate);
    // Right-click: the same actions as the toolbar (those in "More" included).
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (QAction *a : {m_edit, m_download, m_rename, m_copy, m_chmod, m_compress, m_decompress, m_delete})
        m_view->addAction(a);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FilesPage::updateActions);
    rebuildBreadcrumb();
    updateActions();
}

QString FilesPage::featureName() const
{
    return tr("File manager");
}

QString FilesPage::join(const QString &dir, const QString &name)
{
    return dir.isEmpty() ? name : dir + u'/' + name;
}

void FilesPage::openVolume(const QString &volumeId)
{
    if (volumeId != m_volume) {
        m_volume = volumeId;
        m_path.clear();
        m_model->clear();
    }
    setSubtitle(tr("Volume %1").arg(volumeId));
    rebuildBreadcrumb();
    m_quotaTick = 0;
    refresh();
}

void FilesPage::navigate(const QString &path)
{
    if (path == m_path)
        return refresh();
    m_path = path;
    m_model->clear();
    rebuildBreadcrumb();
    updateActions();
    refresh();
}

void FilesPage::poll()
{
    if (m_volume.isEmpty())
        return finishPoll(nullptr);
    const QString path = m_path;
    client()->listFiles(
        m_volume, path, guarded<FileListDto>([this, path](const ApiResult<FileListDto> &r) {
            if (path != m_path)
                return finishPoll(nullptr);
            if (r.ok())
                m_model->setRows(r->files);
            else if (!isMissingRoute(r.error) && r.error.status == 404 && !m_path.isEmpty())
                navigate(QString()); // the folder went away under us
            finishPoll(r.ok() || (r.error.status == 404 && !isMissingRoute(r.error)) ? nullptr : &r.error);
        }));
    if (m_quotaTick++ % 5 == 0)
        updateQuota();
}

void FilesPage::updateQuota()
{
    client()->volumeQuota(
        m_volume, guarded<QuotaDto>([this](const ApiResult<QuotaDto> &r) {
            if (!r.ok())
                return;
            const qint64 used = qint64(r->usedMb * 1024 * 1024);
            setSubtitle(r->sizeMb
                            ? tr("Volume %1 · %2 of %3 used (%4 %)")
                                  .arg(m_volume, format::bytes(used), format::bytes(*r->sizeMb * 1024 * 1024))
                                  .arg(QLocale().toString(r->percentageUsed, 'f', 0))
                            : tr("Volume %1 · %2 used, no quota").arg(m_volume, format::bytes(used)));
        }));
}

void FilesPage::clearData()
{
    m_model->clear();
    m_volume.clear();
    m_path.clear();
    rebuildBreadcrumb();
}

void FilesPage::rebuildBreadcrumb()
{
    while (QLayoutItem *item = m_crumbLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    auto addCrumb = [this](const QString &label, const QString &path, bool current) {
        auto *b = new QToolButton(m_crumbs);
        b->setText(label);
        b->setAutoRaise(true);
        b->setEnabled(!current);
        b->setObjectName(QStringLiteral("crumb"));
        connect(b, &QToolButton::clicked, this, [this, path] { navigate(path); });
        m_crumbLayout->addWidget(b);
    };
    addCrumb(tr("/home/container"), QString(), m_path.isEmpty());
    QString acc;
    for (const QString &part : m_path.split(u'/', Qt::SkipEmptyParts)) {
        acc = join(acc, part);
        auto *sep = new QLabel(QStringLiteral("›"), m_crumbs);
        sep->setObjectName(QStringLiteral("crumbSeparator"));
        m_crumbLayout->addWidget(sep);
        addCrumb(part, acc, acc == m_path);
    }
    m_crumbLayout->addStretch();
    // A scroll area asks for room for scroll bars it never shows: one row of crumbs is its height.
    // (Asked of the crumbs themselves: on a visible page they are shown only later.)
    int height = 0;
    for (QWidget *w : m_crumbs->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        w->ensurePolished();
        height = qMax(height, w->sizeHint().height());
    }
    m_crumbScroll->setFixedHeight(height);
    m_up->setEnabled(!m_path.isEmpty());
}

QStringList FilesPage::selectedNames() const
{
    QStringList names;
    for (int row : m_view->selectedSourceRows())
        names.append(m_model->row(row).name);
    return names;
}

void FilesPage::updateActions()
{
    const QList<int> rows = m_view->selectedSourceRows();
    const bool one = rows.size() == 1;
    const bool oneFile = one && !m_model->row(rows.first()).isDirectory();
    m_download->setEnabled(oneFile);
    m_edit->setEnabled(oneFile && m_model->row(rows.first()).size <= kEditLimit);
    m_rename->setEnabled(one);
    m_copy->setEnabled(one);
    m_chmod->setEnabled(one);
    m_delete->setEnabled(!rows.isEmpty());
    m_compress->setEnabled(!rows.isEmpty());
    m_decompress->setEnabled(oneFile && isArchive(m_model->row(rows.first()).name));
}

void FilesPage::activate(const QModelIndex &index)
{
    const QModelIndex source = m_proxy->mapToSource(index);
    const FileEntryDto &entry = m_model->row(source.row());
    if (entry.isDirectory())
        navigate(join(m_path, entry.name));
    else if (entry.size <= kEditLimit && !isArchive(entry.name))
        editFile(entry.name);
    else
        askDownload();
}

void FilesPage::askNewFolder()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("New folder"), tr("Folder name:"), QLineEdit::Normal, {}, &ok);
    if (ok && !name.trimmed().isEmpty())
        createFolder(name.trimmed());
}

void FilesPage::createFolder(const QString &name)
{
    client()->createFolder(m_volume, join(m_path, name),
                           guarded<QJsonObject>([this, name](const ApiResult<QJsonObject> &r) {
                               if (reportResult(tr("Creating folder %1").arg(name), r.error, r.ok(),
                                                tr("Folder %1 created.").arg(name)))
                                   refresh();
                           }));
}

void FilesPage::askNewFile()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("New file"), tr("File name:"), QLineEdit::Normal, {}, &ok);
    if (ok && !name.trimmed().isEmpty())
        createFile(name.trimmed());
}

void FilesPage::createFile(const QString &name)
{
    if (m_model->rowOfKey(name) >= 0) {
        messageBar()->showMessage(MessageBar::Kind::Error, tr("%1 already exists in this folder.").arg(name));
        return;
    }
    client()->writeFile(m_volume, join(m_path, name), QString(),
                        guarded<QJsonObject>([this, name](const ApiResult<QJsonObject> &r) {
                            if (reportResult(tr("Creating file %1").arg(name), r.error, r.ok(),
                                             tr("File %1 created.").arg(name)))
                                refresh();
                        }));
}

void FilesPage::askCopy()
{
    const QStringList names = selectedNames();
    if (names.size() != 1)
        return;
    bool ok = false;
    const QString to = QInputDialog::getText(this, tr("Copy"), tr("Name of the copy:"), QLineEdit::Normal,
                                             tr("Copy of %1").arg(names.first()), &ok);
    if (ok && !to.trimmed().isEmpty() && to != names.first())
        copy(names.first(), to.trimmed());
}

void FilesPage::copy(const QString &from, const QString &to)
{
    client()->copyFile(m_volume, join(m_path, from), join(m_path, to),
                       guarded<QJsonObject>([this, from, to](const ApiResult<QJsonObject> &r) {
                           if (reportResult(tr("Copying %1").arg(from), r.error, r.ok(),
                                            tr("Copied %1 to %2.").arg(from, to)))
                               refresh();
                       }));
}

void FilesPage::askChmod()
{
    const QStringList names = selectedNames();
    if (names.size() != 1)
        return;
    const int row = m_model->rowOfKey(names.first());
    bool ok = false;
    const QString mode = QInputDialog::getText(
        this, tr("Permissions"), tr("Mode of %1 (octal, e.g. 0644 or 0755):").arg(names.first()),
        QLineEdit::Normal, row >= 0 ? m_model->row(row).mode : QStringLiteral("0644"), &ok);
    if (ok && !mode.trimmed().isEmpty())
        chmod(names.first(), mode.trimmed());
}

void FilesPage::chmod(const QString &name, const QString &mode)
{
    client()->chmodFile(m_volume, join(m_path, name), mode,
                        guarded<QJsonObject>([this, name, mode](const ApiResult<QJsonObject> &r) {
                            if (reportResult(tr("Changing the mode of %1").arg(name), r.error, r.ok(),
                                             tr("%1 is now %2.").arg(name, mode)))
                                refresh();
                        }));
}

void FilesPage::askRename()
{
    const QStringList names = selectedNames();
    if (names.size() != 1)
        return;
    bool ok = false;
    const QString to =
        QInputDialog::getText(this, tr("Rename"), tr("New name:"), QLineEdit::Normal, names.first(), &ok);
    if (ok && !to.trimmed().isEmpty() && to != names.first())
        rename(names.first(), to.trimmed());
}

void FilesPage::rename(const QString &from, const QString &to)
{
    client()->renameFile(m_volume, join(m_path, from), join(m_path, to),
                         guarded<QJsonObject>([this, from, to](const ApiResult<QJsonObject> &r) {
                             if (reportResult(tr("Renaming %1").arg(from), r.error, r.ok(),
                                              tr("Renamed %1 to %2.").arg(from, to)))
                                 refresh();
                         }));
}

void FilesPage::askDelete()
{
    const QStringList names = selectedNames();
    if (names.isEmpty())
        return;
    const QString question =
        names.size() == 1 ? tr("Delete %1? Folders are deleted with everything in them.").arg(names.first())
                          : tr("Delete the %n selected item(s)?", nullptr, int(names.size()));
    if (QMessageBox::warning(this, tr("Delete files"), question, QMessageBox::Yes | QMessageBox::Cancel,
                             QMessageBox::Cancel) == QMessageBox::Yes)
        remove(names);
}

void FilesPage::remove(const QStringList &names)
{
    const int activity = Activity::instance().begin(tr("Deleting %n item(s)…", nullptr, int(names.size())));
    removeNext(names, 0, activity);
}

// One request per entry, one after the other, stopping at the first failure.
void FilesPage::removeNext(const QStringList &names, int index, int activity)
{
    if (index >= names.size()) {
        Activity::instance().end(activity);
        showSuccess(tr("%n item(s) deleted.", nullptr, int(names.size())));
        refresh();
        return;
    }
    Activity::instance().progress(activity, index, names.size());
    const QString name = names.at(index);
    client()->deleteFile(
        m_volume, join(m_path, name),
        guarded<QJsonObject>([this, names, index, activity](const ApiResult<QJsonObject> &r) {
            if (r.ok())
                return removeNext(names, index + 1, activity);
            Activity::instance().end(activity);
            showError(tr("Deleting %1").arg(names.at(index)), r.error);
            refresh();
        }));
}

void FilesPage::askUpload()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Upload files to %1").arg(m_path.isEmpty() ? tr("the volume root") : m_path),
        QStandardPaths::writableLocation(QStandardPaths::HomeLocation));
    if (!files.isEmpty())
        upload(files);
}

void FilesPage::upload(const QStringList &localFiles)
{
    for (const QString &local : localFiles) {
        QFile file(local);
        if (!file.open(QIODevice::ReadOnly)) {
            messageBar()->showMessage(MessageBar::Kind::Error,
                                      tr("Cannot read %1: %2").arg(local, file.errorString()));
            continue;
        }
        const QString name = QFileInfo(local).fileName();
        const int activity = Activity::instance().begin(tr("Uploading %1…").arg(name));
        client()->uploadFile(
            m_volume, join(m_path, name), file.readAll(),
            guarded<QJsonObject>([this, name, activity](const ApiResult<QJsonObject> &r) {
                Activity::instance().end(activity);
                if (reportResult(tr("Uploading %1").arg(name), r.error, r.ok(), tr("%1 uploaded.").arg(name)))
                    refresh();
            }),
            [activity](qint64 done, qint64 total) { Activity::instance().progress(activity, done, total); });
    }
}

void FilesPage::askDownload()
{
    const QStringList names = selectedNames();
    if (names.size() != 1)
        return;
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Save %1").arg(names.first()),
        QStandardPaths::writableLocation(QStandardPaths::DownloadLocation) + u'/' + names.first());
    if (!target.isEmpty())
        download(names.first(), target);
}

void FilesPage::download(const QString &name, const QString &localFile)
{
    const int activity = Activity::instance().begin(tr("Downloading %1…").arg(name));
    client()->readFile(
        m_volume, join(m_path, name),
        guarded<QByteArray>([this, name, localFile, activity](const ApiResult<QByteArray> &r) {
            Activity::instance().end(activity);
            if (!reportResult(tr("Downloading %1").arg(name), r.error, r.ok()))
                return;
            QSaveFile out(localFile);
            if (!out.open(QIODevice::WriteOnly) || out.write(*r) != r->size() || !out.commit()) {
                messageBar()->showMessage(MessageBar::Kind::Error,
                                          tr("Cannot write %1: %2").arg(localFile, out.errorString()));
                return;
            }
            showSuccess(
                tr("Saved %1 (%2).").arg(QDir::toNativeSeparators(localFile), format::bytes(r->size())));
        }),
        [activity](qint64 done, qint64 total) { Activity::instance().progress(activity, done, total); });
}

void FilesPage::editFile(const QString &name)
{
    const QString path = join(m_path, name);
    client()->readFile(
        m_volume, path, guarded<QByteArray>([this, name, path](const ApiResult<QByteArray> &r) {
            if (!reportResult(tr("Opening %1").arg(name), r.error, r.ok()))
                return;
            if (r->contains('\0')) {
                messageBar()->showMessage(MessageBar::Kind::Warning,
                                          tr("%1 looks like a binary file; download it instead.").arg(name));
                return;
            }
            auto *editor = new TextEditorDialog(name, QString::fromUtf8(*r), this);
            editor->setAttribute(Qt::WA_DeleteOnClose);
            const QString volume = m_volume;
            connect(editor, &TextEditorDialog::saveRequested, this,
                    [this, editor, volume, path, name](const QString &text) {
                        client()->writeFile(
                            volume, path, text,
                            guarded<QJsonObject>([this, editor, name](const ApiResult<QJsonObject> &w) {
                                if (w.ok()) {
                                    showSuccess(tr("%1 saved.").arg(name));
                                    editor->saved();
                                    refresh();
                                } else {
                                    editor->failed(NodeConnection::describe(w.error));
                                }
                            }));
                    });
            editor->show();
        }));
}

void FilesPage::askCompress()
{
    const QStringList names = selectedNames();
    if (names.isEmpty())
        return;
    CompressDialog dialog(names, this);
    if (dialog.exec() == QDialog::Accepted)
        compress(names, dialog.format(), dialog.outputName());
}

void FilesPage::compress(const QStringList &names, const QString &format, const QString &outputName)
{
    QStringList paths;
    for (const QString &n : names)
        paths.append(join(m_path, n));
    const int activity = Activity::instance().begin(tr("Compressing into %1…").arg(outputName));
    client()->compressFiles(
        m_volume, paths, format, join(m_path, outputName),
        guarded<QJsonObject>([this, outputName, activity](const ApiResult<QJsonObject> &r) {
            Activity::instance().end(activity);
            if (reportResult(
                    tr("Compressing"), r.error, r.ok(),
                    tr("Created %1 (%2).")
                        .arg(outputName,
                             format::bytes(r.ok() ? r->value(QLatin1StringView("size")).toInteger() : 0))))
                refresh();
        }));
}

void FilesPage::askDecompress()
{
    const QStringList names = selectedNames();
    if (names.size() != 1)
        return;
    QString base = names.first();
    for (const char *ext : {".tar.gz", ".tgz", ".zip", ".tar"})
        if (base.endsWith(QLatin1StringView(ext), Qt::CaseInsensitive))
            base.chop(int(qstrlen(ext)));
    bool ok = false;
    const QString dest =
        QInputDialog::getText(this, tr("Extract archive"), tr("Extract %1 into folder:").arg(names.first()),
                              QLineEdit::Normal, join(m_path, base), &ok);
    if (ok)
        decompress(names.first(), dest.trimmed());
}

void FilesPage::decompress(const QString &archive, const QString &destination)
{
    const int activity = Activity::instance().begin(tr("Extracting %1…").arg(archive));
    client()->decompressFile(
        m_volume, join(m_path, archive), destination,
        guarded<QJsonObject>([this, archive, destination, activity](const ApiResult<QJsonObject> &r) {
            Activity::instance().end(activity);
            if (reportResult(tr("Extracting %1").arg(archive), r.error, r.ok(),
                             tr("Extracted %1 into %2.")
                                 .arg(archive, destination.isEmpty() ? tr("the volume root") : destination)))
                refresh();
        }));
}
} // namespace lightd::gui
