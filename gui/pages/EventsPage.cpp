#include "pages/EventsPage.h"

#include "models/EventsModel.h"
#include "nodes/NodeConnection.h"
#include "nodes/NodeEvents.h"
#include "widgets/TableView.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace lightd::gui {
EventsPage::EventsPage(QWidget *parent)
    : Page(tr("Events"), tr("Crashes, out-of-memory kills and failed installs on this node."), parent),
      m_view(new TableView(this))
{
    setContent(m_view);
}

QString EventsPage::featureName() const
{
    return tr("Events");
}

void EventsPage::poll()
{
    finishPoll(nullptr); // the watcher pushes; nothing to ask
    updateSubtitle();
}

void EventsPage::clearData()
{
    NodeConnection *node = connection();
    if (!node) {
        m_view->setModel(nullptr);
        return;
    }
    EventsModel *model = node->events()->model();
    m_view->setSourceModel(model, EventsModel::TimeColumn);
    m_view->sortByColumn(EventsModel::TimeColumn, Qt::DescendingOrder);
    m_view->horizontalHeader()->resizeSection(EventsModel::TimeColumn, 170);
    m_view->horizontalHeader()->resizeSection(EventsModel::ContainerColumn, 200);
    m_view->horizontalHeader()->resizeSection(EventsModel::KindColumn, 140);
    connect(model, &QAbstractItemModel::rowsInserted, this, &EventsPage::updateSubtitle,
            Qt::UniqueConnection);
    updateSubtitle();
}

void EventsPage::updateSubtitle()
{
    NodeConnection *node = connection();
    const int n = node ? node->events()->model()->rowCount() : 0;
    setSubtitle(n == 0 ? tr("Nothing went wrong since this app started watching the node.")
                       : tr("%n event(s) since this app started watching the node.", nullptr, n));
}
} // namespace lightd::gui
