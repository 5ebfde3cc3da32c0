#include "views/NodeSidebar.h"

#include "app/Icons.h"
#include "nodes/NodeConnection.h"
#include "nodes/NodeManager.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace lightd::gui {
namespace {
constexpr int NodeRole = Qt::UserRole + 1; // NodeConnection* as quintptr
constexpr int PageRole = Qt::UserRole + 2; // PageId, -1 on node rows

QColor colorFor(NodeState state)
{
    switch (state) {
    case NodeState::Connected:
        return QColor(0x22, 0xc5, 0x5e);
    case NodeState::Connecting:
        return QColor(0x94, 0xa3, 0xb8);
    case NodeState::Unauthorized:
    case NodeState::Forbidden:
    case NodeState::TlsError:
        return QColor(0xf5, 0x9e, 0x0b);
    case NodeState::Unreachable:
        return QColor(0xef, 0x44, 0x44);
    }
    return Qt::gray;
}
} // namespace

NodeSidebar::NodeSidebar(NodeManager *nodes, QWidget *parent)
    : QWidget(parent), m_model(new QStandardItemModel(this)), m_tree(new QTreeView(this)),
      m_edit(new QPushButton(tr("Edit"), this)), m_remove(new QPushButton(tr("Remove"), this))
{
    setObjectName(QStringLiteral("sidebar"));
    setAttribute(Qt::WA_StyledBackground);
    setMinimumWidth(250);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 16, 14, 14);
    layout->setSpacing(8);
    auto *brandRow = new QHBoxLayout;
    auto *logo = new QLabel(this);
    logo->setPixmap(icons::get(QStringLiteral("lightd-gui")).pixmap(34, 34));
    brandRow->addWidget(logo);
    auto *brandText = new QVBoxLayout;
    brandText->setSpacing(0);
    auto *brand = new QLabel(QStringLiteral("lightd"), this);
    brand->setObjectName(QStringLiteral("brand"));
    auto *sub = new QLabel(tr("Node administration"), this);
    sub->setObjectName(QStringLiteral("brandSub"));
    brandText->addWidget(brand);
    brandText->addWidget(sub);
    brandRow->addLayout(brandText, 1);
    layout->addLayout(brandRow);
    layout->addSpacing(10);

    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setIconSize(QSize(18, 18));
    m_tree->setIndentation(14);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setExpandsOnDoubleClick(false);
    layout->addWidget(m_tree, 1);

    auto *add = new QPushButton(icons::get(QStringLiteral("add-light")), tr("Add node"), this);
    layout->addWidget(add);
    auto *row = new QHBoxLayout;
    row->addWidget(m_edit);
    row->addWidget(m_remove);
    layout->addLayout(row);
    connect(add, &QPushButton::clicked, this, &NodeSidebar::addNodeRequested);
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (NodeConnection *n = currentNode())
            Q_EMIT editNodeRequested(n);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (NodeConnection *n = currentNode())
            Q_EMIT removeNodeRequested(n);
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &NodeSidebar::onCurrentChanged);
    // A click on the page already current (a container or Files open under it) goes back to the page.
    connect(m_tree, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        NodeConnection *node = currentNode();
        const int page = index.data(PageRole).toInt();
        if (node && page >= 0)
            Q_EMIT pageSelected(node, PageId(page));
    });

    for (NodeConnection *n : nodes->nodes())
        addNode(n);
    connect(nodes, &NodeManager::nodeAdded, this, &NodeSidebar::addNode);
    connect(nodes, &NodeManager::nodeRemoved, this, &NodeSidebar::removeNode);
    onCurrentChanged();
}

QStandardItem *NodeSidebar::itemFor(NodeConnection *node) const
{
    for (int i = 0; i < m_model->rowCount(); ++i) {
        QStandardItem *item = m_model->item(i);
        if (item->data(NodeRole).value<quintptr>() == quintptr(node))
            return item;
    }
    return nullptr;
}

void NodeSidebar::addNode(NodeConnection *node)
{
    auto *item = new QStandardItem;
    item->setData(QVariant::fromValue(quintptr(node)), NodeRole);
    item->setData(-1, PageRole);
    const struct
    {
        PageId id;
        const char *icon;
        const char *label;
    } pages[] = {
        {PageId::Containers, "container", QT_TR_NOOP("Containers")},
        {PageId::Ports, "network", QT_TR_NOOP("Ports")},
        {PageId::Volumes, "volume", QT_TR_NOOP("Volumes")},
        {PageId::Billing, "billing", QT_TR_NOOP("Billing")},
        {PageId::Events, "node", QT_TR_NOOP("Events")},
    };
    for (const auto &p : pages) {
        auto *child = new QStandardItem(icons::get(QString::fromLatin1(p.icon) + QStringLiteral("-light")),
                                        tr(p.label));
        child->setData(QVariant::fromValue(quintptr(node)), NodeRole);
        child->setData(int(p.id), PageRole);
        item->appendRow(child);
    }
    m_model->appendRow(item);
    m_tree->expand(item->index());
    updateNode(node);
    updateTokensPage(node);
    connect(node, &NodeConnection::stateChanged, this, [this, node] { updateNode(node); });
    connect(node, &NodeConnection::infoChanged, this, [this, node] { updateNode(node); });
    connect(node, &NodeConnection::tokenRoleChanged, this, [this, node] { updateTokensPage(node); });
    if (m_model->rowCount() == 1)
        select(node, PageId::Containers);
}

void NodeSidebar::removeNode(NodeConnection *node)
{
    if (QStandardItem *item = itemFor(node))
        m_model->removeRow(item->row());
    disconnect(node, nullptr, this, nullptr);
    onCurrentChanged();
}

void NodeSidebar::updateNode(NodeConnection *node)
{
    QStandardItem *item = itemFor(node);
    if (!item)
        return;
    item->setText(node->info().name);
    item->setIcon(icons::dot(colorFor(node->state())));
    item->setToolTip(QStringLiteral("%1\n%2\n%3")
                         .arg(node->info().url.toDisplayString(), node->stateText(), node->stateDetail()));
}

void NodeSidebar::updateTokensPage(NodeConnection *node)
{
    QStandardItem *item = itemFor(node);
    if (!item)
        return;
    const bool wanted = node->tokenRole() == NodeConnection::TokenRole::Master;
    const bool shown = item->rowCount() > int(PageId::Tokens);
    if (wanted && !shown) {
        auto *child = new QStandardItem(icons::get(QStringLiteral("key-light")), tr("Tokens"));
        child->setData(QVariant::fromValue(quintptr(node)), NodeRole);
        child->setData(int(PageId::Tokens), PageRole);
        item->appendRow(child);
    } else if (!wanted && shown) {
        item->removeRow(int(PageId::Tokens));
    }
}

void NodeSidebar::select(NodeConnection *node, PageId page)
{
    QStandardItem *item = itemFor(node);
    if (!item)
        return;
    QStandardItem *child = item->child(int(page));
    m_tree->setCurrentIndex(child ? child->index() : item->index());
}

void NodeSidebar::highlight(NodeConnection *node, PageId page)
{
    m_silent = true;
    select(node, page);
    m_silent = false;
}

PageId NodeSidebar::currentPage() const
{
    return PageId(qMax(0, m_tree->currentIndex().data(PageRole).toInt()));
}

NodeConnection *NodeSidebar::currentNode() const
{
    return reinterpret_cast<NodeConnection *>(m_tree->currentIndex().data(NodeRole).value<quintptr>());
}

void NodeSidebar::onCurrentChanged()
{
    const QModelIndex current = m_tree->currentIndex();
    NodeConnection *node = currentNode();
    m_edit->setEnabled(node);
    m_remove->setEnabled(node);
    if (!node || m_silent)
        return;
    const int page = current.data(PageRole).toInt();
    if (page < 0) {
        // A click on the node row opens its first page.
        select(node, PageId::Containers);
        return;
    }
    Q_EMIT pageSelected(node, PageId(page));
}
} // namespace lightd::gui
