#pragma once
#include "lightd/CreateContainerDto.h"
#include "pages/Page.h"

class QAction;
class QSortFilterProxyModel;
class QStackedWidget;

namespace lightd::gui {
class ContainersModel;
class CreateContainerDialog;
class EmptyState;
class TableView;

// Every container of the node with its state; create, open, power and delete.
class ContainersPage final : public Page
{
    Q_OBJECT
  public:
    explicit ContainersPage(QWidget *parent = nullptr);

    ContainersModel *model() const { return m_model; }
    TableView *view() const { return m_view; }
    // True when the node answered and has no container: the page shows its empty state.
    bool isShowingEmptyState() const;

  public Q_SLOTS:
    // Opens the dialog (non-modal) and fills its volume and port lists from the node.
    CreateContainerDialog *openCreateDialog();
    void createContainer(const lightd::CreateContainerDto &form);
    void power(const QString &internalId, const QString &verb);
    void deleteContainer(const QString &internalId);

  Q_SIGNALS:
    void openRequested(const QString &internalId);

  protected:
    void poll() override;
    void clearData() override;
    QString featureName() const override;

  private:
    QString selected() const;
    void updateActions();
    void updateBody();

    ContainersModel *m_model;
    TableView *m_view;
    QStackedWidget *m_body;
    EmptyState *m_empty;
    QSortFilterProxyModel *m_proxy;
    QAction *m_open;
    QAction *m_start;
    QAction *m_stop;
    QAction *m_delete;
    bool m_loaded = false; // the empty state waits for the node's first answer
};
} // namespace lightd::gui
