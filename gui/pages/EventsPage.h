#pragma once
#include "pages/Page.h"

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

  protected:
    void poll() override;
    void clearData() override;
    QString featureName() const override;

  private:
    void updateSubtitle();

    TableView *m_view;
};
} // namespace lightd::gui
