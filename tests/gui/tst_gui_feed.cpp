// Issue 21 against the real daemon and Docker: a restart shows in the node's event feed within 3 s of
// the container being up again, the event list's right-click menu, the host's CPU and memory per
// node on the all-nodes page, dialogs in the main window's look, and the billing page: rates, an
// estimate and the metered usage per container; the lists fit 1024 px without scrolling sideways.
#include "GuiNode.h"
#include "dialogs/CreateVolumeDialog.h"
#include "models/EventsModel.h"
#include "models/NodesOverviewModel.h"
#include "models/UsageModel.h"
#include "nodes/NodeEvents.h"
#include "pages/BillingPage.h"
#include "pages/EventsPage.h"
#include "pages/FilesPage.h"
#include "pages/TokensPage.h"
#include "pages/VolumesPage.h"
#include "widgets/TableView.h"

#include <QAction>
#include <QChartView>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableWidget>

using namespace lightd;
using namespace lightd::gui;
using lightd::test::awaitResult;
using lightd::test::GuiNode;
using lightd::test::waitUntil;

class TstGuiFeed : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(n.start(why), qPrintable(why));
    }

    // A restart is in the feed within 3 s of the container being up again (the states alone can
    // miss it); the event list has a right-click menu that opens the container.
    void restartShowsInFeed()
    {
        MainWindow *w = n.window();
        NodeEvents *events = n.node->events();
        // The watcher has seen it up once (the restart must come after, or there is nothing to notice).
        QVERIFY(waitUntil([&] { return events->runningCount() == 1; }));
        const int before = events->model()->rowCount();
        auto r = awaitResult<ApiResult<QJsonObject>>(
            [&](auto done) { n.daemon->client().power(n.ids.at(0), QStringLiteral("restart"), done); },
            60000);
        QVERIFY2(r && r->ok(), r ? qPrintable(r->error.message) : "timeout");
        int row = -1;
        QVERIFY(waitUntil(
            [&] {
                for (int i = before; i < events->model()->rowCount(); ++i)
                    if (events->model()->row(i).kind == NodeEvent::Kind::Restarted &&
                        events->model()->row(i).container == n.ids.at(0))
                        row = i;
                return row >= 0;
            },
            90000));
        // How long it has been up again when the feed showed it.
        auto summary =
            awaitResult<ApiResult<NodeSummaryDto>>([&](auto done) { n.daemon->client().nodeSummary(done); });
        QVERIFY(summary && summary->ok());
        std::optional<qint64> up;
        for (const ContainerUsageDto &c : (*summary)->containers)
            if (c.internalId == n.ids.at(0))
                up = c.uptimeS;
        QVERIFY(up);
        qInfo() << "the restart was in the feed" << *up << "s after the container was up again";
        QVERIFY2(*up <= 3, qPrintable(QString::number(*up)));

        w->showPage(n.node, PageId::Events);
        EventsPage *page = w->eventsPage();
        QCOMPARE(page->view()->contextMenuPolicy(), Qt::ActionsContextMenu);
        page->view()->selectSourceRow(row);
        QVERIFY(page->openAction()->isEnabled());
        page->copyAction()->trigger();
        QVERIFY2(QGuiApplication::clipboard()->text().contains(n.ids.at(0) + QStringLiteral("\tRestarted")),
                 qPrintable(QGuiApplication::clipboard()->text()));
        page->openAction()->trigger();
        QVERIFY(waitUntil(
            [&] { return w->stack()->currentWidget() == reinterpret_cast<QWidget *>(w->detailPage()); }));
    }

    // All nodes: the host's CPU and memory per node, from the same poll as the counts.
    void allNodesCpuAndMemory()
    {
        MainWindow *w = n.window();
        w->showAllNodes();
        NodesOverviewModel *all = w->overviewModel();
        QCOMPARE(all->rowCount(), 1);
        QVERIFY2(waitUntil([&] {
                     return QRegularExpression(QStringLiteral("^\\d+\\.\\d %$"))
                         .match(all->index(0, NodesOverviewModel::CpuColumn).data().toString())
                         .hasMatch();
                 }),
                 qPrintable(all->index(0, NodesOverviewModel::CpuColumn).data().toString()));
        QVERIFY2(
            all->index(0, NodesOverviewModel::MemoryColumn).data().toString().contains(QStringLiteral(" / ")),
            qPrintable(all->index(0, NodesOverviewModel::MemoryColumn).data().toString()));
        QCOMPARE(all->index(0, NodesOverviewModel::RunningColumn).data().toInt(), 1);
        // The view is told: every poll of the node's watcher changes the row.
        QSignalSpy changed(all, &QAbstractItemModel::dataChanged);
        QVERIFY(changed.wait(5000));
    }

    // Dialogs wear the main window's look: the default button in the accent colour, inputs on cards.
    void dialogsStyledLikeTheWindow()
    {
        CreateVolumeDialog dialog(n.window());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *box = dialog.findChild<QDialogButtonBox *>();
        QPushButton *create = box->button(QDialogButtonBox::Ok);
        QVERIFY(create->isDefault() || create->autoDefault());
        create->setDefault(true);
        const QImage shot = create->grab().toImage();
        const QColor middle = shot.pixelColor(shot.width() / 2, 3 * shot.height() / 4);
        QVERIFY2(qAbs(middle.red() - 0x2f) < 24 && qAbs(middle.green() - 0x5b) < 24 &&
                     qAbs(middle.blue() - 0xd3) < 24,
                 qPrintable(middle.name()));
        const QColor dialogBack = dialog.grab().toImage().pixelColor(2, 2);
        QCOMPARE(dialogBack.name(), QStringLiteral("#f6f7f9"));
        dialog.reject();
    }

    // Billing: the node's rates, an estimate by its formula, and the metered usage per container
    // with its cost chart.
    void billingPage()
    {
        MainWindow *w = n.window();
        w->showPage(n.node, PageId::Billing);
        BillingPage *page = w->billingPage();
        page->setPollInterval(500);
        QStringList rates;
        QVERIFY(waitUntil([&] {
            rates.clear();
            for (QLabel *l : page->findChildren<QLabel *>(QStringLiteral("rateValue")))
                rates << l->text();
            return rates == QStringList{QStringLiteral("0.0100"), QStringLiteral("0.0200"),
                                        QStringLiteral("0.0010"), QStringLiteral("0.0500")};
        }));
        // 4 GB, 2 vCPU, 20 GB, 100 GB a month: 0.04 + 0.04 + 0.02 + 100 x 0.05 / 30 / 24 an hour.
        auto *result = page->findChild<QTableWidget *>();
        QVERIFY(result);
        QVERIFY(waitUntil([&] { return result->item(4, 0) && !result->item(4, 0)->text().isEmpty(); }));
        QCOMPARE(result->item(4, 0)->text(), QStringLiteral("0.1069"));
        QCOMPARE(result->item(3, 2)->text(), QStringLiteral("5.00"));
        // The running container is metered each second: its row and a cost above zero.
        UsageModel *usage = page->usageModel();
        QVERIFY2(waitUntil(
                     [&] {
                         const int row = usage->rowOfKey(n.ids.at(0));
                         return row >= 0 && usage->row(row).estimatedCost > 0 &&
                                usage->row(row).durationHours > 0;
                     },
                     30000),
                 qPrintable(QString::number(usage->rowCount())));
        QVERIFY(!page->findChildren<QChartView *>().isEmpty());
        QVERIFY(!page->isUnavailable());
    }

    // A small laptop's 1024 x 700: no list scrolls sideways (the screenshots check the same).
    void narrowWindowListsFit()
    {
        MainWindow *w = n.window();
        w->resize(1024, 700);
        auto fits = [&](TableView *view) {
            QApplication::processEvents();
            return waitUntil([&] { return view->isVisible() && view->model()->rowCount() > 0; }) &&
                   view->horizontalScrollBar()->maximum() == 0;
        };
        w->showPage(n.node, PageId::Volumes);
        QVERIFY(fits(w->volumesPage()->view()));
        w->showPage(n.node, PageId::Tokens);
        w->tokensPage()->createToken(QStringLiteral("7d"), false, {QStringLiteral("api")},
                                     QStringLiteral("panel"));
        QVERIFY(fits(w->tokensPage()->view()));
        Q_EMIT w->volumesPage()->browseRequested(n.volumeId);
        QFile file(n.volumePath +
                   QStringLiteral("/a-file-with-a-rather-long-name-for-a-small-window.properties"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(fits(w->filesPage()->view()));
        w->showAllNodes();
        QVERIFY(fits(w->findChild<TableView *>(QStringLiteral("allNodes"))));
        w->resize(1280, 800);
    }

    void cleanup()
    {
        if (QTest::currentTestFailed() && n.daemon)
            qWarning().noquote() << "daemon log tail:\n" << n.daemon->log().right(6000);
    }

    void cleanupTestCase() { n.stop(); }

  private:
    // Metering every second with rates of its own, for the billing page.
    GuiNode n{QStringLiteral("guifd-"),
              QJsonObject{{QStringLiteral("monitoring"),
                           QJsonObject{{QStringLiteral("interval_ms"), 1000},
                                       {QStringLiteral("billing"),
                                        QJsonObject{{QStringLiteral("memory_per_gb_hour"), 0.01},
                                                    {QStringLiteral("cpu_per_vcpu_hour"), 0.02},
                                                    {QStringLiteral("storage_per_gb_hour"), 0.001},
                                                    {QStringLiteral("egress_per_gb"), 0.05}}}}}}};
};

QTEST_MAIN(TstGuiFeed)
#include "tst_gui_feed.moc"
