#include "pages/Page.h"

#include "app/Icons.h"
#include "lightd/ErrorCodes.h"
#include "nodes/NodeConnection.h"
#include "widgets/ActionBar.h"
#include "widgets/EmptyState.h"
#include "widgets/MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace lightd::gui {
Page::Page(const QString &title, const QString &subtitle, QWidget *parent)
    : QWidget(parent), m_subtitle(new QLabel(subtitle, this)), m_toolbar(new QHBoxLayout),
      m_actionBar(new ActionBar(this)), m_messages(new MessageBar(this)), m_stack(new QStackedWidget(this)),
      m_unavailable(new EmptyState(this)), m_offline(new EmptyState(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(10);
    auto *titleLabel = new QLabel(title, this);
    titleLabel->setObjectName(QStringLiteral("pageTitle"));
    m_subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    m_subtitle->setWordWrap(true);
    layout->addWidget(titleLabel);
    layout->addWidget(m_subtitle);
    layout->addSpacing(4);
    m_toolbar->setSpacing(6);
    m_toolbar->setContentsMargins(0, 0, 0, 0);
    m_toolbar->addWidget(m_actionBar);
    m_toolbarHost = new QWidget(this);
    m_toolbarHost->setLayout(m_toolbar);
    layout->addWidget(m_toolbarHost);
    layout->addWidget(m_stack, 1);
    m_stack->addWidget(m_unavailable);
    m_stack->addWidget(m_offline);

    connect(m_offline, &EmptyState::actionTriggered, this, [this] {
        if (m_connection)
            m_connection->connectNow();
    });
    m_poll.setInterval(2000);
    connect(&m_poll, &QTimer::timeout, this, &Page::refresh);
}

NodeConnection *Page::connection() const
{
    return m_connection;
}

ApiClient *Page::client() const
{
    return m_connection ? m_connection->client() : nullptr;
}

bool Page::isUnavailable() const
{
    return m_missing;
}

bool Page::isMissingRoute(const ApiErrorDto &error)
{
    return (error.status == 404 && error.code == codes::RouteNotFound) || error.status == 501;
}

void Page::setConnection(NodeConnection *connection)
{
    if (m_connection == connection)
        return;
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    ++m_generation;
    m_inFlight = false;
    m_missing = false;
    m_messages->hide();
    clearData();
    if (m_connection)
        connect(m_connection, &NodeConnection::stateChanged, this, [this] {
            updateView();
            refresh();
        });
    updateView();
    refresh();
}

void Page::setContent(QWidget *content)
{
    m_content = content;
    m_stack->insertWidget(0, content);
    m_stack->setCurrentWidget(content);
}

void Page::setSubtitle(const QString &text)
{
    m_subtitle->setText(text);
}

QAction *Page::addPageAction(const QString &icon, const QString &text, const QString &tip)
{
    return m_actionBar->add(icons::get(icon), text, tip);
}

void Page::refresh()
{
    if (!m_connection || !m_connection->isConnected() || m_inFlight || !isVisible())
        return;
    m_inFlight = true;
    poll();
}

void Page::finishPoll(const ApiErrorDto *error)
{
    m_inFlight = false;
    const bool missing = error && isMissingRoute(*error);
    if (error && !missing && m_connection)
        m_connection->reportError(*error);
    if (missing != m_missing) {
        m_missing = missing;
        updateView();
    }
}

void Page::updateView()
{
    const bool connected = m_connection && m_connection->isConnected();
    if (!m_connection) {
        m_offline->set(QStringLiteral("node"), tr("No node selected"),
                       tr("Add a lightd node with its URL and token to start managing it."));
        m_stack->setCurrentWidget(m_offline);
    } else if (m_missing && !missingFeatureLine().isEmpty()) {
        m_unavailable->set(QStringLiteral("info"), missingFeatureLine(), {});
        m_stack->setCurrentWidget(m_unavailable);
    } else if (m_missing) {
        m_unavailable->set(
            QStringLiteral("soon"), tr("%1: not available on this node yet").arg(featureName()),
            tr("The daemon at %1 does not offer this feature yet. Update lightd on the node and "
               "this page lights up on its own.")
                .arg(m_connection->info().url.toDisplayString()));
        m_stack->setCurrentWidget(m_unavailable);
    } else if (!connected) {
        const bool connecting = m_connection->state() == NodeState::Connecting;
        m_offline->set(connecting ? QStringLiteral("node") : QStringLiteral("offline"),
                       connecting ? tr("Connecting…") : m_connection->stateText(),
                       m_connection->stateDetail());
        m_offline->setAction(connecting ? QString() : tr("Retry now"));
        m_stack->setCurrentWidget(m_offline);
    } else if (m_content) {
        m_stack->setCurrentWidget(m_content);
    }
    // Actions only make sense next to the content they act on.
    m_toolbarHost->setVisible(m_content && m_stack->currentWidget() == m_content);
    m_poll.stop();
    if (connected && isVisible())
        m_poll.start();
}

bool Page::reportResult(const QString &action, const ApiErrorDto &error, bool ok, const QString &success)
{
    if (ok) {
        if (!success.isEmpty())
            showSuccess(success);
        return true;
    }
    showError(action, error);
    return false;
}

void Page::showError(const QString &action, const ApiErrorDto &error)
{
    if (m_connection)
        m_connection->reportError(error);
    m_messages->showMessage(MessageBar::Kind::Error,
                            tr("%1 failed: %2").arg(action, NodeConnection::describe(error)));
}

void Page::showSuccess(const QString &text)
{
    m_messages->showMessage(MessageBar::Kind::Success, text);
}

void Page::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateView();
    refresh();
}

void Page::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_poll.stop();
}
} // namespace lightd::gui
