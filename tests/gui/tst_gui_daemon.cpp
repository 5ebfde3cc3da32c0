// lightd-gui pages against a real daemon: ports, volumes, missing features, a node that dies and returns,
// and a main window that fits a small laptop screen in every language.
#include "Await.h"
#include "DaemonProcess.h"
#include "MainWindow.h"
#include "app/Theme.h"
#include "app/Translations.h"
#include "lightd/ApiClient.h"
#include "models/PortsModel.h"
#include "models/VolumesModel.h"
#include "nodes/NodeConnection.h"
#include "nodes/NodeManager.h"
#include "nodes/TokenStore.h"
#include "pages/BillingPage.h"
#include "pages/ContainerDetailPage.h"
#include "pages/ContainersPage.h"
#include "pages/FilesPage.h"
#include "pages/PortsPage.h"
#include "pages/VolumesPage.h"
#include "widgets/ActionBar.h"
#include "widgets/MessageBar.h"
#include "widgets/TableView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>
#include <algorithm>
#include <memory>

using namespace lightd;
using namespace lightd::gui;
using lightd::test::DaemonProcess;
using lightd::test::waitUntil;

namespace {
// A fixed port, so a restarted daemon comes back where the node points.
quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// Who holds a window wide: the widgets under root needing more than 200 px, widest first.
QString widestChain(const QWidget *root, int depth = 0)
{
    QString out = QStringLiteral("%1%2 %3: %4 px\n")
                      .arg(QString(depth * 2, u' '), QString::fromLatin1(root->metaObject()->className()),
                           root->objectName())
                      .arg(root->minimumSizeHint().width());
    QList<QWidget *> kids = root->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
    std::sort(kids.begin(), kids.end(), [](const QWidget *a, const QWidget *b) {
        return a->minimumSizeHint().width() > b->minimumSizeHint().width();
    });
    for (const QWidget *k : kids)
        if (!k->isWindow() && k->minimumSizeHint().width() > 200 && depth < 8)
            out += widestChain(k, depth + 1);
    return out;
}

QList<PortDto> daemonPorts(DaemonProcess &d)
{
    auto r =
        lightd::test::awaitResult<ApiResult<QList<PortDto>>>([&](auto done) { d.client().listPorts(done); });
    return r && r->ok() ? **r : QList<PortDto>{};
}
} // namespace

class TstGuiDaemon : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        m_port = freePort();
        m_daemon = std::make_unique<DaemonProcess>(
            QJsonObject{{QStringLiteral("server"), QJsonObject{{QStringLiteral("port"), m_port}}}});
        QVERIFY(m_daemon->start());
        m_node = std::make_unique<NodeConnection>(
            NodeInfo{QStringLiteral("n1"), QStringLiteral("test"), QUrl(m_daemon->baseUrl())});
        m_node->setBackoff(100, 500);
        m_node->setToken(m_daemon->token());
        QVERIFY(waitUntil([&] { return m_node->isConnected(); }));
        QVERIFY(!m_node->version().isEmpty());
    }

    void wrongTokenIsUnauthorized()
    {
        NodeConnection bad(NodeInfo{QStringLiteral("n2"), QStringLiteral("bad"), QUrl(m_daemon->baseUrl())});
        bad.setToken(QStringLiteral("lightd_wrongwrongwrongwrong"));
        QVERIFY(waitUntil([&] { return bad.state() == NodeState::Unauthorized; }));
        QVERIFY(bad.stateDetail().contains(QStringLiteral("401")));
    }

    void portsPageAddsAndDeletes()
    {
        PortsPage page;
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.setPollInterval(200);
        page.setConnection(m_node.get());
        page.show();

        page.addPorts({PortDto{QStringLiteral("0.0.0.0"), 30000, QStringLiteral("tcp"), false, {}}});
        // One request at a time: the message bar reports whichever reply lands last.
        QVERIFY(waitUntil([&] { return page.model()->rowCount() == 1; }));
        QList<PortDto> range;
        for (int p = 30001; p <= 30005; ++p)
            range.append(PortDto{QStringLiteral("0.0.0.0"), p, QStringLiteral("udp"), false, {}});
        page.addPorts(range);
        QVERIFY(waitUntil([&] { return page.model()->rowCount() == 6; }));
        QCOMPARE(daemonPorts(*m_daemon).size(), 6);
        QVERIFY(waitUntil([&] { return page.messageBar()->text().contains(QStringLiteral("5")); }));

        // A duplicate is refused and the page says why, in the API's words.
        page.addPorts({PortDto{QStringLiteral("0.0.0.0"), 30000, QStringLiteral("tcp"), false, {}}});
        QVERIFY(waitUntil([&] {
            return page.messageBar()->kind() == MessageBar::Kind::Error && page.messageBar()->isVisible();
        }));

        // Select three rows in the view and bulk-delete the selection.
        page.view()->selectAll();
        auto *sel = page.view()->selectionModel();
        sel->clearSelection();
        for (int row = 0; row < 3; ++row)
            sel->select(page.view()->model()->index(row, 0),
                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(page.selectedPorts().size(), 3);
        page.deletePorts(page.selectedPorts());
        QVERIFY(waitUntil([&] { return page.model()->rowCount() == 3; }));
        QCOMPARE(daemonPorts(*m_daemon).size(), 3);

        page.deletePorts({page.model()->row(0)});
        QVERIFY(waitUntil([&] { return page.model()->rowCount() == 2; }));
        QCOMPARE(daemonPorts(*m_daemon).size(), 2);

        // Held ports show their state after the next poll.
        const PortDto held = page.model()->row(0);
        lightd::test::awaitResult<ApiResult<QJsonObject>>(
            [&](auto done) { m_daemon->client().setPortInUse(held.ip, held.port, true, done); });
        QVERIFY(waitUntil(
            [&] { return page.model()->row(page.model()->rowOfKey(PortsModel::key(held))).inUse; }));
    }

    void volumesPageLists()
    {
        for (auto quota : {std::optional<qint64>(64), std::optional<qint64>()})
            QVERIFY(lightd::test::awaitResult<ApiResult<VolumeDto>>([&](auto done) {
                        m_daemon->client().createVolume(quota, done);
                    })->ok());
        VolumesPage page;
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.setPollInterval(200);
        page.setConnection(m_node.get());
        page.show();
        QVERIFY(waitUntil([&] { return page.model()->rowCount() == 2; }));
        page.createVolume(16);
        QVERIFY(waitUntil([&] { return page.model()->rowCount() == 3; }));
        const QString id = page.model()->row(0).volumeId;
        page.deleteVolume(id);
        QVERIFY(waitUntil([&] { return page.model()->rowCount() == 2 && page.model()->rowOfKey(id) < 0; }));
    }

    void missingFeaturesSayNotAvailable()
    {
        // Containers and billing arrive later; until then the pages say so instead of failing.
        ContainersPage containers;
        BillingPage billing;
        for (Page *p : std::initializer_list<Page *>{&containers, &billing}) {
            p->setConnection(m_node.get());
            p->show();
        }
        auto routeServed = [&](const QString &path) {
            auto r = lightd::test::awaitResult<ApiResult<QJsonObject>>(
                [&](auto done) { m_daemon->client().request("GET", path, done); });
            return !(r && Page::isMissingRoute(r->error));
        };
        if (!routeServed(QStringLiteral("/containers")))
            QVERIFY(waitUntil([&] { return containers.isUnavailable(); }));
        if (!routeServed(QStringLiteral("/billing/rates"))) {
            QVERIFY(waitUntil([&] { return billing.isUnavailable(); }));
            // Billing is optional on a node: one line says it has none, no "not available yet".
            QStringList shown;
            for (QLabel *l : billing.findChildren<QLabel *>())
                if (l->isVisible() && !l->text().isEmpty())
                    shown << l->text();
            QVERIFY2(shown.contains(QStringLiteral("This node does not meter usage: it has no billing.")),
                     qPrintable(shown.join(u'|')));
            QVERIFY2(!shown.join(u'|').contains(QStringLiteral("yet")), qPrintable(shown.join(u'|')));
        }
        QVERIFY(m_node->isConnected()); // a missing feature is not a dead node
    }

    void deadNodeShowsErrorAndRecovers()
    {
        PortsPage page;
        page.setPollInterval(200);
        page.setConnection(m_node.get());
        page.show();
        QVERIFY(m_daemon->stop());
        QVERIFY(waitUntil([&] { return m_node->state() == NodeState::Unreachable; }));
        QVERIFY(!m_node->stateDetail().isEmpty());
        QVERIFY(m_daemon->start()); // same data dir, same fixed port
        QVERIFY(waitUntil([&] { return m_node->isConnected(); }, 20000));
        QVERIFY(waitUntil([&] { return page.model()->rowCount() == 2; }));
    }

    void mainWindowFitsASmallScreen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("de") << QStringLiteral("de");
    }

    // An operator on a 1366x768 laptop: no page, in no language, asks for more than 1024 x 700 px,
    // also with a deep folder open and the message bar showing.
    void mainWindowFitsASmallScreen()
    {
        QFETCH(QString, language);
        QStandardPaths::setTestModeEnabled(true); // the window's geometry goes to a test config
        translations::install(language);
        applyTheme(*qApp);
        ApiClient &api = m_daemon->client();
        auto volume =
            lightd::test::awaitResult<ApiResult<VolumeDto>>([&](auto done) { api.createVolume(64, done); });
        QVERIFY(volume && volume->ok());
        const QString volumeId = (*volume)->volumeId;
        QString deep;
        for (const char *part : {"world_the_end", "region-backups", "2024-11-30_nightly", "dimensions",
                                 "minecraft", "overworld", "playerdata"}) {
            deep = FilesPage::join(deep, QString::fromLatin1(part));
            auto r = lightd::test::awaitResult<ApiResult<QJsonObject>>(
                [&](auto done) { api.createFolder(volumeId, deep, done); });
            QVERIFY(r && r->ok());
        }

        TokenStore tokens(TokenStore::Backend::Settings);
        NodeManager nodes(&tokens);
        NodeConnection *node =
            nodes.addNode(QStringLiteral("Frankfurt 1"), QUrl(m_daemon->baseUrl()), m_daemon->token(), false);
        MainWindow window(&nodes);
        window.showPage(node, PageId::Containers);
        window.show();
        QVERIFY(waitUntil([&] { return node->isConnected(); }));
        window.detailPage()->open(node, QStringLiteral("a-container-with-a-rather-long-internal-id-0001"));
        Q_EMIT window.volumesPage()->browseRequested(volumeId);
        window.filesPage()->navigate(deep);
        QVERIFY(waitUntil([&] { return window.filesPage()->currentPath() == deep; }));
        window.portsPage()->messageBar()->showMessage(
            MessageBar::Kind::Error,
            QStringLiteral("Adding port 25565 failed: port_conflict: port 0.0.0.0:25565/tcp "
                           "is already in the pool and bound by container survival-1"));

        for (int i = 0; i < window.stack()->count(); ++i) {
            QWidget *page = window.stack()->widget(i);
            window.stack()->setCurrentWidget(page);
            QVERIFY(waitUntil([&] { return page->isVisible(); }));
            const QSize min = window.minimumSizeHint();
            QVERIFY2(min.width() <= 1024 && min.height() <= 700,
                     qPrintable(QStringLiteral("%1 x %2 px with %3 shown:\n%4")
                                    .arg(min.width())
                                    .arg(min.height())
                                    .arg(QString::fromLatin1(page->metaObject()->className()),
                                         widestChain(&window))));
        }
        // That small, the file actions that do not fit are one click away in "More", none lost.
        window.resize(1024, 700);
        window.stack()->setCurrentWidget(window.filesPage());
        ActionBar *bar = window.filesPage()->actionBar();
        QVERIFY(waitUntil([&] { return bar->moreButton()->isVisible(); }));
        const QList<QAction *> more = bar->overflow();
        QVERIFY(!more.isEmpty());
        QVERIFY(bar->moreButton()->geometry().right() < bar->width());
        for (QAction *a : bar->findChildren<QAction *>(Qt::FindDirectChildrenOnly))
            QVERIFY2(more.contains(a) != bar->button(a)->isVisible(), qPrintable(a->text()));
        translations::install(QStringLiteral("en"));
    }

    void cleanupTestCase()
    {
        m_node.reset();
        m_daemon.reset();
    }

  private:
    quint16 m_port = 0;
    std::unique_ptr<DaemonProcess> m_daemon;
    std::unique_ptr<NodeConnection> m_node;
};

QTEST_MAIN(TstGuiDaemon)
#include "tst_gui_daemon.moc"
