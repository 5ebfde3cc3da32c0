#include "MainWindow.h"

#include "app/Activity.h"
#include "app/Icons.h"
#include "app/Notifier.h"
#include "app/Translations.h"
#include "dialogs/NodeDialog.h"
#include "dialogs/SettingsDialog.h"
#include "models/NodesOverviewModel.h"
#include "nodes/NodeConnection.h"
#include "nodes/NodeEvents.h"
#include "nodes/NodeManager.h"
#include "pages/BillingPage.h"
#include "pages/ContainerDetailPage.h"
#include "pages/ContainersPage.h"
#include "pages/EventsPage.h"
#include "pages/FilesPage.h"
#include "pages/PortsPage.h"
#include "pages/TokensPage.h"
#include "pages/VolumesPage.h"
#include "widgets/ElidedLabel.h"
#include "widgets/TableView.h"

#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace lightd::gui {
MainWindow::MainWindow(NodeManager *nodes, QWidget *parent)
    : QMainWindow(parent), m_nodes(nodes), m_sidebar(new NodeSidebar(nodes, this)),
      m_stack(new QStackedWidget(this)), m_containers(new ContainersPage(this)), m_ports(new PortsPage(this)),
      m_volumes(new VolumesPage(this)), m_files(new FilesPage(this)), m_billing(new BillingPage(this)),
      m_tokens(new TokensPage(this)), m_events(new EventsPage(this)), m_notifier(new Notifier(this)),
      m_overview(new NodesOverviewModel(nodes, this)), m_overviewPage(new QWidget(this)),
      m_detail(new ContainerDetailPage(this)), m_nodeName(new ElidedLabel(this)),
      m_nodeUrl(new ElidedLabel(this)), m_stateChip(new QLabel(this)), m_activityLabel(new ElidedLabel(this)),
      m_activityBar(new QProgressBar(this))
{
    setWindowTitle(tr("lightd admin"));
    setWindowIcon(icons::get(QStringLiteral("lightd-gui")));
    auto *splitter = new QSplitter(this);
    splitter->setHandleWidth(1);
    splitter->addWidget(m_sidebar);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    buildHeader(right);
    for (QWidget *page : std::initializer_list<QWidget *>{m_containers, m_ports, m_volumes, m_files,
                                                          m_billing, m_events, m_tokens, m_detail})
        m_stack->addWidget(page);
    {
        auto *layout = new QVBoxLayout(m_overviewPage);
        layout->setContentsMargins(24, 18, 24, 18);
        auto *title = new QLabel(tr("All nodes"), m_overviewPage);
        title->setObjectName(QStringLiteral("pageTitle"));
        layout->addWidget(title);
        auto *view = new TableView(m_overviewPage);
        view->setObjectName(QStringLiteral("allNodes"));
        view->setSourceModel(m_overview, NodesOverviewModel::NameColumn);
        // Every figure whole ("12.3 GB of 31.2 GB"); the node's name takes what is left.
        view->horizontalHeader()->setStretchLastSection(false);
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view->horizontalHeader()->setSectionResizeMode(NodesOverviewModel::NameColumn, QHeaderView::Stretch);
        view->installEventFilter(this); // columns step aside on a narrow window
        layout->addWidget(view, 1);
        connect(view, &QAbstractItemView::doubleClicked, this, [this, view](const QModelIndex &index) {
            const QList<int> rows = view->selectedSourceRows();
            if (!rows.isEmpty() && m_overview->node(rows.first()))
                m_sidebar->select(m_overview->node(rows.first()), PageId::Containers);
            Q_UNUSED(index);
        });
        m_stack->addWidget(m_overviewPage);
    }
    rightLayout->addWidget(m_stack, 1);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 1000});
    setCentralWidget(splitter);

    m_activityLabel->setMaximumWidth(420); // a long "Uploading …" must not widen the window
    m_activityBar->setMaximumWidth(180);
    m_activityBar->setMaximumHeight(14);
    m_activityBar->setTextVisible(false);
    statusBar()->addPermanentWidget(m_activityLabel);
    statusBar()->addPermanentWidget(m_activityBar);
    m_activityBar->hide();
    connect(&Activity::instance(), &Activity::changed, this, &MainWindow::updateActivity);

    buildMenus();
    connect(m_sidebar, &NodeSidebar::pageSelected, this, &MainWindow::showPage);
    connect(m_sidebar, &NodeSidebar::addNodeRequested, this, &MainWindow::addNode);
    connect(m_sidebar, &NodeSidebar::editNodeRequested, this, &MainWindow::editNode);
    connect(m_sidebar, &NodeSidebar::removeNodeRequested, this, &MainWindow::removeNode);
    connect(m_volumes, &VolumesPage::browseRequested, this, &MainWindow::openFiles);
    connect(m_files, &FilesPage::backRequested, this, [this] {
        m_stack->setCurrentWidget(m_volumes);
        if (m_node)
            m_sidebar->highlight(m_node, PageId::Volumes);
    });
    connect(m_containers, &ContainersPage::openRequested, this, &MainWindow::openContainer);
    connect(m_events, &EventsPage::openRequested, this, &MainWindow::openContainer);
    connect(m_detail, &ContainerDetailPage::backRequested, this, [this] {
        m_stack->setCurrentWidget(m_containers);
        if (m_node)
            m_sidebar->highlight(m_node, PageId::Containers);
    });
    connect(m_detail, &ContainerDetailPage::browseVolumeRequested, this, &MainWindow::openFiles);
    for (NodeConnection *n : m_nodes->nodes())
        watch(n);
    connect(m_nodes, &NodeManager::nodeAdded, this, &MainWindow::watch);
    connect(m_notifier, &Notifier::activated, this, [this] {
        showNormal();
        activateWindow();
        if (m_node)
            showPage(m_node, PageId::Events);
    });
    connect(m_nodes, &NodeManager::nodeRemoved, this, [this](NodeConnection *n) {
        if (n == m_node)
            showPage(m_sidebar->currentNode(), PageId::Containers);
    });

    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    if (m_nodes->nodes().isEmpty())
        showPage(nullptr, PageId::Containers);
}

NodeConnection *MainWindow::currentNode() const
{
    return m_node;
}

void MainWindow::buildHeader(QWidget *host)
{
    auto *header = new QWidget(host);
    header->setObjectName(QStringLiteral("nodeHeader"));
    header->setAttribute(Qt::WA_StyledBackground);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(24, 10, 24, 10);
    auto *text = new QVBoxLayout;
    text->setSpacing(0);
    m_nodeName->setObjectName(QStringLiteral("nodeName"));
    m_nodeUrl->setObjectName(QStringLiteral("nodeUrl"));
    text->addWidget(m_nodeName);
    text->addWidget(m_nodeUrl);
    layout->addLayout(text, 1);
    m_stateChip->setObjectName(QStringLiteral("stateChip"));
    layout->addWidget(m_stateChip);
    host->layout()->addWidget(header);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(icons::get(QStringLiteral("add")), tr("&Add node…"), QKeySequence(tr("Ctrl+N")), this,
                    &MainWindow::addNode);
    // QKeySequence::Preferences is empty on X11 and Windows: Ctrl+, there, the platform's key elsewhere.
    const QList<QKeySequence> platform = QKeySequence::keyBindings(QKeySequence::Preferences);
    m_settingsAction = file->addAction(icons::get(QStringLiteral("settings")), tr("&Settings…"), this,
                                       &MainWindow::openSettings);
    m_settingsAction->setShortcuts(
        platform.isEmpty() ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)} : platform);
    m_settingsAction->setShortcutContext(Qt::ApplicationShortcut);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(icons::get(QStringLiteral("refresh")), tr("&Refresh"), QKeySequence::Refresh, this,
                    &MainWindow::refreshCurrent);
    view->addAction(tr("&All nodes"), QKeySequence(tr("Ctrl+Shift+A")), this, &MainWindow::showAllNodes);
    view->addAction(tr("Reconnect node"), this, [this] {
        if (m_node)
            m_node->connectNow();
    });
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About lightd admin"), this, [this] {
        QMessageBox::about(
            this, tr("About lightd admin"),
            tr("<h3>lightd admin %1</h3><p>Manages the game and app server containers of one or "
               "more lightd nodes: state, consoles, ports, volumes, files and costs.</p>")
                .arg(QStringLiteral(LIGHTD_VERSION)));
    });
}

void MainWindow::showAllNodes()
{
    m_stack->setCurrentWidget(m_overviewPage);
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString before = translations::configuredLanguage();
    connect(dialog, &QDialog::accepted, this, [this, before] {
        if (translations::configuredLanguage() != before)
            Q_EMIT languageChanged(); // the window host rebuilds the window in the new language
    });
    dialog->open();
    Q_EMIT settingsOpened(dialog);
}

PageId MainWindow::currentPageId() const
{
    QWidget *w = m_stack->currentWidget();
    if (w == m_ports)
        return PageId::Ports;
    if (w == m_volumes || w == m_files)
        return PageId::Volumes;
    if (w == m_billing)
        return PageId::Billing;
    if (w == m_tokens)
        return PageId::Tokens;
    if (w == m_events)
        return PageId::Events;
    return PageId::Containers;
}

void MainWindow::showPage(NodeConnection *node, PageId page)
{
    if (node != m_node) {
        if (m_node)
            disconnect(m_node, nullptr, this, nullptr);
        m_node = node;
        if (node) {
            connect(node, &NodeConnection::stateChanged, this, &MainWindow::updateHeader);
            connect(node, &NodeConnection::infoChanged, this, &MainWindow::updateHeader);
            QSettings().setValue(QStringLiteral("window/lastNode"), node->info().id);
        }
        for (Page *p : std::initializer_list<Page *>{m_containers, m_ports, m_volumes, m_files, m_billing,
                                                     m_events, m_tokens})
            p->setConnection(node);
    }
    QWidget *target = m_containers;
    switch (page) {
    case PageId::Containers:
        target = m_containers;
        break;
    case PageId::Ports:
        target = m_ports;
        break;
    case PageId::Volumes:
        target = m_volumes;
        break;
    case PageId::Billing:
        target = m_billing;
        break;
    case PageId::Events:
        target = m_events;
        break;
    case PageId::Tokens:
        target = m_tokens;
        break;
    }
    m_stack->setCurrentWidget(target);
    QSettings().setValue(QStringLiteral("window/lastPage"), int(page));
    if (node)
        m_sidebar->select(node, page); // no-op when the sidebar already shows it
    updateHeader();
}

void MainWindow::restoreLastNode()
{
    QSettings s;
    NodeConnection *node = m_nodes->node(s.value(QStringLiteral("window/lastNode")).toString());
    if (!node && !m_nodes->nodes().isEmpty())
        node = m_nodes->nodes().first();
    if (!node)
        return;
    auto page = PageId(qBound(0, s.value(QStringLiteral("window/lastPage")).toInt(), int(PageId::Tokens)));
    // Tokens is listed only once the node has confirmed a master token: start on Containers then.
    if (page == PageId::Tokens && node->tokenRole() != NodeConnection::TokenRole::Master)
        page = PageId::Containers;
    // Shown directly: the sidebar may already have this row current (then it emits nothing).
    showPage(node, page);
}

void MainWindow::updateHeader()
{
    if (!m_node) {
        m_nodeName->setText(tr("No node"));
        m_nodeUrl->setText(tr("Add a node to get started"));
        m_stateChip->hide();
        return;
    }
    m_nodeName->setText(m_node->info().name);
    m_nodeUrl->setText(
        m_node->version().isEmpty()
            ? m_node->info().url.toDisplayString()
            : tr("%1 · lightd %2").arg(m_node->info().url.toDisplayString(), m_node->version()));
    m_stateChip->show();
    m_stateChip->setText(m_node->stateText());
    m_stateChip->setToolTip(m_node->stateDetail());
    const bool ok = m_node->isConnected();
    const bool warn = m_node->state() == NodeState::Connecting;
    m_stateChip->setStyleSheet(ok     ? QStringLiteral("color:#166534;background:#dcfce7;")
                               : warn ? QStringLiteral("color:#374151;background:#e5e7eb;")
                                      : QStringLiteral("color:#991b1b;background:#fee2e2;"));
    statusBar()->showMessage(ok ? QString() : m_node->stateDetail());
}

void MainWindow::updateActivity()
{
    const Activity &a = Activity::instance();
    m_activityLabel->setText(a.currentText());
    m_activityBar->setVisible(a.busy());
    m_activityLabel->setVisible(a.busy());
    const int percent = a.currentPercent();
    m_activityBar->setRange(0, percent < 0 ? 0 : 100);
    if (percent >= 0)
        m_activityBar->setValue(percent);
}

void MainWindow::addNode()
{
    NodeDialog dialog(this);
    dialog.setWindowTitle(tr("Add node"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    NodeConnection *node = m_nodes->addNode(dialog.name(), dialog.url(), dialog.token());
    m_sidebar->select(node, PageId::Containers);
}

void MainWindow::editNode(NodeConnection *node)
{
    NodeDialog dialog(this);
    dialog.setWindowTitle(tr("Edit node"));
    dialog.setValues(node->info().name, node->info().url, node->client()->token());
    if (dialog.exec() == QDialog::Accepted)
        m_nodes->updateNode(node, dialog.name(), dialog.url(), dialog.token());
}

void MainWindow::removeNode(NodeConnection *node)
{
    if (QMessageBox::question(
            this, tr("Remove node"),
            tr("Remove %1 from this app? The node itself and its containers are not touched.")
                .arg(node->info().name)) == QMessageBox::Yes)
        m_nodes->removeNode(node);
}

void MainWindow::openFiles(const QString &volumeId)
{
    m_files->openVolume(volumeId);
    m_stack->setCurrentWidget(m_files);
    if (m_node)
        m_sidebar->highlight(m_node, PageId::Volumes); // Files belongs to Volumes
}

void MainWindow::openContainer(const QString &internalId)
{
    if (!m_node || internalId.isEmpty())
        return;
    m_detail->open(m_node, internalId);
    m_stack->setCurrentWidget(m_detail);
    m_sidebar->highlight(m_node, PageId::Containers);
}

// Every node's trouble reaches the desktop, whichever node is shown.
void MainWindow::watch(NodeConnection *node)
{
    connect(node->events(), &NodeEvents::raised, this,
            [this, node](const NodeEvent &event) { m_notifier->notify(node->info().name, event); });
}

void MainWindow::refreshCurrent()
{
    if (auto *page = qobject_cast<Page *>(m_stack->currentWidget()))
        page->refresh();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    auto *view = qobject_cast<TableView *>(watched);
    if (view && view->objectName() == QLatin1StringView("allNodes") && event->type() == QEvent::Resize) {
        // Version and the event count (the node's Events page has them) step aside on a narrow window.
        view->setColumnHidden(NodesOverviewModel::VersionColumn, view->width() < 900);
        view->setColumnHidden(NodesOverviewModel::EventsColumn, view->width() < 900);
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}
} // namespace lightd::gui
