#pragma once
#include "lightd/ApiResult.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QAction;
class QStackedWidget;
class QVBoxLayout;

namespace lightd {
class ApiClient;
}

namespace lightd::gui {
class ActionBar;
class EmptyState;
class MessageBar;
class NodeConnection;

// Frame of every resource page: title, toolbar (actions that do not fit go into a "More" menu, so
// no page forces the window wider than a small laptop), message banner and a stack that shows either the
// content, "not available on this node yet" (the route is missing: 404 route_not_found or 501),
// or "node offline". Polls every 2 s while visible and the node is connected, one call at a time.
class Page : public QWidget
{
    Q_OBJECT
  public:
    Page(const QString &title, const QString &subtitle, QWidget *parent = nullptr);

    ActionBar *actionBar() const { return m_actionBar; }

    void setConnection(NodeConnection *connection);
    NodeConnection *connection() const;
    ApiClient *client() const;

    bool isUnavailable() const;
    MessageBar *messageBar() const { return m_messages; }
    void setPollInterval(int ms) { m_poll.setInterval(ms); }

    static bool isMissingRoute(const ApiErrorDto &error);

    // Wraps an API callback so it is dropped when the page is gone or has moved to another node.
    template <typename T, typename F> auto guarded(F f)
    {
        return [self = QPointer<Page>(this), generation = m_generation, f](const ApiResult<T> &r) {
            if (self && self->m_generation == generation)
                f(r);
        };
    }

  public Q_SLOTS:
    void refresh();

  protected:
    // Start the poll call; call finishPoll() from its answer.
    virtual void poll() = 0;
    // The node changed: drop everything shown for the old one.
    virtual void clearData() = 0;
    virtual QString featureName() const = 0;
    // A page whose feature is optional on a node says so in this one line instead of "not yet".
    virtual QString missingFeatureLine() const { return {}; }

    void finishPoll(const ApiErrorDto *error);
    void setContent(QWidget *content);
    // The toolbar row: the actions, then whatever a page adds (a stretch and its search field).
    QHBoxLayout *toolbar() const { return m_toolbar; }
    QAction *addPageAction(const QString &icon, const QString &text, const QString &tip = {});
    void setSubtitle(const QString &text);

    // An action answered: show why it failed (the API's message) or say it worked.
    bool reportResult(const QString &action, const ApiErrorDto &error, bool ok, const QString &success = {});
    void showError(const QString &action, const ApiErrorDto &error);
    void showSuccess(const QString &text);

    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

  private:
    void updateView();

    QPointer<NodeConnection> m_connection;
    QLabel *m_subtitle;
    QHBoxLayout *m_toolbar;
    ActionBar *m_actionBar;
    QWidget *m_toolbarHost;
    MessageBar *m_messages;
    QStackedWidget *m_stack;
    QWidget *m_content = nullptr;
    EmptyState *m_unavailable;
    EmptyState *m_offline;
    QTimer m_poll;
    bool m_inFlight = false;
    bool m_missing = false;
    quint64 m_generation = 0;
};
} // namespace lightd::gui
