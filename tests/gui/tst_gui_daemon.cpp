// lightd-gui pages against a real daemon: ports, volumes, missing features, a node that dies and returns.
#include "Await.h"
#include "DaemonProcess.h"
#include "lightd/ApiClient.h"
#include "models/PortsModel.h"
#include "models/VolumesModel.h"
#include "nodes/NodeConnection.h"
#include "pages/BillingPage.h"
#include "pages/ContainersPage.h"
#include "pages/PortsPage.h"
#include "pages/VolumesPage.h"
#include "widgets/MessageBar.h"
#include "widgets/TableView.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>
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

QList<PortDto> daemonPorts(DaemonProcess &d)
{
    auto r = lightd::test::awaitResult<ApiResult<QList<PortDto>>>([&](auto done) { d.client().listPorts(done); });
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
        m_daemon = std::make_unique<DaemonProcess>(QJsonObject{
            {QStringLiteral("server"), QJsonObject{{QStringLiteral("port"), m_port}}}});
        QVERIFY(m_daemon->start());
        m_node = std::make_unique<NodeConnection>(NodeInfo{QStringLiteral("n1"), QStringLiteral("test"), QUrl(m_daemon->baseUrl())});
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
        QVERIFY(waitUntil([&] { return page.messageBar()->kind() == MessageBar::Kind::Error && page.messageBar()->isVisible(); }));

        // Select three rows in the view and bulk-delete the selection.
        page.view()->selectAll();
        auto *sel = page.view()->selectionModel();
        sel->clearSelection();
        for (int row = 0; row < 3; ++row)
            sel->select(page.view()->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(page.selectedPorts().size(), 3);
        page.deletePorts(page.selectedPorts());
        QVERIFY(waitUntil([&] { return page.model()->rowCount() == 3; }));
        QCOMPARE(daemonPorts(*m_daemon).size(), 3);

        page.deletePorts({page.model()->row(0)});
        QVERIFY(waitUntil([&] { return page.model()->rowCount() == 2; }));
        QCOMPARE(daemonPorts(*m_daemon).size(), 2);

        // Held ports show their state after the next poll.
        const PortDto held = page.model()->row(0);
        lightd::test::awaitResult<ApiResult<QJsonObject>>([&](auto done) { m_daemon->client().setPortInUse(held.ip, held.port, true, done); });
        QVERIFY(waitUntil([&] { return page.model()->row(page.model()->rowOfKey(PortsModel::key(held))).inUse; }));
    }

    void volumesPageLists()
    {
        for (auto quota : {std::optional<qint64>(64), std::optional<qint64>()})
            QVERIFY(lightd::test::awaitResult<ApiResult<VolumeDto>>([&](auto done) { m_daemon->client().createVolume(quota, done); })->ok());
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
            auto r = lightd::test::awaitResult<ApiResult<QJsonObject>>([&](auto done) { m_daemon->client().request("GET", path, done); });
            return !(r && Page::isMissingRoute(r->error));
        };
        if (!routeServed(QStringLiteral("/containers")))
            QVERIFY(waitUntil([&] { return containers.isUnavailable(); }));
        if (!routeServed(QStringLiteral("/billing/rates")))
            QVERIFY(waitUntil([&] { return billing.isUnavailable(); }));
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
