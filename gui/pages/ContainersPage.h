#pragma once
#include "lightd/CreateContainerDto.h"
#include "pages/Page.h"

class QAction;
class QMenu;
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
    // One verb for several containers; one banner tells how many it worked for.
    void powerAll(const QStringList &internalIds, const QString &verb);
    void deleteContainer(const QString &internalId);
    // The right-click menu of the selection (tests call it with the point they would click).
    QMenu *contextMenu();

  Q_SIGNALS:
    void openRequested(const QString &internalId);

  protected:
    void poll() override;
    void clearData() override;
    QString featureName() const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

  public:
    QStringList selectedIds() const;
    QAction *powerAction(const QString &verb) const;

  private:
    QString selected() const;
    void updateActions();
    void updateCounts();
    void confirmKill(const QStringList &ids);
    void updateBody();
    void fitColumns();

    ContainersModel *m_model;
    TableView *m_view;
    QStackedWidget *m_body;
    EmptyState *m_empty;
    QSortFilterProxyModel *m_proxy;
    QAction *m_open;
    QAction *m_start;
    QAction *m_stop;
    QAction *m_restart;
    QAction *m_kill;
    QAction *m_delete;
    QString m_installing;     // created from here and still installing: its banner is replaced when it ends
    bool m_loaded = false;    // the empty state waits for the node's first answer
    bool m_hasSummary = true; // the node serves GET /system/containers
};
} // namespace lightd::gui
