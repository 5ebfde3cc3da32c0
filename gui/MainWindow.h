#pragma once
#include "views/NodeSidebar.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDialog;
class QLabel;
class QProgressBar;
class QStackedWidget;

namespace lightd::gui {
class BillingPage;
class EventsPage;
class Notifier;
class NodesOverviewModel;
class TableView;
class ContainerDetailPage;
class ContainersPage;
class FilesPage;
class NodeConnection;
class NodeManager;
class Page;
class PortsPage;
class TokensPage;
class VolumesPage;

// The operator's window: nodes on the left, the selected node's header and page on the right,
// long operations in the status bar. Geometry and the last node and page are remembered.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
  public:
    explicit MainWindow(NodeManager *nodes, QWidget *parent = nullptr);

    void showPage(NodeConnection *node, PageId page);
    void restoreLastNode();
    NodeSidebar *sidebar() const { return m_sidebar; }
    ContainersPage *containersPage() const { return m_containers; }
    PortsPage *portsPage() const { return m_ports; }
    VolumesPage *volumesPage() const { return m_volumes; }
    FilesPage *filesPage() const { return m_files; }
    BillingPage *billingPage() const { return m_billing; }
    TokensPage *tokensPage() const { return m_tokens; }
    EventsPage *eventsPage() const { return m_events; }
    Notifier *notifier() const { return m_notifier; }
    NodesOverviewModel *overviewModel() const { return m_overview; }
    QWidget *overviewPage() const { return m_overviewPage; }
    ContainerDetailPage *detailPage() const { return m_detail; }
    QStackedWidget *stack() const { return m_stack; }
    NodeConnection *currentNode() const;
    // The sidebar page the shown widget belongs to (Files -> Volumes, a container -> Containers).
    PageId currentPageId() const;
    QAction *settingsAction() const { return m_settingsAction; }

  public Q_SLOTS:
    void openSettings();
    // Every node at once (View > All nodes).
    void showAllNodes();

  Q_SIGNALS:
    void languageChanged();
    void settingsOpened(QDialog *dialog);

  protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

  private:
    void buildMenus();
    void buildHeader(QWidget *host);
    void updateHeader();
    void updateActivity();
    void addNode();
    void editNode(NodeConnection *node);
    void removeNode(NodeConnection *node);
    void openFiles(const QString &volumeId);
    void openContainer(const QString &internalId);
    void refreshCurrent();
    void watch(NodeConnection *node);

    NodeManager *m_nodes;
    NodeSidebar *m_sidebar;
    QStackedWidget *m_stack;
    ContainersPage *m_containers;
    PortsPage *m_ports;
    VolumesPage *m_volumes;
    FilesPage *m_files;
    BillingPage *m_billing;
    TokensPage *m_tokens;
    EventsPage *m_events;
    Notifier *m_notifier;
    NodesOverviewModel *m_overview;
    QWidget *m_overviewPage;
    ContainerDetailPage *m_detail;
    QPointer<NodeConnection> m_node;
    QLabel *m_nodeName;
    QLabel *m_nodeUrl;
    QLabel *m_stateChip;
    QLabel *m_activityLabel;
    QProgressBar *m_activityBar;
    QAction *m_settingsAction = nullptr;
};
} // namespace lightd::gui
