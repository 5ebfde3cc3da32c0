#pragma once
#include "pages/Page.h"

class QAction;

namespace lightd::gui {
class TableView;

// The node's event feed: crashes, out-of-memory kills, failed installs, newest first. The events
// come from the node's NodeEvents watcher, which runs whether this page is open or not.
class EventsPage final : public Page
{
    Q_OBJECT
  public:
    explicit EventsPage(QWidget *parent = nullptr);
    TableView *view() const { return m_view; }
    // Right-click menu of the list: open the event's container, copy the selected events.
    QAction *openAction() const { return m_open; }
    QAction *copyAction() const { return m_copy; }

  Q_SIGNALS:
    void openRequested(const QString &internalId);

  protected:
    void poll() override;
    void clearData() override;
    QString featureName() const override;

  private:
    void updateSubtitle();
    void updateActions();
    QList<int> selectedRows() const;

    TableView *m_view;
    QAction *m_open;
    QAction *m_copy;
};
} // namespace lightd::gui
