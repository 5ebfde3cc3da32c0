// Models, parsers and widgets of lightd-gui that need no daemon.
#include "app/Icons.h"
#include "app/StartupOptions.h"
#include "app/Theme.h"
#include "app/Translations.h"
#include "dialogs/ContainerForm.h"
#include "dialogs/CreateTokenDialog.h"
#include "dialogs/RebindDialog.h"
#include "dialogs/ResourcesDialog.h"
#include "dialogs/StartupDialog.h"
#include "feed/RestContainerFeed.h"
#include "lightd/ContainerRules.h"
#include "models/ContainersModel.h"
#include "models/FilesModel.h"
#include "models/PortsModel.h"
#include "models/Roles.h"
#include "models/TokensModel.h"
#include "models/VolumesModel.h"
#include "widgets/ActionBar.h"
#include "widgets/AdaptiveRow.h"
#include "widgets/AnsiParser.h"
#include "widgets/CommandLine.h"
#include "widgets/ConsoleWidget.h"
#include "widgets/ElidedLabel.h"
#include "widgets/StatsChart.h"
#include "widgets/StatsView.h"
#include "widgets/TableView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDoubleSpinBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace lightd;
using namespace lightd::gui;

class TstGuiModels : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void portsModelUpdatesInPlace()
    {
        PortsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const PortDto a{QStringLiteral("0.0.0.0"), 25565, QStringLiteral("tcp"), false, {}};
        const PortDto b{QStringLiteral("0.0.0.0"), 25566, QStringLiteral("tcp"), false, {}};
        const PortDto c{QStringLiteral("0.0.0.0"), 25566, QStringLiteral("udp"), false, {}};
        model.setRows({a, b});
        QCOMPARE(model.rowCount(), 2);
        model.setRows({a, b}); // nothing changed: no signal at all
        QCOMPARE(changed.size(), 0);
        PortDto bUsed = b;
        bUsed.inUse = true;
        bUsed.container = QStringLiteral("srv");
        model.setRows({a, bUsed, c});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(1, PortsModel::OwnerColumn).data().toString(), QStringLiteral("srv"));
        QCOMPARE(model.rowCount(), 3);
        model.setRows({c});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.row(0), c);
        QCOMPARE(reset.size(), 0); // polling never resets
        QVERIFY(inserted.size() >= 2);
        QVERIFY(removed.size() >= 1);
        model.setRows({a, a, b}); // duplicate keys collapse; c goes
        QCOMPARE(model.rowCount(), 2);
    }

    void removesScatteredRows()
    {
        VolumesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<VolumeDto> all;
        for (int i = 0; i < 8; ++i)
            all.append(VolumeDto{QStringLiteral("v%1").arg(i), QStringLiteral("/p%1").arg(i),
                                 i % 2 ? std::optional<qint64>(64) : std::nullopt, i * 1000, 1700000000});
        model.setRows(all);
        QList<VolumeDto> some{all[1], all[2], all[5], all[7]};
        model.setRows(some);
        QCOMPARE(model.rowCount(), 4);
        QStringList ids;
        for (const VolumeDto &v : model.rows())
            ids << v.volumeId;
        QCOMPARE(ids, (QStringList{QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("v5"),
                                   QStringLiteral("v7")}));
        QCOMPARE(model.index(0, VolumesModel::UsageColumn).data(QuotaBytesRole).toLongLong(),
                 64LL * 1024 * 1024);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void containersAndFilesModelsPassTheTester()
    {
        ContainersModel containers;
        QAbstractItemModelTester t1(&containers, QAbstractItemModelTester::FailureReportingMode::QtTest);
        containers.setRows({ContainerSummaryDto{QStringLiteral("mc"), QStringLiteral("abcdef0123456789"),
                                                QStringLiteral("running"), QStringLiteral("img")}});
        QCOMPARE(containers.index(0, ContainersModel::StateColumn).data(StateRole).toString(),
                 QStringLiteral("running"));
        QCOMPARE(containers.index(0, ContainersModel::DockerIdColumn).data().toString(),
                 QStringLiteral("abcdef012345"));
        containers.setRows({ContainerSummaryDto{QStringLiteral("mc"), QStringLiteral("abcdef0123456789"),
                                                QStringLiteral("stopping"), QStringLiteral("img")}});
        QCOMPARE(containers.index(0, ContainersModel::StateColumn).data(StateRole).toString(),
                 QStringLiteral("stopping"));

        FilesModel files;
        QAbstractItemModelTester t2(&files, QAbstractItemModelTester::FailureReportingMode::QtTest);
        files.setRows(
            {FileEntryDto{QStringLiteral("b.txt"), QStringLiteral("file"), 12, QStringLiteral("0644"), 1, {}},
             FileEntryDto{
                 QStringLiteral("z"), QStringLiteral("directory"), 0, QStringLiteral("0755"), 1, {}}});
        // Directories sort first whatever their name.
        QVERIFY(files.index(1, 0).data(SortRole).toString() < files.index(0, 0).data(SortRole).toString());
    }

    void ansiParser()
    {
        AnsiParser p;
        auto spans = p.parse(
            QStringLiteral("\x1b[1;31mred bold\x1b[0m plain \x1b[38;5;46mgreen\x1b[38;2;1;2;3mrgb\x1b[2K"));
        QCOMPARE(spans.size(), 4);
        QCOMPARE(spans[0].text, QStringLiteral("red bold"));
        QVERIFY(spans[0].style.bold);
        QCOMPARE(*spans[0].style.foreground, AnsiParser::paletteColor(1));
        QVERIFY(!spans[1].style.foreground);
        QCOMPARE(*spans[2].style.foreground, AnsiParser::paletteColor(46));
        QCOMPARE(*spans[3].style.foreground, QColor(1, 2, 3));
        // Style carries into the next line, like a terminal.
        auto next = p.parse(QStringLiteral("still"));
        QCOMPARE(*next[0].style.foreground, QColor(1, 2, 3));
        QCOMPARE(p.parse(QStringLiteral("\x1b]0;title\x07text"))[0].text, QStringLiteral("text"));
    }

    void containerValidationMirrorsTheApi()
    {
        CreateContainerDto f;
        f.internalId = QStringLiteral("survival-1");
        f.image = QStringLiteral("busybox");
        f.startupCommand = QStringLiteral("sh");
        f.volumeId = QStringLiteral("v");
        QVERIFY(validateContainer(f).isEmpty());
        QVERIFY(!isValidInternalId(QStringLiteral("-bad")));
        QVERIFY(!isValidInternalId(QString(65, u'a')));
        QVERIFY(isValidInternalId(QString(64, u'a')));
        f.startPattern = QStringLiteral("Done (");
        QCOMPARE(validateContainer(f).size(), 1);
        f.startPattern.clear();
        f.image.clear();
        f.startupCommand = QStringLiteral("  ");
        QCOMPARE(validateContainer(f).size(), 2);
        QVERIFY(!CreateContainerDto{}.toJson().contains(QStringLiteral("limits")));
    }

    void powerButtonsFollowState()
    {
        QVERIFY(powerAllowed(QStringLiteral("ready"), QStringLiteral("start")));
        QVERIFY(!powerAllowed(QStringLiteral("installing"), QStringLiteral("start")));
        QVERIFY(!powerAllowed(QStringLiteral("running"), QStringLiteral("start")));
        QVERIFY(powerAllowed(QStringLiteral("running"), QStringLiteral("stop")));
        QVERIFY(powerAllowed(QStringLiteral("starting"), QStringLiteral("restart")));
        QVERIFY(powerAllowed(QStringLiteral("stopping"), QStringLiteral("kill")));
        QVERIFY(!powerAllowed(QStringLiteral("ready"), QStringLiteral("kill")));
        QVERIFY(powerAllowed(QStringLiteral("suspended"), QStringLiteral("resume")));
        QVERIFY(!powerAllowed(QStringLiteral("running"), QStringLiteral("resume")));
    }

    void logWindowOverlap()
    {
        // Windows are told apart by sequence number: seq 10..12 shown, then 11..13 brings 13 only.
        const QStringList a{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")};
        qint64 next = -1;
        QCOMPARE(RestContainerFeed::newLines(next, 10, a), a);
        QCOMPARE(next, 13);
        QCOMPARE(RestContainerFeed::newLines(next, 11,
                                             {QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")}),
                 QStringList{QStringLiteral("4")});
        QCOMPARE(RestContainerFeed::newLines(next, 11,
                                             {QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")}),
                 QStringList{});
        // Repeated text is not a repeated line: the same three lines with new numbers are all new.
        QCOMPARE(RestContainerFeed::newLines(next, 14, a), a);
        QCOMPARE(next, 17);
        // A live line after them, and the count starting again after a daemon restart.
        QCOMPARE(RestContainerFeed::newLines(next, 17, {QStringLiteral("x")}),
                 QStringList{QStringLiteral("x")});
        QCOMPARE(RestContainerFeed::newLines(next, 0, a), a);
        QCOMPARE(next, 3);
        // A daemon without numbers: its first window only.
        qint64 none = -1;
        QCOMPARE(RestContainerFeed::newLines(none, -1, a), a);
        QCOMPARE(RestContainerFeed::newLines(none, -1, a), QStringList{});
    }

    void consoleFollowsTailUnlessScrolledUp()
    {
        ConsoleWidget console;
        console.resize(500, 300);
        console.setScrollback(1000);
        console.show();
        QStringList lines;
        for (int i = 0; i < 300; ++i)
            lines << QStringLiteral("\x1b[32mline %1\x1b[0m").arg(i);
        console.appendLines(lines);
        QVERIFY(console.isFollowing());
        QScrollBar *bar = console.output()->verticalScrollBar();
        bar->setValue(10);
        console.appendLines({QStringLiteral("more")});
        QCOMPARE(bar->value(), 10); // the operator reading history is not yanked down
        console.appendLines(QStringList(2000, QStringLiteral("x")));
        QVERIFY(console.lineCount() <= 1000); // bounded scrollback
    }

    void resourcesDialogSendsOnlyChangesInRange()
    {
        ResourcesDialog dialog;
        ResourcesDto engine;
        engine.memory = 512LL * 1024 * 1024;
        engine.memorySwap = 512LL * 1024 * 1024;
        engine.cpuShares = 0;
        dialog.setCurrent(engine, LimitsDto{512LL * 1024 * 1024, 1.5}, 64);
        QVERIFY(dialog.changes().isEmpty());
        QVERIFY(!dialog.quotaChange());
        dialog.memoryField()->setValue(1024);
        dialog.cpuField()->setValue(2);
        dialog.quotaField()->setValue(128);
        const ResourcesDto changes = dialog.changes();
        QCOMPARE(changes.memory.value_or(0), 1024LL * 1024 * 1024);
        QCOMPARE(changes.cpu.value_or(0), 2.0);
        QVERIFY(!changes.cpuShares && !changes.memorySwap && !changes.cpusetCpus);
        QCOMPARE(dialog.quotaChange().value_or(0), 128);
        // Exactly the JSON keys of API.md section 3.
        QCOMPARE(changes.toJson().keys(), (QStringList{QStringLiteral("cpu"), QStringLiteral("memory")}));
        QVERIFY(dialog.problems().isEmpty());
        dialog.memoryField()->setValue(2); // below the API's 4 MiB
        QCOMPARE(dialog.problems().size(), 1);
        QCOMPARE(ResourcesDto::fromJson(QJsonObject{{QStringLiteral("memory"), 5},
                                                    {QStringLiteral("cpuset_cpus"), QStringLiteral("0-1")}})
                     .toJson(),
                 (QJsonObject{{QStringLiteral("memory"), 5},
                              {QStringLiteral("cpuset_cpus"), QStringLiteral("0-1")}}));
    }

    void startupDialogChecksLikeTheApi()
    {
        StartupDialog dialog(QStringLiteral("mc"), QStringLiteral("sh run.sh"), QStringLiteral("Done \\("));
        dialog.show();
        QSignalSpy saves(&dialog, &StartupDialog::saveRequested);
        QVERIFY(!dialog.hasChanges());
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(dialog.problems().isEmpty());

        // Not a regular expression: refused here, before anything is sent.
        dialog.patternField()->setText(QStringLiteral("Done ("));
        QCOMPARE(dialog.problems().size(), 1);
        QVERIFY2(dialog.problems().first().contains(QStringLiteral("regular expression")),
                 qPrintable(dialog.problems().first()));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(saves.size(), 0);

        // The command: not blank, at most 16384 UTF-16 units (the daemon's QString check), no NUL.
        dialog.patternField()->setText(QStringLiteral("Done \\(.*\\)!"));
        dialog.commandField()->setPlainText(QStringLiteral("  \n "));
        QCOMPARE(dialog.problems(), QStringList{QStringLiteral("Enter the startup command.")});
        dialog.commandField()->setPlainText(QString(kMaxStartupCommandLength + 1, u'x'));
        QCOMPARE(dialog.problems().size(), 1);
        QVERIFY(dialog.problems().first().contains(QStringLiteral("16384")));
        dialog.commandField()->setPlainText(QString(kMaxStartupCommandLength, u'x'));
        QVERIFY(dialog.problems().isEmpty());
        dialog.commandField()->setPlainText(QStringLiteral("echo a") + QChar(0));
        QCOMPARE(dialog.problems().size(), 1);

        // Sent as typed (the node runs it verbatim); an unchanged field is not sent.
        const QString command = QStringLiteral("java -jar server.jar nogui\n");
        dialog.commandField()->setPlainText(command);
        QCOMPARE(dialog.commandChange().value_or(QString()), command);
        QVERIFY(dialog.patternChanged());
        QCOMPARE(dialog.pattern().value_or(QString()), QStringLiteral("Done \\(.*\\)!"));
        dialog.patternField()->setText(QStringLiteral("Done \\("));
        QVERIFY(!dialog.patternChanged());
        dialog.patternField()->clear(); // no pattern: sent as null
        QVERIFY(dialog.patternChanged());
        QVERIFY(!dialog.pattern());

        // The pattern tester matches like the daemon: anywhere in the line, colour codes removed.
        dialog.patternField()->setText(QStringLiteral("^Done \\("));
        dialog.sampleField()->setText(QStringLiteral("\x1b[32mDone (3.5s)!\x1b[0m"));
        QVERIFY(dialog.sampleResult()->property("match").toBool());
        dialog.sampleField()->setText(QStringLiteral("Loading Done (3.5s)"));
        QVERIFY(!dialog.sampleResult()->property("match").toBool());

        // Saving asks the page once; while it waits nothing is asked again; a refusal stays readable
        // until the operator edits, and a saved command is not sent a second time.
        QVERIFY(dialog.saveButton()->isEnabled());
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(saves.size(), 1);
        dialog.setBusy(true);
        QVERIFY(!dialog.saveButton()->isEnabled());
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(saves.size(), 1);
        dialog.markCommandSaved();
        QVERIFY(!dialog.commandChange());
        dialog.showFailure(QStringLiteral("Field 'start_pattern' is not valid"));
        QCOMPARE(dialog.message(), QStringLiteral("Field 'start_pattern' is not valid"));
        QVERIFY(dialog.saveButton()->isEnabled());
        QVERIFY(dialog.hasChanges()); // the pattern still differs
        dialog.patternField()->setText(QStringLiteral("Ready"));
        QCOMPARE(dialog.message(), QString());

        // The create dialog uses the same rules.
        CreateContainerDto f;
        f.internalId = QStringLiteral("mc");
        f.image = QStringLiteral("busybox");
        f.volumeId = QStringLiteral("v");
        f.startupCommand = QString(kMaxStartupCommandLength + 1, u'x');
        QCOMPARE(validateContainer(f).size(), 1);
    }

    void rebindDialogOffersFreeAndOwnPorts()
    {
        RebindDialog dialog;
        const QString ip = QStringLiteral("0.0.0.0");
        const QString tcp = QStringLiteral("tcp");
        PortBindingDto own;
        own.hostPort = 25565;
        own.containerPort = 25565;
        dialog.setPorts({PortDto{ip, 25565, tcp, true, QStringLiteral("mc")},
                         PortDto{ip, 25566, tcp, true, QStringLiteral("other")},
                         PortDto{ip, 25567, tcp, false, {}}},
                        QStringLiteral("mc"), {own});
        QCOMPARE(dialog.bindings(), QList<PortBindingDto>{own});
        QVERIFY(!dialog.setBound(ip, 25566, tcp, true)); // held by another container: not offered
        QVERIFY(dialog.setBound(ip, 25567, tcp, true, 8080));
        QVERIFY(dialog.setBound(ip, 25565, tcp, false));
        QCOMPARE(dialog.bindings().size(), 1);
        QCOMPARE(dialog.bindings().first().hostPort, 25567);
        QCOMPARE(dialog.bindings().first().containerPort, 8080);
    }

    void tokenDialogAndModel()
    {
        CreateTokenDialog dialog;
        dialog.setContainers({QStringLiteral("a"), QStringLiteral("b")});
        QVERIFY(!dialog.problems().isEmpty()); // limited, nothing ticked
        QCOMPARE(dialog.ttl(), QStringLiteral("15m"));
        TokensModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(
            {TokenInfoDto{QStringLiteral("t1"), 1700000000, true, {QStringLiteral("ws:a")}, 1600000000},
             TokenInfoDto{QStringLiteral("t2"), 0, false, {}, 1600000000}});
        QCOMPARE(model.index(0, TokensModel::ScopesColumn).data().toString(), QStringLiteral("Console of a"));
        QCOMPARE(model.index(1, TokensModel::ScopesColumn).data().toString(), QStringLiteral("Full access"));
        QCOMPARE(model.index(0, TokensModel::ExpiresColumn).data(SortRole).toLongLong(), 1700000000);
        QCOMPARE(TokensModel::describeScopes({QStringLiteral("api"), QStringLiteral("ws:*")}),
                 QStringLiteral("REST API, All consoles"));
    }

    void commandHistory()
    {
        CommandLine line;
        QSignalSpy entered(&line, &CommandLine::commandEntered);
        for (const char *c : {"say one", "say two"}) {
            line.setText(QString::fromLatin1(c));
            QTest::keyClick(&line, Qt::Key_Return);
        }
        QCOMPARE(entered.size(), 2);
        line.setText(QStringLiteral("draft"));
        QTest::keyClick(&line, Qt::Key_Up);
        QCOMPARE(line.text(), QStringLiteral("say two"));
        QTest::keyClick(&line, Qt::Key_Up);
        QCOMPARE(line.text(), QStringLiteral("say one"));
        QTest::keyClick(&line, Qt::Key_Down);
        QTest::keyClick(&line, Qt::Key_Down);
        QCOMPARE(line.text(), QStringLiteral("draft"));
    }

    void actionBarMovesWhatDoesNotFitIntoMore()
    {
        ActionBar bar;
        QList<QAction *> actions;
        for (const char *text : {"New container", "Compress", "Extract", "Delete"})
            actions << bar.add(icons::get(QStringLiteral("add")), QString::fromLatin1(text));
        bar.setPriority(actions[1], ActionBar::Priority::Low);
        // Low priority in the bar only: a button with a low QAction::priority would hide its text.
        const QToolButton *compress = bar.button(actions[1]);
        QVERIFY(compress->sizeHint().width() >
                compress->iconSize().width() + compress->fontMetrics().horizontalAdvance(compress->text()));
        bar.show();
        auto shownButtons = [&] {
            QStringList texts;
            for (QAction *a : actions)
                if (bar.button(a)->isVisible())
                    texts << a->text();
            return texts;
        };

        bar.resize(bar.sizeHint());
        QVERIFY(bar.overflow().isEmpty());
        QVERIFY(!bar.moreButton()->isVisible());
        QCOMPARE(shownButtons().size(), 4);

        // One button short: the low-priority one goes first, then from the end.
        bar.resize(bar.sizeHint().width() - 1, bar.height());
        QCOMPARE(bar.overflow(), QList<QAction *>{actions[1]});
        QVERIFY(bar.moreButton()->isVisible());
        QCOMPARE(shownButtons(), (QStringList{QStringLiteral("New container"), QStringLiteral("Extract"),
                                              QStringLiteral("Delete")}));
        QVERIFY(bar.moreButton()->geometry().right() < bar.width());
        // Room for "New container", "Extract" and "More" only.
        bar.resize(bar.button(actions[3])->geometry().left() + bar.moreButton()->sizeHint().width(),
                   bar.height());
        QCOMPARE(bar.overflow(), (QList<QAction *>{actions[1], actions[3]}));
        QCOMPARE(shownButtons(), (QStringList{QStringLiteral("New container"), QStringLiteral("Extract")}));

        // The bar needs no more than its "More" button: every action one click away.
        QCOMPARE(bar.minimumSizeHint().width(), bar.moreButton()->sizeHint().width());
        bar.resize(bar.minimumSizeHint());
        QCOMPARE(bar.overflow(), actions);
        QVERIFY(shownButtons().isEmpty());

        // A hidden action is nowhere; a disabled one is disabled in the menu too (the same action).
        actions[0]->setVisible(false);
        QCOMPARE(bar.overflow(), actions.mid(1));
        bar.resize(bar.sizeHint());
        QVERIFY(bar.overflow().isEmpty());
        QCOMPARE(shownButtons().size(), 3);
        QVERIFY(!bar.button(actions[0])->isVisible());
    }

    void adaptiveRowStacksWhenNarrow()
    {
        QWidget window; // as a window of its own the row would be held at its layout's minimum
        auto *host = new QVBoxLayout(&window);
        host->setContentsMargins(0, 0, 0, 0);
        auto *rowWidget = new AdaptiveRow;
        AdaptiveRow &row = *rowWidget;
        host->addWidget(rowWidget);
        auto *left = new QWidget;
        auto *right = new QWidget;
        left->setMinimumSize(200, 50);
        right->setMinimumSize(300, 80);
        row.addWidget(left);
        row.addWidget(right, 1);
        // It only ever needs its widest widget; side by side takes both and the spacing.
        QCOMPARE(row.minimumSizeHint().width(), 300);
        QCOMPARE(row.sizeHint().width(), 200 + 14 + 300);
        window.show();
        window.resize(600, 200);
        QTRY_VERIFY(!row.isStacked() && right->x() > left->x());
        QCOMPARE(left->y(), right->y());
        QVERIFY(row.minimumSizeHint().height() < 50 + 80);
        window.resize(400, 200);
        QTRY_VERIFY(row.isStacked() && right->y() >= left->y() + 50);
        QCOMPARE(row.minimumSizeHint().height(), 50 + 14 + 80);
        window.resize(514, 200);
        QTRY_VERIFY(!row.isStacked());
    }

    void elidedLabelGetsByWithLittle()
    {
        ElidedLabel label(QStringLiteral("http://node-frankfurt-1.hosting.example.com:8443 · lightd 1.2.3"));
        QVERIFY(label.minimumSizeHint().width() < 60);
        QVERIFY(label.sizeHint().width() > 300);
        label.resize(label.sizeHint());
        QVERIFY(!label.isElided());
        label.resize(120, label.height());
        QVERIFY(label.isElided());
    }

    // Issue 21: LIGHTD_GUI_LANG was ignored; --lang still wins over it.
    void languageFromTheEnvironment()
    {
        qputenv("LIGHTD_GUI_LANG", "de");
        QCOMPARE(StartupOptions::parse(QStringList{QStringLiteral("lightd-gui")}).language,
                 QStringLiteral("de"));
        QCOMPARE(StartupOptions::parse(QStringList{QStringLiteral("lightd-gui"), QStringLiteral("--lang"),
                                                   QStringLiteral("en")})
                     .language,
                 QStringLiteral("en"));
        translations::install(StartupOptions::parse(QStringList{QStringLiteral("lightd-gui")}).language);
        QCOMPARE(QCoreApplication::translate("lightd::gui::MainWindow", "&File"), QStringLiteral("&Datei"));
        qunsetenv("LIGHTD_GUI_LANG");
        QCOMPARE(StartupOptions::parse(QStringList{QStringLiteral("lightd-gui")}).language, QString());
        translations::install(QStringLiteral("en"));
    }

    // Issue 21: the axes were whole numbers ("3, 2, 0") without units or time.
    void chartAxesCarryUnitsAndTime()
    {
        StatsView view;
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        ContainerStats s;
        s.cpuAbsolute = 0.4;
        s.memoryBytes = 3 * 1024 * 1024 / 2;
        view.addSample(s, t0);
        s.cpuAbsolute = 0.7;
        view.addSample(s, t0 + 1000);
        QValueAxis *cpu = view.cpuChart()->yAxis();
        QVERIFY2(cpu->labelFormat().contains(QStringLiteral(".2f")), qPrintable(cpu->labelFormat()));
        QVERIFY(cpu->labelFormat().endsWith(QStringLiteral(" %%")));
        QVERIFY(cpu->max() > 0.7 && cpu->max() < 1.0); // not rounded up to a whole number
        QVERIFY(view.memoryChart()->yAxis()->labelFormat().endsWith(QStringLiteral(" MiB")));
        QVERIFY(view.networkChart()->yAxis()->labelFormat().endsWith(QStringLiteral(" KiB/s")));
        QDateTimeAxis *time = view.cpuChart()->xAxis();
        QCOMPARE(time->format(), QStringLiteral("HH:mm"));
        QVERIFY(time->labelsVisible());
        QCOMPARE(time->max().toMSecsSinceEpoch(), t0 + 1000);
        QCOMPARE(time->min().toMSecsSinceEpoch(), t0 + 1000 - StatsView::kWindow * 1000);
        // Larger values drop the decimals.
        s.cpuAbsolute = 180;
        view.addSample(s, t0 + 2000);
        QVERIFY2(cpu->labelFormat().startsWith(QStringLiteral("%.0f")), qPrintable(cpu->labelFormat()));
    }

    // Issue 21: "column headers sit ~5 px off their cells" — the first ink of a header and of the
    // cell under it start in the same pixel column (within one pixel).
    void headerTextLinesUpWithCells()
    {
        applyTheme(*qApp);
        QStandardItemModel model(2, 2);
        model.setHorizontalHeaderLabels({QStringLiteral("Name"), QStringLiteral("State")});
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 2; ++c)
                model.setItem(r, c, new QStandardItem(QStringLiteral("Name")));
        TableView view;
        view.setModel(&model);
        view.resize(420, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage header = view.horizontalHeader()->grab().toImage();
        const QImage cells = view.viewport()->grab().toImage();
        // The leftmost pixel column of section `section` (in the header or the first row) holding ink.
        auto firstInk = [](const QImage &img, int x0, int x1, int y0, int y1) {
            for (int x = x0; x < x1; ++x)
                for (int y = y0; y < y1; ++y)
                    if (qGray(img.pixel(x, y)) < 170)
                        return x;
            return -1;
        };
        const int rowHeight = view.rowHeight(0);
        for (int section = 0; section < 2; ++section) {
            const int x0 = view.horizontalHeader()->sectionViewportPosition(section) + 1;
            const int x1 = x0 + view.horizontalHeader()->sectionSize(section) - 2;
            const int inHeader = firstInk(header, x0, x1, 2, header.height() - 2);
            const int inCell = firstInk(cells, x0, x1, 2, rowHeight - 2);
            QVERIFY(inHeader > 0 && inCell > 0);
            QVERIFY2(qAbs(inHeader - inCell) <= 1,
                     qPrintable(QStringLiteral("section %1: header text at %2 px, cell text at %3 px")
                                    .arg(section)
                                    .arg(inHeader)
                                    .arg(inCell)));
        }
        qApp->setStyleSheet({});
    }

    // Issue 21: console search with highlight, filter, pause, timestamps, clear, save, echo.
    void consoleToolsSearchFilterPauseSave()
    {
        ConsoleWidget console;
        console.resize(700, 400);
        console.show();
        console.appendLines({QStringLiteral("\x1b[32m[INFO]\x1b[0m Server started"),
                             QStringLiteral("player joined"), QStringLiteral("[WARN] Can't keep up"),
                             QStringLiteral("player left")});
        console.setSearch(QStringLiteral("player"));
        QCOMPARE(console.matchCount(), 2);
        QCOMPARE(console.output()->extraSelections().size(), 2);
        console.findNext();
        QVERIFY(console.output()->textCursor().hasSelection());
        console.setFilter(true);
        QCOMPARE(console.lineCount(), 2);
        QCOMPARE(console.plainText(), QStringLiteral("player joined\nplayer left"));
        console.setFilter(false);
        QCOMPARE(console.lineCount(), 4);
        QCOMPARE(console.plainText().split(u'\n').first(),
                 QStringLiteral("[INFO] Server started")); // no escapes

        // Paused lines wait, counted, and arrive in order on resume.
        console.setPaused(true);
        console.appendLines({QStringLiteral("later 1"), QStringLiteral("later 2")});
        QCOMPARE(console.pendingCount(), 2);
        QVERIFY(!console.output()->toPlainText().contains(QStringLiteral("later")));
        console.setPaused(false);
        QCOMPARE(console.pendingCount(), 0);
        QVERIFY(console.output()->toPlainText().endsWith(QStringLiteral("later 1\nlater 2")));

        // Commands typed are echoed; timestamps are a toggle.
        console.setInputEnabled(true);
        QTest::keyClicks(console.commandLine(), QStringLiteral("say hi"));
        QTest::keyClick(console.commandLine(), Qt::Key_Return);
        QVERIFY(console.output()->toPlainText().endsWith(QStringLiteral("› say hi")));
        console.setTimestamps(true);
        const QRegularExpression stamped(QStringLiteral("^\\[\\d\\d:\\d\\d:\\d\\d\\] "));
        for (const QString &line : console.plainText().split(u'\n'))
            QVERIFY2(stamped.match(line).hasMatch(), qPrintable(line));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("console.log"));
        QVERIFY(console.saveTo(path));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(saved.readAll());
        QCOMPARE(text.count(u'\n'), 7);
        QVERIFY(text.contains(QStringLiteral("] Can't keep up")));
        console.clear();
        QCOMPARE(console.lineCount(), 0);
        QCOMPARE(console.plainText(), QString());
    }

    // Issue 21: a dark theme that follows the desktop, with a manual override.
    void darkThemeFollowsTheDesktopOrTheSetting()
    {
        QPalette darkDesktop;
        darkDesktop.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        QPalette lightDesktop;
        lightDesktop.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
        QVERIFY(theme::wantsDark(QStringLiteral("system"), darkDesktop));
        QVERIFY(!theme::wantsDark(QStringLiteral("system"), lightDesktop));
        QVERIFY(theme::wantsDark(QStringLiteral("dark"), lightDesktop));
        QVERIFY(!theme::wantsDark(QStringLiteral("light"), darkDesktop));

        applyTheme(*qApp, true);
        QVERIFY(theme::isDark());
        QVERIFY(qApp->palette().color(QPalette::Window).lightness() < 60);
        QVERIFY(qApp->palette().color(QPalette::Text).lightness() > 180);
        const QString sheet = qApp->styleSheet();
        QVERIFY(!sheet.contains(QStringLiteral("#f6f7f9"))); // no light page background left
        QVERIFY(sheet.contains(QStringLiteral("#sidebar QLabel#brand { color: #fefefe;"))); // stays light
        QVERIFY(sheet.contains(
            QStringLiteral("QLineEdit#commandLine { background: transparent; color: #e5e7ea;")));
        // A widget in it really paints dark.
        QLabel label(QStringLiteral("dark"));
        label.resize(80, 30);
        const QImage img = label.grab().toImage();
        QVERIFY(qGray(img.pixel(2, 2)) < 60);
        applyTheme(*qApp, false);
        QVERIFY(!theme::isDark());
        QVERIFY(qApp->palette().color(QPalette::Window).lightness() > 200);
        qApp->setStyleSheet({});
    }
};

QTEST_MAIN(TstGuiModels)
#include "tst_gui_models.moc"
