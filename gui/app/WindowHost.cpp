#include "app/WindowHost.h"

#include "MainWindow.h"
#include "app/Translations.h"

namespace lightd::gui {
WindowHost::WindowHost(NodeManager *nodes, QObject *parent) : QObject(parent), m_nodes(nodes)
{
    m_window = create();
}

WindowHost::~WindowHost()
{
    delete m_window;
}

MainWindow *WindowHost::create()
{
    auto *window = new MainWindow(m_nodes);
    // Queued: the settings dialog that asked is a child of the window about to go.
    connect(window, &MainWindow::languageChanged, this, &WindowHost::rebuild, Qt::QueuedConnection);
    return window;
}

void WindowHost::rebuild()
{
    translations::install();
    MainWindow *old = m_window;
    NodeConnection *node = old ? old->currentNode() : nullptr;
    const PageId page = old ? old->currentPageId() : PageId::Containers;
    const bool visible = old && old->isVisible();
    const QByteArray geometry = old ? old->saveGeometry() : QByteArray();
    m_window = create();
    if (!geometry.isEmpty())
        m_window->restoreGeometry(geometry);
    if (node)
        m_window->showPage(node, page);
    else
        m_window->restoreLastNode();
    if (visible)
        m_window->show();
    if (old) {
        old->hide();
        old->deleteLater();
    }
    Q_EMIT windowReplaced(m_window);
}
} // namespace lightd::gui
