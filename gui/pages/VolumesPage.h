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
    void createVolume(std::optional<qint64> quotaMb);
    void deleteVolume(const QString &volumeId);

  Q_SIGNALS:
    void browseRequested(const QString &volumeId);

  protected:
    void poll() override;
    void clearData() override;
    QString featureName() const override;

  private:
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
};
} // namespace lightd::gui
