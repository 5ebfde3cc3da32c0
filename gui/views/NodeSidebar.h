#pragma once
#include <QWidget>

class QPushButton;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace lightd::gui {
class NodeConnection;
class NodeManager;

// Tokens is listed only under nodes connected with their master token.
enum class PageId { Containers, Ports, Volumes, Billing, Events, Tokens };

// The left column: every node with its connection state, and under each node its pages.
class NodeSidebar final : public QWidget
{
    Q_OBJECT
  public:
    explicit NodeSidebar(NodeManager *nodes, QWidget *parent = nullptr);

    void select(NodeConnection *node, PageId page);
    // Marks the page current without asking to show it (a sub-page such as Files is open).
    void highlight(NodeConnection *node, PageId page);
    // The page whose row is current; Containers on a node row.
    PageId currentPage() const;
    NodeConnection *currentNode() const;
    QTreeView *tree() const { return m_tree; }

  Q_SIGNALS:
    void pageSelected(lightd::gui::NodeConnection *node, lightd::gui::PageId page);
    void addNodeRequested();
    void editNodeRequested(lightd::gui::NodeConnection *node);
    void removeNodeRequested(lightd::gui::NodeConnection *node);

  private:
    void addNode(NodeConnection *node);
    void removeNode(NodeConnection *node);
    void updateNode(NodeConnection *node);
    void updateTokensPage(NodeConnection *node);
    QStandardItem *itemFor(NodeConnection *node) const;
    void onCurrentChanged();

    QStandardItemModel *m_model;
    QTreeView *m_tree;
    QPushButton *m_edit;
    QPushButton *m_remove;
    bool m_silent = false;
};
} // namespace lightd::gui
