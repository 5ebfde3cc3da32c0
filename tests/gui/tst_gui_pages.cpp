// The pages issue 21 still missed, against the real daemon and Docker: the container list's live
// columns (CPU %, memory, ports, uptime, volume) from one summary call per poll and no stats stream;
// the Files editor's line numbers and find; names of volumes and tokens, who uses a volume, a volume
// made from the create form and the empty-pool hint; the lists' right-click menus.
#include "GuiNode.h"
#include "dialogs/CreateContainerDialog.h"
#include "dialogs/TextEditorDialog.h"
#include "models/ContainersModel.h"
#include "models/TokensModel.h"
#include "models/VolumesModel.h"
#include "nodes/NameStore.h"
#include "pages/ContainersPage.h"
#include "pages/FilesPage.h"
#include "pages/TokensPage.h"
#include "pages/VolumesPage.h"
#include "widgets/CodeEditor.h"
#include "widgets/TableView.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlock>
#include <algorithm>

using namespace lightd;
using namespace lightd::gui;
using lightd::test::awaitResult;
using lightd::test::GuiNode;
using lightd::test::waitUntil;

class TstGuiPages : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(n.start(why), qPrintable(why));
    }

    // GET /system/containers: one answer for the node, figures from cgroup files, nulls where unknown.
    void summaryRoute()
    {
        auto ask = [&] {
            return awaitResult<ApiResult<NodeSummaryDto>>(
                [&](auto done) { n.daemon->client().nodeSummary(done); });
        };
        auto first = ask();
        QVERIFY2(first && first->ok(), first ? qPrintable(first->error.message) : "timeout");
        QCOMPARE((*first)->containers.size(), 2);
        QVERIFY((*first)->host.cpus >= 1);
        QVERIFY((*first)->host.memoryTotalBytes > (*first)->host.memoryAvailableBytes);
        QTest::qWait(1100); // CPU % is the CPU time between two asks at least a second apart
        auto second = ask();
        QVERIFY(second && second->ok());
        for (const ContainerUsageDto &c : (*second)->containers) {
            if (c.internalId == n.ids.at(0)) {
                QCOMPARE(c.state, QStringLiteral("running"));
                QVERIFY2(c.memoryBytes && *c.memoryBytes > 0, "no memory figure for a running container");
                QVERIFY2(c.cpuPercent && *c.cpuPercent >= 0 && *c.cpuPercent < 400, "no CPU figure");
                QVERIFY(c.uptimeS && *c.uptimeS >= 0);
                QVERIFY(c.startedAtMs);
                QVERIFY(qAbs(QDateTime::currentMSecsSinceEpoch() - *c.uptimeS * 1000 - *c.startedAtMs) <
                        5000);
                QCOMPARE(c.ports.size(), 1);
                QCOMPARE(c.ports.first().hostPort, n.port);
            } else {
                QCOMPARE(c.state, QStringLiteral("ready"));
                QVERIFY(!c.memoryBytes && !c.cpuPercent && !c.uptimeS && !c.startedAtMs);
            }
            QCOMPARE(c.volumeId, n.volumeId);
        }
        QVERIFY((*second)->host.cpuPercent.has_value());
    }

    // The list shows them, polled once per node, and no stats stream is opened for it.
    void containerListColumns()
    {
        ContainersPage *page = n.window()->containersPage();
        page->setPollInterval(300);
        ContainersModel *model = page->model();
        QVERIFY(waitUntil([&] { return model->rowCount() == 2; }));
        auto cell = [&](const QString &id, int column) {
            const int row = model->rowOfKey(id);
            return row < 0 ? QString() : model->index(row, column).data().toString();
        };
        const QString busy = n.ids.at(0);
        QVERIFY2(waitUntil([&] {
                     return QRegularExpression(QStringLiteral("^\\d+\\.\\d %$"))
                         .match(cell(busy, ContainersModel::CpuColumn))
                         .hasMatch();
                 }),
                 qPrintable(cell(busy, ContainersModel::CpuColumn)));
        QVERIFY2(cell(busy, ContainersModel::MemoryColumn).contains(QStringLiteral("B")),
                 qPrintable(cell(busy, ContainersModel::MemoryColumn)));
        QCOMPARE(cell(busy, ContainersModel::PortsColumn), QStringLiteral("%1/tcp").arg(n.port));
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d+ (s|min)$"))
                     .match(cell(busy, ContainersModel::UptimeColumn))
                     .hasMatch(),
                 qPrintable(cell(busy, ContainersModel::UptimeColumn)));
        QCOMPARE(cell(busy, ContainersModel::VolumeColumn), n.volumeId.left(8));
        const QString idle = n.ids.at(1);
        QCOMPARE(cell(idle, ContainersModel::CpuColumn), QStringLiteral("—"));
        QCOMPARE(cell(idle, ContainersModel::UptimeColumn), QStringLiteral("—"));
        QCOMPARE(cell(idle, ContainersModel::PortsColumn), QStringLiteral("—"));
        // Sorting by memory puts the running one last in ascending order (the idle one has none).
        page->view()->sortByColumn(ContainersModel::MemoryColumn, Qt::AscendingOrder);
        QCOMPARE(page->view()->model()->index(1, ContainersModel::NameColumn).data().toString(), busy);
        page->view()->sortByColumn(ContainersModel::NameColumn, Qt::AscendingOrder);
        // Nobody holds a console: the list's polls opened no stats stream.
        auto metrics = awaitResult<ApiResult<QJsonObject>>(
            [&](auto done) { n.daemon->client().request("GET", QStringLiteral("/system/metrics"), done); });
        QVERIFY(metrics && metrics->ok());
        QCOMPARE((*metrics)
                     ->value(QStringLiteral("docker_streams"))
                     .toObject()
                     .value(QStringLiteral("stats"))
                     .toInt(),
                 0);
        // 1024 x 700: the narrow set of columns, still no horizontal scrollbar.
        n.window()->resize(1024, 700);
        QApplication::processEvents();
        QVERIFY(waitUntil([&] { return page->view()->isColumnHidden(ContainersModel::DockerIdColumn); }));
        QCOMPARE(page->view()->horizontalScrollBar()->maximum(), 0);
        QVERIFY(!page->view()->isColumnHidden(ContainersModel::CpuColumn));
        n.window()->resize(1280, 800);
        QApplication::processEvents();
        QVERIFY(waitUntil([&] { return !page->view()->isColumnHidden(ContainersModel::DockerIdColumn); }));
        QCOMPARE(page->view()->horizontalScrollBar()->maximum(), 0);
    }

    // The Files editor: line numbers, find with every match counted, Enter / Shift+Enter step
    // through them, and the edit saved to disk.
    void editorLineNumbersAndFind()
    {
        QFile file(n.volumePath + QStringLiteral("/server.properties"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 1; i <= 40; ++i)
            file.write(i % 13 == 0 ? QByteArray("server-port=2556") + QByteArray::number(i) + '\n'
                                   : QByteArray("key") + QByteArray::number(i) + "=value\n");
        file.close();
        MainWindow *w = n.window();
        Q_EMIT w->volumesPage()->browseRequested(n.volumeId);
        FilesPage *files = w->filesPage();
        QVERIFY(waitUntil([&] { return files->isVisible() && files->volumeId() == n.volumeId; }));
        files->editFile(QStringLiteral("server.properties"));
        TextEditorDialog *dialog = nullptr;
        QVERIFY(waitUntil([&] {
            dialog = files->findChild<TextEditorDialog *>();
            return dialog && dialog->isVisible();
        }));
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        CodeEditor *editor = dialog->editor();
        QCOMPARE(editor->blockCount(), 41);
        QWidget *gutter = editor->findChild<QWidget *>(QStringLiteral("lineNumbers"));
        QVERIFY(gutter && gutter->isVisible());
        QVERIFY(gutter->width() >= editor->fontMetrics().horizontalAdvance(QStringLiteral("99")));
        QCOMPARE(editor->viewport()->geometry().left(), editor->contentsRect().left() + gutter->width());

        QVERIFY(!dialog->findField()->isVisible());
        QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(waitUntil([&] { return dialog->findField()->isVisible(); }));
        QTest::keyClicks(dialog->findField(), QStringLiteral("PORT"));
        QCOMPARE(editor->matchCount(), 3); // case-insensitive
        QCOMPARE(dialog->findStatus()->text(), QStringLiteral("1 of 3"));
        QCOMPARE(editor->textCursor().blockNumber(), 12);
        QTest::keyClick(dialog->findField(), Qt::Key_Return);
        QCOMPARE(dialog->findStatus()->text(), QStringLiteral("2 of 3"));
        QCOMPARE(editor->textCursor().blockNumber(), 25);
        QTest::keyClick(dialog->findField(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClick(dialog->findField(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(dialog->findStatus()->text(), QStringLiteral("3 of 3")); // wrapped around
        QCOMPARE(editor->textCursor().blockNumber(), 38);
        dialog->findField()->setText(QStringLiteral("nowhere"));
        QCOMPARE(dialog->findStatus()->text(), QStringLiteral("No match"));
        // Escape closes the find bar, not the dialog.
        QTest::keyClick(dialog->findField(), Qt::Key_Escape);
        QVERIFY(!dialog->findField()->isVisible());
        QVERIFY(dialog->isVisible());

        QTextCursor top(editor->document());
        top.insertText(QStringLiteral("# edited in the GUI\n"));
        QPointer<TextEditorDialog> open(dialog);
        QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(waitUntil([&] { return !open || !open->isVisible(); }));
        QFile saved(n.volumePath + QStringLiteral("/server.properties"));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray content = saved.readAll();
        QVERIFY(content.startsWith("# edited in the GUI\nkey1=value\n"));
        QVERIFY(content.contains("server-port=255626\n"));
    }

    // Volumes: a name the app keeps (shown instead of the id), who uses each volume, the right-click
    // menu; a new volume named at creation.
    void volumeNamesAndUsers()
    {
        MainWindow *w = n.window();
        w->showPage(n.node, PageId::Volumes);
        VolumesPage *page = w->volumesPage();
        page->setPollInterval(300);
        VolumesModel *model = page->model();
        auto cell = [&](const QString &id, int column, int role = Qt::DisplayRole) {
            const int row = model->rowOfKey(id);
            return row < 0 ? QString() : model->index(row, column).data(role).toString();
        };
        QVERIFY2(waitUntil([&] {
                     return cell(n.volumeId, VolumesModel::UsedByColumn) == n.ids.join(QStringLiteral(", "));
                 }),
                 qPrintable(cell(n.volumeId, VolumesModel::UsedByColumn)));
        QCOMPARE(cell(n.volumeId, VolumesModel::IdColumn), n.volumeId);
        page->renameVolume(n.volumeId, QStringLiteral("world"));
        QCOMPARE(cell(n.volumeId, VolumesModel::IdColumn), QStringLiteral("world"));
        QVERIFY(cell(n.volumeId, VolumesModel::IdColumn, Qt::ToolTipRole).contains(n.volumeId));
        QCOMPARE(names::get(n.node->info().id, names::Kind::Volume, n.volumeId), QStringLiteral("world"));
        QCOMPARE(page->view()->contextMenuPolicy(), Qt::ActionsContextMenu);
        QStringList menu;
        for (QAction *a : page->view()->actions())
            menu << a->text();
        QCOMPARE(menu, (QStringList{QStringLiteral("Browse files"), QStringLiteral("Name…"),
                                    QStringLiteral("Delete")}));

        page->createVolume(std::nullopt, QStringLiteral("backup"));
        QVERIFY(waitUntil([&] { return model->rowCount() == 2; }));
        const QString fresh =
            model->row(0).volumeId == n.volumeId ? model->row(1).volumeId : model->row(0).volumeId;
        QCOMPARE(cell(fresh, VolumesModel::IdColumn), QStringLiteral("backup"));
        QVERIFY(
            waitUntil([&] { return cell(fresh, VolumesModel::UsedByColumn) == QStringLiteral("Unused"); }));
        n.extraVolumes << fresh;
    }

    // The create form: a volume made from it (named, selected) and a hint while the pool has no free port.
    void createFormVolumeAndPoolHint()
    {
        MainWindow *w = n.window();
        w->showPage(n.node, PageId::Containers);
        // The containers list shows the volume's name too.
        ContainersModel *containers = w->containersPage()->model();
        QVERIFY(waitUntil([&] {
            const int row = containers->rowOfKey(n.ids.at(0));
            return row >= 0 && containers->index(row, ContainersModel::VolumeColumn).data().toString() ==
                                   QStringLiteral("world");
        }));
        QPointer<CreateContainerDialog> dialog = w->containersPage()->openCreateDialog();
        QVERIFY(dialog);
        auto *volumes = dialog->findChild<QComboBox *>(QStringLiteral("volume"));
        QVERIFY(waitUntil([&] { return volumes->count() >= 2; }));
        QVERIFY(volumes->findText(QStringLiteral("world — ") + n.volumeId) >= 0);
        // The one pool port is held by the busy container: nothing free, so the hint says where ports come
        // from.
        QVERIFY(waitUntil([&] { return dialog->poolHint()->isVisible(); }));
        QVERIFY(dialog->poolHint()->text().contains(QStringLiteral("Ports page")));

        Q_EMIT dialog->newVolumeRequested(std::nullopt, QStringLiteral("from the form"));
        QVERIFY(
            waitUntil([&] { return volumes->currentText().startsWith(QStringLiteral("from the form — ")); }));
        const QString made = volumes->currentData().toString();
        auto listed = awaitResult<ApiResult<QList<VolumeDto>>>(
            [&](auto done) { n.daemon->client().listVolumes(done); });
        QVERIFY(listed && listed->ok());
        QVERIFY(std::any_of((*listed)->cbegin(), (*listed)->cend(),
                            [&](const VolumeDto &v) { return v.volumeId == made; }));
        QCOMPARE(names::get(n.node->info().id, names::Kind::Volume, made), QStringLiteral("from the form"));
        QCOMPARE(dialog->form().volumeId, made);
        n.extraVolumes << made;
        dialog->reject();

        // A free port in the pool: no hint.
        PortDto port;
        port.ip = QStringLiteral("127.0.0.1");
        port.port = GuiNode::freePort();
        auto added =
            awaitResult<ApiResult<QJsonObject>>([&](auto done) { n.daemon->client().addPort(port, done); });
        QVERIFY(added && added->ok());
        dialog = w->containersPage()->openCreateDialog();
        auto *ports = dialog->findChild<QListWidget *>(QStringLiteral("ports"));
        QVERIFY(waitUntil([&] { return ports->count() == 1; }));
        QVERIFY(!dialog->poolHint()->isVisible());
        dialog->reject();
    }

    // Tokens: a name given at creation, shown in the list; the right-click menu.
    void tokenNames()
    {
        MainWindow *w = n.window();
        w->showPage(n.node, PageId::Tokens);
        TokensPage *page = w->tokensPage();
        page->setPollInterval(300);
        page->createToken(QStringLiteral("15m"), false, {QStringLiteral("api")}, QStringLiteral("ci script"));
        QVERIFY(waitUntil([&] { return page->model()->rowCount() == 1; }));
        QVERIFY2(waitUntil([&] {
                     return page->model()->index(0, TokensModel::NameColumn).data().toString() ==
                            QStringLiteral("ci script");
                 }),
                 qPrintable(page->model()->index(0, TokensModel::NameColumn).data().toString()));
        const QString id = page->model()->row(0).id;
        page->renameToken(id, QStringLiteral("deploy"));
        QCOMPARE(page->model()->index(0, TokensModel::NameColumn).data().toString(),
                 QStringLiteral("deploy"));
        QStringList menu;
        for (QAction *a : page->view()->actions())
            menu << a->text();
        QCOMPARE(menu, (QStringList{QStringLiteral("Name…"), QStringLiteral("Revoke")}));
    }

    void cleanup()
    {
        if (QTest::currentTestFailed() && n.daemon)
            qWarning().noquote() << "daemon log tail:\n" << n.daemon->log().right(6000);
    }

    void cleanupTestCase() { n.stop(); }

  private:
    GuiNode n{QStringLiteral("guipg-")};
};

QTEST_MAIN(TstGuiPages)
#include "tst_gui_pages.moc"
