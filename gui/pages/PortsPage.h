#pragma once
#include "lightd/PortDto.h"
#include "pages/Page.h"

class QAction;
class QSortFilterProxyModel;

namespace lightd::gui {
class PortsModel;
class TableView;

// The port pool: who holds what, add one or a range, delete one or many, pick a free one.
class PortsPage final : public Page
{
    Q_OBJECT
  public:
    explicit PortsPage(QWidget *parent = nullptr);

    PortsModel *model() const { return m_model; }
    TableView *view() const { return m_view; }
    QList<PortDto> selectedPorts() const;

  public Q_SLOTS:
    void addPorts(const QList<PortDto> &ports);
    void deletePorts(const QList<PortDto> &ports);
    void pickRandom();

  protected:
    void poll() override;
    void clearData() override;
    QString featureName() const override;

  private:
    void openAddDialog(bool range);
    void confirmDelete();
    void updateActions();
    void updateSummary();

    PortsModel *m_model;
    TableView *m_view;
    QSortFilterProxyModel *m_proxy;
    QAction *m_delete;
};
} // namespace lightd::gui
