#pragma once
#include "lightd/VolumeDto.h"
#include "pages/Page.h"

#include <optional>

class QAction;
class QSortFilterProxyModel;

namespace lightd::gui {
class TableView;
class VolumesModel;

// Registered volumes with their usage against quota; opens the file browser.
class VolumesPage final : public Page
{
    Q_OBJECT
  public:
    explicit VolumesPage(QWidget *parent = nullptr);

    VolumesModel *model() const { return m_model; }
    TableView *view() const { return m_view; }

  public Q_SLOTS:
    void createVolume(std::optional<qint64> quotaMb, const QString &name = {});
    void deleteVolume(const QString &volumeId);
    // Kept by the app for this node; an empty name shows the id again.
    void renameVolume(const QString &volumeId, const QString &name);

  Q_SIGNALS:
    void browseRequested(const QString &volumeId);

  protected:
    void poll() override;
    void clearData() override;
    QString featureName() const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

  private:
    void askRename();
    void openCreateDialog();
    void confirmDelete();
    void browseSelected();
    QString selectedVolume() const;
    void updateActions();

    VolumesModel *m_model;
    TableView *m_view;
    QSortFilterProxyModel *m_proxy;
    QAction *m_delete;
    QAction *m_browse;
    QAction *m_rename;
    bool m_hasSummary = true; // the node serves GET /system/containers
};
} // namespace lightd::gui
