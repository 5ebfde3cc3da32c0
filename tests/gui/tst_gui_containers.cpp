// lightd-gui against the real daemon and the real Docker engine (image lightd-test:busybox): a
// container created from the dialog appears and runs; its detail page is live over the WebSocket,
// takes commands typed into the console, survives a daemon restart, and changes resources, ports,
// startup and install; a token without console scope falls back to polling; the tokens page manages tokens.
#include "Await.h"
#include "DaemonProcess.h"
#include "dialogs/CreateContainerDialog.h"
#include "dialogs/RebindDialog.h"
#include "dialogs/StartupDialog.h"
#include "feed/WebSocketContainerFeed.h"
#include "lightd/ApiClient.h"
#include "models/ContainersModel.h"
#include "models/TokensModel.h"
#include "nodes/NodeConnection.h"
#include "pages/ContainerDetailPage.h"
#include "pages/ContainersPage.h"
#include "pages/TokensPage.h"
#include "widgets/CommandLine.h"
#include "widgets/ConsoleWidget.h"
#include "widgets/MessageBar.h"
#include "widgets/StatsView.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>
#include <memory>

using namespace lightd;
using namespace lightd::gui;
using lightd::test::awaitResult;
using lightd::test::DaemonProcess;
using lightd::test::waitUntil;
using Transport = WebSocketContainerFeed::Transport;

namespace {
const QString kImage = QStringLiteral("lightd-test:busybox");
// Answers every line on stdin; "Server ready" marks it running.
const QString kEcho =
    QStringLiteral("bash -c 'echo Server ready; while read -r l; do echo \"got: $l\"; done'");
const QString kPrefix = QStringLiteral("guict-"); // this executable's containers, removed before and after

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::Any, 0);
    return s.serverPort();
}

QByteArray run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(180000))
        p.kill();
    return p.readAll();
}

void removeLeftovers()
{
    const QByteArray ids =
        run(QStringLiteral("docker"), {QStringLiteral("ps"), QStringLiteral("-aq"),
                                       QStringLiteral("--filter"), QStringLiteral("name=lightd-") + kPrefix});
    QStringList rm{QStringLiteral("rm"), QStringLiteral("-f")};
    for (const QByteArray &id : ids.split('\n'))
        if (!id.trimmed().isEmpty())
            rm << QString::fromLatin1(id.trimmed());
    if (rm.size() > 2)
        run(QStringLiteral("docker"), rm);
}

QString consoleText(ContainerDetailPage &page)
{
    return page.console()->output()->toPlainText();
}
} // namespace

class TstGuiContainers : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        const QString source = qEnvironmentVariable("LIGHTD_SOURCE_DIR");
        QVERIFY(!source.isEmpty());
        QProcess image;
        image.start(QStringLiteral("bash"), {source + QStringLiteral("/tests/support/make-test-image.sh")});
        QVERIFY(image.waitForFinished(180000) && image.exitCode() == 0);
        removeLeftovers();

        m_daemon = std::make_unique<DaemonProcess>(
            QJsonObject{{QStringLiteral("server"), QJsonObject{{QStringLiteral("port"), freePort()}}},
                        {QStringLiteral("sftp"), QJsonObject{{QStringLiteral("enabled"), false}}}});
        QVERIFY(startDaemon());
        m_node = std::make_unique<NodeConnection>(
            NodeInfo{QStringLiteral("n1"), QStringLiteral("node"), QUrl(m_daemon->baseUrl())});
        m_node->setBackoff(100, 500);
        m_node->setToken(m_daemon->token());
        QVERIFY(waitUntil([&] { return m_node->isConnected(); }));
        QVERIFY(waitUntil([&] { return m_node->tokenRole() == NodeConnection::TokenRole::Master; }));

        auto volume = awaitResult<ApiResult<VolumeDto>>(
            [&](auto done) { m_daemon->client().createVolume(std::nullopt, done); });
        QVERIFY(volume && volume->ok());
        m_volume = (*volume)->volumeId;
        m_port1 = freePort();
        do
            m_port2 = freePort();
        while (m_port2 == m_port1);
        for (int port : {m_port1, m_port2}) {
            auto added = awaitResult<ApiResult<QJsonObject>>([&](auto done) {
                m_daemon->client().addPort(
                    PortDto{QStringLiteral("0.0.0.0"), port, QStringLiteral("tcp"), false, {}}, done);
            });
            QVERIFY(added && added->ok());
        }
        m_id = kPrefix + QStringLiteral("echo");
    }

    void createFromDialogAppearsAndIsInstalled()
    {
        m_containers = std::make_unique<ContainersPage>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_containers->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_containers->setPollInterval(200);
        m_containers->setConnection(m_node.get());
        m_containers->show();
        QVERIFY(waitUntil([&] { return m_containers->isShowingEmptyState(); }));

        CreateContainerDialog *dialog = m_containers->openCreateDialog();
        QVERIFY(dialog);
        auto *volume = dialog->findChild<QComboBox *>(QStringLiteral("volume"));
        auto *ports = dialog->findChild<QListWidget *>(QStringLiteral("ports"));
        QVERIFY(volume && ports);
        QVERIFY(waitUntil([&] { return volume->count() == 1 && ports->count() == 2; }));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("internalId")), m_id);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("image")), kImage);
        dialog->findChild<QLineEdit *>(QStringLiteral("startupCommand"))->setText(kEcho);
        dialog->findChild<QLineEdit *>(QStringLiteral("startPattern"))
            ->setText(QStringLiteral("Server ready"));
        for (int i = 0; i < ports->count(); ++i)
            if (ports->item(i)->data(Qt::UserRole).toInt() == m_port1)
                ports->item(i)->setCheckState(Qt::Checked);
        auto *create = dialog->findChild<QPushButton *>(QStringLiteral("createButton"));
        QVERIFY(create && create->isEnabled());
        QTest::mouseClick(create, Qt::LeftButton);

        QVERIFY(waitUntil([&] { return m_containers->model()->rowOfKey(m_id) >= 0; }));
        QVERIFY(!m_containers->isShowingEmptyState());
        QVERIFY(waitUntil([&] { return rowState() == QLatin1StringView("ready"); }, 90000));
        const auto record = awaitResult<ApiResult<ContainerDto>>(
            [&](auto done) { m_daemon->client().getContainer(m_id, done); });
        QVERIFY(record && record->ok());
        QCOMPARE((*record)->ports.size(), 1);
        QCOMPARE((*record)->ports.first().hostPort, m_port1);
    }

    void detailPageIsLiveAndTakesCommands()
    {
        m_detail = std::make_unique<ContainerDetailPage>();
        m_detail->resize(1100, 700);
        m_detail->open(m_node.get(), m_id);
        m_detail->show();
        QVERIFY(waitUntil([&] { return feed() && feed()->transport() == Transport::Live; }));
        QVERIFY(m_detail->transportLabel()->isVisible());

        // The state comes over the socket; starting enables the stop button once it runs.
        QPushButton *start = m_detail->powerButton(QStringLiteral("start"));
        QVERIFY(waitUntil([&] { return start->isEnabled(); }));
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(waitUntil([&] { return consoleText(*m_detail).contains(QStringLiteral("Server ready")); },
                          30000));
        QVERIFY(waitUntil([&] { return m_detail->powerButton(QStringLiteral("stop"))->isEnabled(); }, 30000));
        QCOMPARE(feed()->state(), QStringLiteral("running"));
        QVERIFY(waitUntil([&] { return rowState() == QLatin1StringView("running"); }));

        // Typed into the console's command line, answered by the container's stdin loop.
        CommandLine *input = m_detail->console()->commandLine();
        QVERIFY(waitUntil([&] { return input->isEnabled(); }));
        QTest::keyClicks(input, QStringLiteral("hello-gui"));
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(waitUntil([&] { return consoleText(*m_detail).contains(QStringLiteral("got: hello-gui")); }));
        QVERIFY(consoleText(*m_detail).contains(QStringLiteral("› hello-gui"))); // the command is echoed
        QVERIFY(logs().contains(QStringLiteral("got: hello-gui")));
        QCOMPARE(input->text(), QString());

        QVERIFY(waitUntil([&] { return m_detail->stats()->sampleCount() >= 2; }, 20000));
        QVERIFY(waitUntil([&] { return m_detail->sftpText().contains(QStringLiteral("No SFTP login")); }));
        QVERIFY(waitUntil([&] { return m_detail->record().has_value(); }));
    }

    void refusedActionSaysWhy()
    {
        // Start while running: the daemon refuses over the socket and the page shows its reason.
        feed()->power(QStringLiteral("start"));
        QVERIFY(waitUntil([&] {
            return m_detail->messageBar()->isVisible() &&
                   m_detail->messageBar()->kind() == MessageBar::Kind::Error;
        }));
        // The daemon's own words ("Cannot start a container that is running"), not a generic failure.
        QVERIFY2(m_detail->messageBar()->text().contains(QStringLiteral("that is running")),
                 qPrintable(m_detail->messageBar()->text()));
    }

    void resourcesChangeLive()
    {
        ResourcesDto memory;
        memory.memory = 512LL * 1024 * 1024;
        memory.cpu = 0.5;
        m_detail->applyResources(memory, 32);
        QVERIFY(waitUntil([&] {
            return m_detail->messageBar()->kind() == MessageBar::Kind::Success &&
                   m_detail->messageBar()->isVisible();
        }));
        QVERIFY(waitUntil(
            [&] { return m_detail->record() && m_detail->record()->limits.memory == 512LL * 1024 * 1024; }));
        const auto live = awaitResult<ApiResult<ResourcesDto>>(
            [&](auto done) { m_daemon->client().containerResources(m_id, done); });
        QVERIFY(live && live->ok());
        QCOMPARE((*live)->memory.value_or(0), 512LL * 1024 * 1024);
        const auto volume = awaitResult<ApiResult<VolumeDto>>(
            [&](auto done) { m_daemon->client().getVolume(m_volume, done); });
        QVERIFY(volume && volume->ok());
        QCOMPARE((*volume)->quotaMb.value_or(0), 32);

        // Out of the API's range: refused with the API's message, which names the field.
        ResourcesDto bad;
        bad.cpuShares = 1;
        m_detail->applyResources(bad, std::nullopt);
        QVERIFY(waitUntil([&] { return m_detail->messageBar()->kind() == MessageBar::Kind::Error; }));
        QVERIFY2(m_detail->messageBar()->text().contains(QStringLiteral("cpu_shares")),
                 qPrintable(m_detail->messageBar()->text()));
    }

    void rebindFromDialog()
    {
        // A port outside the pool is refused before anything changes, and the page says why.
        PortBindingDto outside;
        outside.hostPort = 1;
        outside.containerPort = 1;
        m_detail->rebind({outside});
        QVERIFY2(waitUntil([&] {
                     return m_detail->messageBar()->kind() == MessageBar::Kind::Error &&
                            m_detail->messageBar()->text().contains(QStringLiteral("pool"));
                 }),
                 qPrintable(m_detail->messageBar()->text()));

        RebindDialog *dialog = m_detail->openRebindDialog();
        QVERIFY(waitUntil([&] {
            return dialog->setBound(QStringLiteral("0.0.0.0"), m_port2, QStringLiteral("tcp"), true, 8080);
        }));
        QVERIFY(dialog->setBound(QStringLiteral("0.0.0.0"), m_port1, QStringLiteral("tcp"), false));
        QCOMPARE(dialog->bindings().size(), 1);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("applyButton")), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return m_detail->messageBar()->kind() == MessageBar::Kind::Success; }));
        QVERIFY(waitUntil(
            [&] {
                return m_detail->record() && m_detail->record()->ports.size() == 1 &&
                       m_detail->record()->ports.first().hostPort == m_port2;
            },
            30000));
        QCOMPARE(m_detail->record()->ports.first().containerPort, 8080);
        QVERIFY(waitUntil([&] { return feed()->state() == QLatin1StringView("running"); }, 60000));
    }

    void reinstallShowsInstallOutput()
    {
        m_detail->reinstall(std::nullopt, QStringLiteral("#!/bin/bash\necho reinstall-marker-$((6 * 7))"));
        QVERIFY(waitUntil(
            [&] { return consoleText(*m_detail).contains(QStringLiteral("reinstall-marker-42")); }, 90000));
        // A reinstalled container is installed, not started: start it again from its page.
        QVERIFY2(waitUntil([&] { return feed()->state() == QLatin1StringView("ready"); }, 90000),
                 qPrintable(feed()->state()));
        QPushButton *start = m_detail->powerButton(QStringLiteral("start"));
        QVERIFY(waitUntil([&] { return start->isEnabled(); }));
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(waitUntil([&] { return feed()->state() == QLatin1StringView("running"); }, 30000));
        QVERIFY(waitUntil([&] { return m_detail->powerButton(QStringLiteral("stop"))->isEnabled(); }));
    }

    void consoleReconnectsAfterDaemonRestart()
    {
        feed()->setBackoff(100, 500);
        QVERIFY(m_daemon->stop());
        QVERIFY(waitUntil([&] { return feed()->transport() == Transport::Reconnecting; }));
        QVERIFY(startDaemon());
        QVERIFY(waitUntil([&] { return feed()->transport() == Transport::Live; }, 30000));
        QVERIFY(waitUntil([&] { return feed()->state() == QLatin1StringView("running"); }, 60000));
        QVERIFY(waitUntil([&] { return m_detail->console()->commandLine()->isEnabled(); }));
        QTest::keyClicks(m_detail->console()->commandLine(), QStringLiteral("after-restart"));
        QTest::keyClick(m_detail->console()->commandLine(), Qt::Key_Return);
        QVERIFY(waitUntil(
            [&] { return consoleText(*m_detail).contains(QStringLiteral("got: after-restart")); }, 20000));
        // The history replayed on reconnect did not repeat lines already shown.
        QCOMPARE(consoleText(*m_detail).count(QStringLiteral("got: hello-gui")), 1);
    }

    void tokenWithoutConsoleScopeFallsBackToPolling()
    {
        auto token = awaitResult<ApiResult<CreatedTokenDto>>([&](auto done) {
            m_daemon->client().createToken(QStringLiteral("15m"), false, {QStringLiteral("api")}, done);
        });
        QVERIFY(token && token->ok());
        NodeConnection scoped(
            NodeInfo{QStringLiteral("n2"), QStringLiteral("scoped"), QUrl(m_daemon->baseUrl())});
        scoped.setToken((*token)->token);
        QVERIFY(waitUntil([&] { return scoped.isConnected(); }));
        QVERIFY(waitUntil([&] { return scoped.tokenRole() == NodeConnection::TokenRole::Scoped; }));

        ContainerDetailPage page;
        page.open(&scoped, m_id);
        page.show();
        auto *polling = qobject_cast<WebSocketContainerFeed *>(page.feed());
        QVERIFY(waitUntil([&] { return polling->transport() == Transport::Polling; }));
        QVERIFY(polling->transportDetail().contains(QStringLiteral("403")));
        QVERIFY(waitUntil([&] { return consoleText(page).contains(QStringLiteral("got: after-restart")); }));
        QVERIFY(waitUntil([&] { return page.console()->commandLine()->isEnabled(); }));
        QTest::keyClicks(page.console()->commandLine(), QStringLiteral("over-rest"));
        QTest::keyClick(page.console()->commandLine(), Qt::Key_Return);
        QVERIFY(
            waitUntil([&] { return consoleText(page).contains(QStringLiteral("got: over-rest")); }, 20000));

        // Token routes need the master token: the page says so, the node stays connected.
        TokensPage tokens;
        tokens.setConnection(&scoped);
        tokens.show();
        QVERIFY(waitUntil([&] { return tokens.isForbidden(); }));
        QVERIFY(scoped.isConnected());
    }

    void tokensPageCreatesAndRevokes()
    {
        TokensPage page;
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.setPollInterval(200);
        page.setConnection(m_node.get());
        page.show();
        QVERIFY(waitUntil([&] { return page.model()->rowCount() == 1; })); // the api token made above
        page.createToken(QStringLiteral("2h"), true, {QStringLiteral("ws:") + m_id});
        QVERIFY(waitUntil([&] { return page.lastSecret().startsWith(QStringLiteral("lightd_")); }));
        QVERIFY(waitUntil([&] { return page.model()->rowCount() == 2; }));
        QString created;
        for (const TokenInfoDto &t : page.model()->rows())
            if (t.removeOnUse)
                created = t.id;
        QVERIFY(!created.isEmpty());
        const TokenInfoDto row = page.model()->row(page.model()->rowOfKey(created));
        QCOMPARE(row.scopes, QStringList{QStringLiteral("ws:") + m_id});
        QCOMPARE(TokensModel::describeScopes(row.scopes), QStringLiteral("Console of %1").arg(m_id));
        page.revokeTokens({created});
        QVERIFY(
            waitUntil([&] { return page.model()->rowCount() == 1 && page.model()->rowOfKey(created) < 0; }));
        QVERIFY(!page.isForbidden());
    }

    void startupChangedFromDialog()
    {
        // Says it is up only after a line the old pattern would not match.
        const QString command = QStringLiteral("bash -c 'echo Booting v2; sleep 1; echo \"Ready v2 in $((40 "
                                               "+ 2))s\"; while read -r l; do echo \"got: $l\"; done'");
        const QString pattern = QStringLiteral("^Ready v2 in \\d+s");
        QToolButton *edit = m_detail->actionButton(QStringLiteral("startup"));
        QVERIFY(edit && edit->isEnabled());
        QTest::mouseClick(edit, Qt::LeftButton);
        QPointer<StartupDialog> dialog = m_detail->findChild<StartupDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->commandField()->toPlainText(), kEcho);
        QCOMPARE(dialog->patternField()->text(), QStringLiteral("Server ready"));
        dialog->commandField()->setPlainText(command);
        dialog->patternField()->clear();
        QTest::keyClicks(dialog->patternField(), pattern);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY2(waitUntil([&] { return !dialog; }), qPrintable(dialog ? dialog->message() : QString()));
        QVERIFY(waitUntil([&] { return m_detail->messageBar()->kind() == MessageBar::Kind::Success; }));
        // The Details tab shows both once the node has them.
        QVERIFY(waitUntil([&] {
            return m_detail->record() && m_detail->record()->startupCommand == command &&
                   m_detail->record()->startPattern == pattern;
        }));
        auto record = awaitResult<ApiResult<ContainerDto>>(
            [&](auto done) { m_daemon->client().getContainer(m_id, done); });
        QVERIFY(record && record->ok());
        QCOMPARE((*record)->startupCommand, command);
        QCOMPARE((*record)->startPattern.value_or(QString()), pattern);

        // It applies on the next start: the new command runs and its line marks the container running.
        QVERIFY(waitUntil([&] { return m_detail->powerButton(QStringLiteral("kill"))->isEnabled(); }));
        QTest::mouseClick(m_detail->powerButton(QStringLiteral("kill")), Qt::LeftButton);
        // Kill asks first; nothing happens until the operator confirms.
        QPointer<QMessageBox> ask = m_detail->findChild<QMessageBox *>(QStringLiteral("confirm"));
        QVERIFY(ask && ask->isVisible());
        QCOMPARE(feed()->state(), QStringLiteral("running"));
        QTest::mouseClick(ask->findChild<QPushButton *>(QStringLiteral("confirmYes")), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return !ask; }));
        QPushButton *start = m_detail->powerButton(QStringLiteral("start"));
        QVERIFY(waitUntil([&] { return start->isEnabled(); }, 30000));
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(waitUntil([&] { return consoleText(*m_detail).contains(QStringLiteral("Ready v2 in 42s")); },
                          30000));
        QVERIFY(waitUntil([&] { return feed()->state() == QLatin1StringView("running"); }, 20000));

        // Clearing the pattern alone sends only that, as null.
        dialog = m_detail->openStartupDialog();
        QVERIFY(dialog);
        dialog->patternField()->clear();
        QVERIFY(!dialog->commandChange() && dialog->patternChanged());
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return !dialog; }));
        QVERIFY(waitUntil([&] { return m_detail->record() && !m_detail->record()->startPattern; }));
        record = awaitResult<ApiResult<ContainerDto>>(
            [&](auto done) { m_daemon->client().getContainer(m_id, done); });
        QVERIFY(record && record->ok());
        QVERIFY(!(*record)->startPattern);
        QCOMPARE((*record)->startupCommand, command);
    }

    void deletedContainerClosesTheFeed()
    {
        // A startup dialog open while the container goes away: the node's refusal is shown in it.
        QPointer<StartupDialog> dialog = m_detail->openStartupDialog();
        QVERIFY(dialog);
        m_containers->deleteContainer(m_id);
        QVERIFY(waitUntil([&] { return m_containers->model()->rowOfKey(m_id) < 0; }, 60000));
        QVERIFY(waitUntil([&] { return feed()->transport() == Transport::Closed; }, 20000));
        QVERIFY(waitUntil([&] { return m_containers->isShowingEmptyState(); }));

        dialog->commandField()->setPlainText(QStringLiteral("sh -c 'echo too late'"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return dialog && !dialog->message().isEmpty(); }));
        QVERIFY2(dialog->message().contains(QStringLiteral("Container not found")),
                 qPrintable(dialog->message()));
        QVERIFY(dialog->isVisible() && dialog->saveButton()->isEnabled()); // open for another try
        dialog->reject();
    }

    void cleanupTestCase()
    {
        m_detail.reset();
        m_tester.reset();
        m_containers.reset();
        m_node.reset();
        m_daemon.reset();
        removeLeftovers();
    }

  private:
    bool startDaemon()
    {
        if (!m_daemon->start())
            return false;
        // Docker-backed routes answer 503 until the daemon has found the engine.
        return waitUntil(
            [&] {
                auto r = awaitResult<ApiResult<QJsonObject>>([&](auto done) {
                    m_daemon->client().request("GET", QStringLiteral("/system/metrics"), done);
                });
                return r && r->ok() && (*r)->value(QStringLiteral("docker_available")).toBool();
            },
            20000);
    }
    WebSocketContainerFeed *feed() const
    {
        return m_detail ? qobject_cast<WebSocketContainerFeed *>(m_detail->feed()) : nullptr;
    }
    QString rowState() const
    {
        const int row = m_containers->model()->rowOfKey(m_id);
        return row < 0 ? QString() : m_containers->model()->row(row).installState;
    }
    QStringList logs()
    {
        auto r = awaitResult<ApiResult<QStringList>>(
            [&](auto done) { m_daemon->client().consoleLines(m_id, 500, done); });
        return r && r->ok() ? **r : QStringList();
    }

    std::unique_ptr<DaemonProcess> m_daemon;
    std::unique_ptr<NodeConnection> m_node;
    std::unique_ptr<ContainersPage> m_containers;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<ContainerDetailPage> m_detail;
    QString m_volume;
    QString m_id;
    int m_port1 = 0;
    int m_port2 = 0;
};

QTEST_MAIN(TstGuiContainers)
#include "tst_gui_containers.moc"
