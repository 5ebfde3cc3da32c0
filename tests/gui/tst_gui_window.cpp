// The main window against the real daemon and Docker (issue 21, "Broken" and the container actions):
// a saved node is reselected after a restart, the container counts follow start/stop (English and
// German), the install banner ends with the install, message bars do not move the page, the sidebar
// follows sub-pages, the language setting applies without a restart, Ctrl+, opens the settings, and on
// the containers list: a right-click menu, bulk stop of three, kill only after a confirmation.
#include "Await.h"
#include "DaemonProcess.h"
#include "MainWindow.h"
#include "app/Notifier.h"
#include "app/Theme.h"
#include "app/Translations.h"
#include "app/WindowHost.h"
#include "lightd/ApiClient.h"
#include "models/ContainersModel.h"
#include "models/EventsModel.h"
#include "models/FilesModel.h"
#include "models/NodesOverviewModel.h"
#include "models/VolumesModel.h"
#include "nodes/NodeConnection.h"
#include "nodes/NodeEvents.h"
#include "nodes/NodeManager.h"
#include "nodes/TokenStore.h"
#include "pages/ContainersPage.h"
#include "pages/EventsPage.h"
#include "pages/FilesPage.h"
#include "pages/VolumesPage.h"
#include "views/NodeSidebar.h"
#include "widgets/MessageBar.h"
#include "widgets/TableView.h"

#include <QAction>
#include <QDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>
#include <memory>

using namespace lightd;
using namespace lightd::gui;
using lightd::test::awaitResult;
using lightd::test::DaemonProcess;
using lightd::test::waitUntil;

namespace {
const QString kPrefix = QStringLiteral("guiwin-");

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

QString subtitleOf(QWidget *page)
{
    auto *label = page->findChild<QLabel *>(QStringLiteral("pageSubtitle"));
    return label ? label->text() : QString();
}
} // namespace

class TstGuiWindow : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        translations::install(QStringLiteral("en"));
        applyTheme(*qApp);
        const QString source = qEnvironmentVariable("LIGHTD_SOURCE_DIR");
        QVERIFY(!source.isEmpty());
        QProcess image;
        image.start(QStringLiteral("bash"), {source + QStringLiteral("/tests/support/make-test-image.sh")});
        QVERIFY(image.waitForFinished(180000) && image.exitCode() == 0);
        removeLeftovers();
        m_daemon = std::make_unique<DaemonProcess>(QJsonObject{
            {QStringLiteral("sftp"), QJsonObject{{QStringLiteral("enabled"), false}}},
            {QStringLiteral("containers"), QJsonObject{{QStringLiteral("crash_restart"), false}}}});
        QVERIFY(m_daemon->start());
        QVERIFY(waitUntil(
            [&] {
                auto r = awaitResult<ApiResult<QJsonObject>>([&](auto done) {
                    m_daemon->client().request("GET", QStringLiteral("/system/metrics"), done);
                });
                return r && r->ok() && (*r)->value(QStringLiteral("docker_available")).toBool();
            },
            20000));
        auto volume = awaitResult<ApiResult<VolumeDto>>(
            [&](auto done) { m_daemon->client().createVolume(std::nullopt, done); });
        QVERIFY(volume && volume->ok());
        m_volume = (*volume)->volumeId;
        m_volumePath = (*volume)->path;
        for (const char *name : {"a", "b", "c"}) {
            const QString id = kPrefix + QString::fromLatin1(name);
            auto created = awaitResult<ApiResult<QJsonObject>>([&](auto done) {
                m_daemon->client().createContainer(
                    QJsonObject{{QStringLiteral("internal_id"), id},
                                {QStringLiteral("image"), QStringLiteral("lightd-test:busybox")},
                                {QStringLiteral("volume_id"), m_volume},
                                {QStringLiteral("startup_command"), QStringLiteral("sleep 3600")}},
                    done);
            });
            QVERIFY2(created && created->ok(), created ? qPrintable(created->error.message) : "timeout");
            m_ids << id;
        }
        for (const QString &id : m_ids)
            QVERIFY(waitUntil([&] { return restState(id) == QLatin1StringView("ready"); }, 90000));

        // A node saved by an earlier run of the app: persisted, and remembered as the last one shown.
        TokenStore tokens(TokenStore::Backend::Settings);
        NodeManager earlier(&tokens);
        NodeConnection *saved =
            earlier.addNode(QStringLiteral("Saved node"), QUrl(m_daemon->baseUrl()), m_daemon->token());
        m_savedId = saved->info().id;
        QSettings().setValue(QStringLiteral("window/lastNode"), m_savedId);
        QSettings().setValue(QStringLiteral("window/lastPage"), int(PageId::Containers));
    }

    // Issue 21: "after a restart a saved node shows green but the main pane says No node selected".
    void savedNodeReselectedOnStart()
    {
        m_tokens = std::make_unique<TokenStore>(TokenStore::Backend::Settings);
        m_nodes = std::make_unique<NodeManager>(m_tokens.get());
        m_nodes->load();
        QCOMPARE(m_nodes->nodes().size(), 1);
        m_host = std::make_unique<WindowHost>(m_nodes.get());
        MainWindow *w = m_host->window();
        w->restoreLastNode();
        w->resize(1280, 800);
        w->show();
        QVERIFY(w->currentNode());
        QCOMPARE(w->currentNode()->info().id, m_savedId);
        QCOMPARE(w->stack()->currentWidget(), static_cast<QWidget *>(w->containersPage()));
        QCOMPARE(w->containersPage()->connection(), w->currentNode());
        QCOMPARE(w->sidebar()->currentNode(), w->currentNode());
        QCOMPARE(w->sidebar()->currentPage(), PageId::Containers);
        QVERIFY(waitUntil([&] { return w->currentNode()->isConnected(); }));
        QVERIFY(waitUntil([&] { return w->containersPage()->model()->rowCount() == 3; }));
    }

    // Issue 21: "the header counts are stale (0 containers, 0 running beside a running row)".
    void countsFollowStartAndStop()
    {
        ContainersPage *page = window()->containersPage();
        page->setPollInterval(200);
        QVERIFY2(waitUntil([&] { return subtitleOf(page) == QStringLiteral("3 containers, 0 running."); }),
                 qPrintable(subtitleOf(page)));
        page->power(m_ids.at(0), QStringLiteral("start"));
        QVERIFY2(
            waitUntil([&] { return subtitleOf(page) == QStringLiteral("3 containers, 1 running."); }, 30000),
            qPrintable(subtitleOf(page)));
        QCOMPARE(restState(m_ids.at(0)), QStringLiteral("running"));
    }

    // Ctrl+, is empty in QKeySequence::Preferences on X11: it is set explicitly.
    void preferencesShortcutOpensSettings()
    {
        QVERIFY(window()->settingsAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
        QPointer<QDialog> opened;
        connect(window(), &MainWindow::settingsOpened, this, [&](QDialog *d) { opened = d; });
        window()->activateWindow();
        QTest::keyClick(window(), Qt::Key_Comma, Qt::ControlModifier);
        QVERIFY(waitUntil([&] { return opened && opened->isVisible(); }));
        opened->reject();
    }

    // The language setting is applied at once: the window is rebuilt in German, same node and page,
    // and the counts are right there too.
    void languageAppliesWithoutRestart()
    {
        NodeConnection *node = window()->currentNode();
        QPointer<MainWindow> old = window();
        translations::setConfiguredLanguage(QStringLiteral("de"));
        Q_EMIT old->languageChanged();
        QVERIFY(waitUntil([&] { return !old && window(); }));
        QCOMPARE(window()->menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
        QCOMPARE(window()->currentNode(), node);
        QCOMPARE(window()->stack()->currentWidget(), static_cast<QWidget *>(window()->containersPage()));
        ContainersPage *page = window()->containersPage();
        page->setPollInterval(200);
        QVERIFY2(waitUntil([&] { return subtitleOf(page) == QStringLiteral("3 Container, 1 läuft."); }),
                 qPrintable(subtitleOf(page)));
        page->power(m_ids.at(0), QStringLiteral("stop"));
        QVERIFY2(
            waitUntil([&] { return subtitleOf(page) == QStringLiteral("3 Container, 0 laufen."); }, 30000),
            qPrintable(subtitleOf(page)));
        // "0 running" is already true while it is stopping; the next test starts from ready.
        QVERIFY(waitUntil([&] { return restState(m_ids.at(0)) == QLatin1StringView("ready"); }, 60000));
        translations::setConfiguredLanguage(QStringLiteral("en"));
        old = window();
        Q_EMIT old->languageChanged();
        QVERIFY(waitUntil([&] { return !old && window(); }));
        QCOMPARE(window()->menuBar()->actions().first()->text(), QStringLiteral("&File"));
        window()->containersPage()->setPollInterval(200);
    }

    // Right-click menu on a multi-selection; bulk stop of three; Kill only after a confirmation.
    void bulkActionsOnTheSelection()
    {
        ContainersPage *page = window()->containersPage();
        QVERIFY(waitUntil([&] { return page->model()->rowCount() == 3; }));
        // A start is refused while a container is still stopping (409): begin from three at rest.
        for (const QString &id : m_ids)
            QVERIFY2(waitUntil([&] { return restState(id) == QLatin1StringView("ready"); }, 60000),
                     qPrintable(id + u' ' + restState(id)));
        page->view()->selectAll();
        QCOMPARE(page->selectedIds().size(), 3);
        QVERIFY(waitUntil([&] { return page->powerAction(QStringLiteral("start"))->isEnabled(); }));
        page->powerAction(QStringLiteral("start"))->trigger();
        for (const QString &id : m_ids)
            QVERIFY2(waitUntil([&] { return restState(id) == QLatin1StringView("running"); }, 30000),
                     qPrintable(id + u' ' + restState(id)));

        QVERIFY(waitUntil([&] { return page->powerAction(QStringLiteral("stop"))->isEnabled(); }));
        QMenu *menu = page->contextMenu();
        QVERIFY(menu);
        QStringList texts;
        for (QAction *a : menu->actions())
            if (!a->isSeparator())
                texts << a->text();
        QCOMPARE(texts, (QStringList{QStringLiteral("Start"), QStringLiteral("Stop"),
                                     QStringLiteral("Restart"), QStringLiteral("Kill")}));
        menu->popup(page->mapToGlobal(QPoint(100, 100)));
        QVERIFY(waitUntil([&] { return menu->isVisible(); }));
        QAction *stop = page->powerAction(QStringLiteral("stop"));
        QVERIFY(stop->isEnabled());
        menu->close();
        stop->trigger();
        // One banner for the three (it goes after a few seconds, so it is looked for first).
        QVERIFY(waitUntil(
            [&] {
                return page->messageBar()->isVisible() &&
                       page->messageBar()->text().contains(QStringLiteral("3"));
            },
            60000));
        for (const QString &id : m_ids)
            QVERIFY2(waitUntil([&] { return restState(id) == QLatin1StringView("ready"); }, 60000),
                     qPrintable(id));
        QVERIFY(waitUntil([&] { return subtitleOf(page) == QStringLiteral("3 containers, 0 running."); }));

        // Kill asks first; Cancel leaves the container running.
        page->power(m_ids.at(1), QStringLiteral("start"));
        QVERIFY(waitUntil([&] { return restState(m_ids.at(1)) == QLatin1StringView("running"); }, 30000));
        page->view()->selectSourceRow(page->model()->rowOfKey(m_ids.at(1)));
        QVERIFY(waitUntil([&] { return page->powerAction(QStringLiteral("kill"))->isEnabled(); }));
        page->powerAction(QStringLiteral("kill"))->trigger();
        QPointer<QMessageBox> ask = page->findChild<QMessageBox *>(QStringLiteral("confirm"));
        QVERIFY(ask && ask->isVisible());
        QVERIFY(ask->text().contains(m_ids.at(1)));
        ask->button(QMessageBox::Cancel)->click();
        QVERIFY(waitUntil([&] { return !ask; }));
        QCOMPARE(restState(m_ids.at(1)), QStringLiteral("running"));
        page->powerAction(QStringLiteral("kill"))->trigger();
        ask = page->findChild<QMessageBox *>(QStringLiteral("confirm"));
        QVERIFY(ask);
        ask->findChild<QPushButton *>(QStringLiteral("confirmYes"))->click();
        QVERIFY(waitUntil([&] { return restState(m_ids.at(1)) != QLatin1StringView("running"); }, 30000));
    }

    // Issue 21: "the being installed banner stays after ready".
    void installBannerEndsWithTheInstall()
    {
        ContainersPage *page = window()->containersPage();
        CreateContainerDto form;
        form.internalId = kPrefix + QStringLiteral("new");
        form.image = QStringLiteral("lightd-test:busybox");
        form.volumeId = m_volume;
        form.startupCommand = QStringLiteral("sleep 3600");
        form.installScript = QStringLiteral("#!/bin/bash\nsleep 2\necho installed");
        page->createContainer(form);
        m_ids << form.internalId;
        QVERIFY(waitUntil(
            [&] { return page->messageBar()->text().contains(QStringLiteral("being installed")); }));
        QVERIFY(waitUntil([&] { return restState(form.internalId) == QLatin1StringView("ready"); }, 90000));
        QVERIFY2(waitUntil([&] {
                     return page->messageBar()->text().contains(QStringLiteral("installed and ready"));
                 }),
                 qPrintable(page->messageBar()->text()));
        QVERIFY(waitUntil([&] { return subtitleOf(page).startsWith(QStringLiteral("4 containers")); }));
    }

    // Issue 21: "message bars that close by themselves shift the layout under the pointer".
    void messageBarDoesNotMoveThePage()
    {
        ContainersPage *page = window()->containersPage();
        page->messageBar()->hide();
        QTest::qWait(0);
        const QRect before = page->view()->geometry();
        const QPoint at = page->view()->mapTo(window(), QPoint(0, 0));
        page->messageBar()->showMessage(MessageBar::Kind::Error,
                                        QStringLiteral("A long error that wraps. ").repeated(8));
        QVERIFY(page->messageBar()->isVisible());
        QApplication::processEvents();
        QCOMPARE(page->view()->geometry(), before);
        QCOMPARE(page->view()->mapTo(window(), QPoint(0, 0)), at);
        // Inside the page, clear of its edges, and fully visible.
        QVERIFY(page->rect().contains(page->messageBar()->geometry()));
        page->messageBar()->hide();
        QCOMPARE(page->view()->geometry(), before);
    }

    // Issue 21: "the sidebar highlights Containers while Files is open".
    void sidebarFollowsThePage()
    {
        MainWindow *w = window();
        Q_EMIT w->volumesPage()->browseRequested(m_volume);
        QVERIFY(waitUntil([&] { return w->stack()->currentWidget() == w->filesPage(); }));
        QCOMPARE(w->sidebar()->currentPage(), PageId::Volumes);
        QCOMPARE(w->currentPageId(), PageId::Volumes);
        // Clicking Volumes there goes back to the list.
        const QModelIndex volumes = w->sidebar()->tree()->currentIndex();
        QTest::mouseClick(w->sidebar()->tree()->viewport(), Qt::LeftButton, {},
                          w->sidebar()->tree()->visualRect(volumes).center());
        QVERIFY(waitUntil([&] { return w->stack()->currentWidget() == w->volumesPage(); }));
        // A container's page sits under Containers.
        Q_EMIT w->containersPage()->openRequested(m_ids.at(0));
        QVERIFY(waitUntil(
            [&] { return w->stack()->currentWidget() == reinterpret_cast<QWidget *>(w->detailPage()); }));
        QCOMPARE(w->sidebar()->currentPage(), PageId::Containers);
    }

    // Issue 21: "New file", chmod and copy in Files, checked on disk.
    void filesNewFileChmodCopy()
    {
        MainWindow *w = window();
        Q_EMIT w->volumesPage()->browseRequested(m_volume);
        FilesPage *files = w->filesPage();
        files->setPollInterval(200);
        QVERIFY(waitUntil([&] { return files->isVisible(); }));
        files->createFile(QStringLiteral("notes.txt"));
        QVERIFY(waitUntil([&] { return files->model()->rowOfKey(QStringLiteral("notes.txt")) >= 0; }));
        const QFileInfo created(m_volumePath + QStringLiteral("/notes.txt"));
        QVERIFY(created.isFile());
        QCOMPARE(created.size(), 0);
        // A taken name is refused here: the write route would overwrite the file.
        QFile existing(m_volumePath + QStringLiteral("/notes.txt"));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me\n");
        existing.close();
        files->createFile(QStringLiteral("notes.txt"));
        QVERIFY(files->messageBar()->text().contains(QStringLiteral("already exists")));
        files->chmod(QStringLiteral("notes.txt"), QStringLiteral("0600"));
        QVERIFY(waitUntil([&] {
            const int row = files->model()->rowOfKey(QStringLiteral("notes.txt"));
            return row >= 0 && files->model()->row(row).mode == QLatin1StringView("0600");
        }));
        QCOMPARE(int(QFileInfo(created.filePath()).permissions() & 0x7777),
                 int(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
        files->copy(QStringLiteral("notes.txt"), QStringLiteral("notes-copy.txt"));
        QVERIFY(waitUntil([&] { return files->model()->rowOfKey(QStringLiteral("notes-copy.txt")) >= 0; }));
        QFile copied(m_volumePath + QStringLiteral("/notes-copy.txt"));
        QVERIFY(copied.open(QIODevice::ReadOnly));
        QCOMPARE(copied.readAll(), QByteArray("keep me\n"));
        // The same actions are the right-click menu of the list.
        QCOMPARE(files->view()->contextMenuPolicy(), Qt::ActionsContextMenu);
        QStringList menu;
        for (QAction *a : files->view()->actions())
            menu << a->text();
        QVERIFY2(menu.contains(QStringLiteral("Copy")) && menu.contains(QStringLiteral("Permissions")),
                 qPrintable(menu.join(u',')));
    }

    // Issue 21: "the volume list's Created column is cut so a horizontal scrollbar shows even when empty".
    void volumeListFitsWithoutScrollbar()
    {
        MainWindow *w = window();
        w->resize(1024, 700);
        w->showPage(w->currentNode(), PageId::Volumes);
        QVERIFY(waitUntil([&] { return w->volumesPage()->model()->rowCount() >= 1; }));
        QApplication::processEvents();
        TableView *view = w->volumesPage()->view();
        QVERIFY(waitUntil([&] { return view->isVisible(); }));
        QStringList widths; // what the columns take against what the viewport has, if it fails
        for (int c = 0; c < view->horizontalHeader()->count(); ++c)
            widths << QString::number(view->horizontalHeader()->sectionSize(c));
        QVERIFY2(view->horizontalScrollBar()->maximum() == 0,
                 qPrintable(QStringLiteral("columns %1 in a viewport of %2")
                                .arg(widths.join(u'+'))
                                .arg(view->viewport()->width())));
        // The containers list too.
        w->showPage(w->currentNode(), PageId::Containers);
        QVERIFY(waitUntil([&] { return w->containersPage()->view()->isVisible(); }));
        QApplication::processEvents();
        QCOMPARE(w->containersPage()->view()->horizontalScrollBar()->maximum(), 0);
        w->resize(1280, 800);
    }

    // A container that crashes shows in the node's event feed and raises a desktop notification;
    // a stop does not.
    void crashShowsInFeedAndTray()
    {
        MainWindow *w = window();
        NodeConnection *node = w->currentNode();
        node->events()->setInterval(200);
        QStringList notes;
        connect(w->notifier(), &Notifier::notified, this,
                [&](const QString &title, const QString &text) { notes << title + u'|' + text; });
        const QString id = kPrefix + QStringLiteral("crash");
        auto created = awaitResult<ApiResult<QJsonObject>>([&](auto done) {
            m_daemon->client().createContainer(
                QJsonObject{{QStringLiteral("internal_id"), id},
                            {QStringLiteral("image"), QStringLiteral("lightd-test:busybox")},
                            {QStringLiteral("volume_id"), m_volume},
                            {QStringLiteral("startup_command"), QStringLiteral("sh -c 'sleep 3; exit 3'")}},
                done);
        });
        QVERIFY(created && created->ok());
        m_ids << id;
        QVERIFY(waitUntil([&] { return restState(id) == QLatin1StringView("ready"); }, 90000));
        // A stop on purpose is no news.
        const QString quiet = m_ids.at(2);
        QVERIFY(waitUntil([&] { return restState(quiet) == QLatin1StringView("ready"); }, 60000));
        auto r = awaitResult<ApiResult<QJsonObject>>(
            [&](auto done) { m_daemon->client().power(quiet, QStringLiteral("start"), done); }, 30000);
        QVERIFY2(r && r->ok(), r ? qPrintable(r->error.message) : "timeout");
        QVERIFY(waitUntil([&] { return restState(quiet) == QLatin1StringView("running"); }, 30000));
        QTest::qWait(600); // the watcher sees it running
        r = awaitResult<ApiResult<QJsonObject>>(
            [&](auto done) { m_daemon->client().power(quiet, QStringLiteral("stop"), done); }, 60000);
        QVERIFY2(r && r->ok(), r ? qPrintable(r->error.message) : "timeout");
        QVERIFY(waitUntil([&] { return restState(quiet) == QLatin1StringView("ready"); }, 60000));

        auto started = awaitResult<ApiResult<QJsonObject>>(
            [&](auto done) { m_daemon->client().power(id, QStringLiteral("start"), done); });
        QVERIFY(started && started->ok());
        QVERIFY(waitUntil([&] { return node->events()->crashCount(id) == 1; }, 30000));
        EventsModel *feed = node->events()->model();
        QStringList rows;
        for (int i = 0; i < feed->rowCount(); ++i)
            rows << feed->row(i).container + u' ' + QString::number(int(feed->row(i).kind)) + u' ' +
                        feed->row(i).detail;
        QVERIFY2(feed->rowCount() == 1,
                 qPrintable(rows.join(QStringLiteral(" | ")))); // the stop raised nothing
        QCOMPARE(feed->row(0).container, id);
        QCOMPARE(feed->row(0).kind, NodeEvent::Kind::Crash);
        QVERIFY2(feed->row(0).detail.contains(QStringLiteral("code 3")), qPrintable(feed->row(0).detail));
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes.first().startsWith(id + QStringLiteral(" on Saved node: Crashed")),
                 qPrintable(notes.first()));
        // The Events page of the node lists it.
        w->showPage(node, PageId::Events);
        QCOMPARE(w->stack()->currentWidget(), static_cast<QWidget *>(w->eventsPage()));
        QCOMPARE(w->sidebar()->currentPage(), PageId::Events);
        QCOMPARE(w->eventsPage()->view()->model()->rowCount(), 1);

        // All nodes at once: the counts from the same poll, the event counted.
        w->showAllNodes();
        QCOMPARE(w->stack()->currentWidget(), w->overviewPage());
        NodesOverviewModel *all = w->overviewModel();
        QCOMPARE(all->rowCount(), 1);
        QCOMPARE(all->index(0, NodesOverviewModel::NameColumn).data().toString(),
                 QStringLiteral("Saved node"));
        QVERIFY(waitUntil(
            [&] { return all->index(0, NodesOverviewModel::ContainersColumn).data().toInt() == 5; }));
        QCOMPARE(all->index(0, NodesOverviewModel::RunningColumn).data().toInt(), 0);
        QCOMPARE(all->index(0, NodesOverviewModel::EventsColumn).data().toInt(), 1);
        QCOMPARE(all->index(0, NodesOverviewModel::StateColumn).data().toString(),
                 QStringLiteral("Connected"));
    }

    // On a failure, the daemon's side of the story: CI keeps only this output.
    void cleanup()
    {
        if (QTest::currentTestFailed() && m_daemon)
            qWarning().noquote() << "daemon log tail:\n" << m_daemon->log().right(6000);
    }

    void cleanupTestCase()
    {
        m_host.reset();
        m_nodes.reset();
        m_tokens.reset();
        if (m_daemon) {
            for (const QString &id : m_ids)
                awaitResult<ApiResult<QJsonObject>>(
                    [&](auto done) { m_daemon->client().deleteContainer(id, done); }, 60000);
            m_daemon.reset();
        }
        removeLeftovers();
        translations::install(QStringLiteral("en"));
    }

  private:
    MainWindow *window() const { return m_host ? m_host->window() : nullptr; }
    QString restState(const QString &id)
    {
        auto r = awaitResult<ApiResult<ContainerDto>>(
            [&](auto done) { m_daemon->client().getContainer(id, done); });
        return r && r->ok() ? (*r)->installState : QString();
    }

    std::unique_ptr<DaemonProcess> m_daemon;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<NodeManager> m_nodes;
    std::unique_ptr<WindowHost> m_host;
    QStringList m_ids;
    QString m_volume;
    QString m_volumePath;
    QString m_savedId;
};

QTEST_MAIN(TstGuiWindow)
#include "tst_gui_window.moc"
