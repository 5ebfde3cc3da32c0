#pragma once
#include "lightd/FileDto.h"
#include "pages/Page.h"

class QAction;
class QHBoxLayout;
class QScrollArea;
class QSortFilterProxyModel;

namespace lightd::gui {
class FilesModel;
class TableView;

// Browses one volume (API.md section 4): navigate, upload, download, new file or folder, rename,
// copy, chmod, delete, edit small text files, compress and decompress; the actions are also the
// right-click menu.
class FilesPage final : public Page
{
    Q_OBJECT
  public:
    explicit FilesPage(QWidget *parent = nullptr);

    void openVolume(const QString &volumeId);
    QString volumeId() const { return m_volume; }
    QString currentPath() const { return m_path; }
    FilesModel *model() const { return m_model; }
    TableView *view() const { return m_view; }
    QStringList selectedNames() const;

    static QString join(const QString &dir, const QString &name);
    static constexpr qint64 kEditLimit = 1024 * 1024; // bigger files download instead of opening

  public Q_SLOTS:
    void navigate(const QString &path);
    void createFolder(const QString &name);
    // An empty file; refused when the name is taken (the write route would overwrite it).
    void createFile(const QString &name);
    void copy(const QString &from, const QString &to);
    void chmod(const QString &name, const QString &mode);
    void rename(const QString &from, const QString &to);
    void remove(const QStringList &names);
    void upload(const QStringList &localFiles);
    void download(const QString &name, const QString &localFile);
    void compress(const QStringList &names, const QString &format, const QString &outputName);
    void decompress(const QString &archive, const QString &destination);
    // Opens a text file of the current folder in the editor (line numbers, find).
    void editFile(const QString &name);

  Q_SIGNALS:
    void backRequested();

  protected:
    void poll() override;
    void clearData() override;
    QString featureName() const override;

  private:
    void rebuildBreadcrumb();
    void activate(const QModelIndex &index);
    void updateActions();
    void askNewFolder();
    void askNewFile();
    void askCopy();
    void askChmod();
    void askRename();
    void askDelete();
    void removeNext(const QStringList &names, int index, int activity);
    void askUpload();
    void askDownload();
    void askCompress();
    void askDecompress();
    void updateQuota();

    FilesModel *m_model;
    TableView *m_view;
    QSortFilterProxyModel *m_proxy;
    QWidget *m_crumbs;
    QScrollArea *m_crumbScroll = nullptr;
    QHBoxLayout *m_crumbLayout;
    QString m_volume;
    QString m_path;
    QAction *m_up;
    QAction *m_download;
    QAction *m_rename;
    QAction *m_copy;
    QAction *m_chmod;
    QAction *m_delete;
    QAction *m_edit;
    QAction *m_compress;
    QAction *m_decompress;
    int m_quotaTick = 0;
};
} // namespace lightd::gui
