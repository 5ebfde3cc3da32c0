#include "pages/EventsPage.h"

#include "models/EventsModel.h"
#include "nodes/NodeConnection.h"
#include "nodes/NodeEvents.h"
#include "widgets/TableView.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>

namespace lightd::gui {
EventsPage::EventsPage(QWidget *parent)
    : Page(tr("Events"), tr("Crashes, out-of-memory kills and failed installs on this node."), parent),
      m_view(new TableView(this)), m_open(new QAction(tr("Open container"), this)),
      m_copy(new QAction(tr("Copy"), this))
{
    setContent(m_view);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_open, m_copy});
    connect(m_open, &QAction::triggered, this, [this] {
        const QList<int> rows = selectedRows();
        if (!rows.isEmpty())
            Q_EMIT openRequested(connection()->events()->model()->row(rows.first()).container);
    });
    // One line per event, tab-separated like the columns, for a ticket or a chat.
    connect(m_copy, &QAction::triggered, this, [this] {
        QStringList lines;
        const EventsModel *model = connection() ? connection()->events()->model() : nullptr;
        for (int row : selectedRows()) {
            QStringList cells;
            for (int c = 0; c < EventsModel::ColumnCount; ++c)
                cells << model->index(row, c).data().toString();
            lines << cells.join(u'\t');
        }
        if (!lines.isEmpty())
            QGuiApplication::clipboard()->setText(lines.join(u'\n'));
    });
    updateActions();
}

QList<int> EventsPage::selectedRows() const
{
    return m_view->selectionModel() ? m_view->selectedSourceRows() : QList<int>();
}

void EventsPage::updateActions()
{
    const QList<int> rows = selectedRows();
    m_open->setEnabled(rows.size() == 1);
    m_copy->setEnabled(!rows.isEmpty());
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
        updateActions();
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
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EventsPage::updateActions);
    updateActions();
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
