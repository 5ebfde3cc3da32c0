// The real ContainerRuntime driven by FakeContainerEngine (tests/support): every state change of
// the table, the power lock, a start the engine never answers, a crash, an engine that dies
// mid-stream, and the recovery paths (reconcile) — in milliseconds, without Docker.
#include "Await.h"
#include "FakeContainerEngine.h"
#include "containers/ContainerRuntime.h"
#include "containers/CrashPolicy.h"
#include "containers/EngineMonitor.h"
#include "lightd/ContainerRules.h"
#include "lightd/ErrorCodes.h"
#include "storage/Database.h"
#include "storage/Repositories.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lightd;
using namespace lightd::containers;
using lightd::test::FakeContainerEngine;
using lightd::test::waitUntil;
using S = ContainerState;

namespace {
// QTest prints a ContainerState through lightd::toString (a QString); compare by wire names.
QStringList names(const QList<S> &states)
{
    QStringList out;
    for (S s : states)
        out.append(toString(s));
    return out;
}
} // namespace

class TestRuntime : public QObject
{
    Q_OBJECT

    struct Rig
    {
        QTemporaryDir dir;
        storage::Database db{dir.filePath(QStringLiteral("t.db"))};
        std::unique_ptr<storage::ContainerRepository> repo;
        FakeContainerEngine engine;
        Config config;
        std::unique_ptr<ContainerRuntime> rt;
        QList<S> states; // every stateChanged, in order
        QStringList messages;
        QObject ctx;
        bool engineUp = true; // what the manager's liveness says

        Rig()
        {
            db.open();
            db.exec(QStringLiteral("INSERT INTO volumes (id, path, created_at) VALUES ('v', ?, 0)"),
                    {dir.path()});
            repo = std::make_unique<storage::ContainerRepository>(db);
            config.containers.crashRestart = false;
            engine.addImage(QStringLiteral("img"));
            // The manager's one events stream, forwarded as the manager does.
            auto *events = engine.events({}, &ctx);
            QObject::connect(events, &docker::DockerStream::jsonObject, &ctx, [this](const QJsonObject &e) {
                if (rt)
                    rt->onEngineEvent(e.value(QStringLiteral("Action")).toString(), e);
            });
        }

        // A runtime whose record says `state`; with a Docker container (running or not) unless
        // `docker` is false.
        ContainerRuntime *make(S state, bool docker = true, bool running = false,
                               std::optional<QString> pattern = std::nullopt)
        {
            ContainerRecord r;
            r.dto.internalId = QStringLiteral("rt");
            r.dto.image = QStringLiteral("img");
            r.dto.volumeId = QStringLiteral("v");
            r.dto.startupCommand = QStringLiteral("run");
            r.dto.startPattern = pattern;
            r.state = state;
            r.dto.installState = toString(state);
            if (docker)
                r.dto.containerId = engine.addContainer(r.dockerName(), running).id;
            repo->insert(r.toRow());
            ContainerPaths paths{
                dir.filePath(QStringLiteral("vol")), dir.filePath(QStringLiteral("data")), {}};
            rt = std::make_unique<ContainerRuntime>(
                r, paths, ContainerRuntime::Deps{engine, *repo, config, [this] { return engineUp; }});
            QObject::connect(rt.get(), &ContainerRuntime::stateChanged, &ctx,
                             [this](ContainerState s) { states.append(s); });
            QObject::connect(rt.get(), &ContainerRuntime::daemonMessage, &ctx,
                             [this](const QString &m) { messages.append(m); });
            return rt.get();
        }

        QString stored()
        {
            for (const auto &r : repo->all())
                if (r.internalId == QLatin1StringView("rt"))
                    return r.state;
            return {};
        }

        bool settle(S want)
        {
            return waitUntil([&] { return rt->state() == want && !rt->busy(); }, 5000);
        }

        // A runtime started through the door, running with its console attached; null if not.
        ContainerRuntime *running()
        {
            auto *r = make(S::Ready);
            const bool up = !r->requestPower(Operation::Start) && settle(S::Running) &&
                            waitUntil([&] { return r->attachOpen(); }, 5000);
            return up ? r : nullptr;
        }
    };

  private Q_SLOTS:
    // The bug issue 14 suspected: reconcile wrote m_record.state directly, so the setState(Ready)
    // after the recreate returned early: install_state stayed "running" and no event frame went out.
    void reconcileRecreatesAVanishedContainerAndSaysSo()
    {
        Rig rig;
        auto *rt = rig.make(S::Running, false);
        rt->reconcile();
        QVERIFY(
            waitUntil([&] { return rig.engine.calls.contains(QStringLiteral("create lightd-rt")); }, 5000));
        QVERIFY(rig.settle(S::Ready));
        QVERIFY(waitUntil([&] { return !rt->record().dto.containerId.isEmpty(); }, 5000));
        QCOMPARE(rt->record().dto.installState, QStringLiteral("ready"));
        QCOMPARE(rig.stored(), QStringLiteral("ready"));
        QCOMPARE(names(rig.states), names(QList<S>{S::Ready}));
    }

    void reconcileOfAStoppedContainerEndsReady()
    {
        Rig rig;
        auto *rt = rig.make(S::Running, true, false);
        rt->reconcile();
        QVERIFY(rig.settle(S::Ready));
        QCOMPARE(rig.stored(), QStringLiteral("ready"));
        QCOMPARE(names(rig.states), names(QList<S>{S::Ready}));
    }

    void reconcileAdoptsARunningContainer()
    {
        Rig rig;
        auto *rt = rig.make(S::Ready, true, true);
        rt->reconcile();
        QVERIFY(waitUntil([&] { return rt->state() == S::Running; }, 5000));
        QCOMPARE(rig.stored(), QStringLiteral("running"));
        QVERIFY(waitUntil([&] { return rt->attachOpen(); }, 5000));
        QCOMPARE(names(rig.states), names(QList<S>{S::Running}));
    }

    // The one door: engine liveness, then the state rules and the lock, for every caller.
    void theDoorRefusesWhileTheEngineIsDown()
    {
        Rig rig;
        auto *rt = rig.make(S::Ready);
        rig.engineUp = false;
        for (auto op : {Operation::Start, Operation::Kill, Operation::Reinstall, Operation::Rebind}) {
            const auto refused = rt->admit(op);
            QVERIFY(refused);
            QCOMPARE(refused->code(), QStringLiteral("docker_unavailable"));
        }
        QCOMPARE(rt->requestPower(Operation::Start)->code(), QStringLiteral("docker_unavailable"));
        QVERIFY(rig.engine.calls.isEmpty()); // nothing reached the engine
        QCOMPARE(rt->admit(Operation::Command)->code(), QStringLiteral("invalid_state")); // state, not engine
        rig.engineUp = true;
        QVERIFY(!rt->admit(Operation::Start));
        QCOMPARE(rt->admit(Operation::Stop)->code(), QStringLiteral("invalid_state"));
    }

    // A crash restart goes through the door too: with the engine gone meanwhile it is refused, said.
    void aCrashRestartUsesTheDoor()
    {
        Rig rig;
        rig.config.containers.crashRestart = true;
        auto *rt = rig.make(S::Ready);
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(rig.settle(S::Running));
        rig.engineUp = false;
        rig.engine.exitProcess(QStringLiteral("lightd-rt"), 1);
        QVERIFY(waitUntil(
            [&] {
                return rig.messages.contains(
                    QStringLiteral("Cannot restart the server: Docker engine is unavailable"));
            },
            5000));
        QCOMPARE(toString(rt->state()), toString(S::Ready));
    }

    void crashPolicyWindow()
    {
        CrashPolicy p;
        QCOMPARE(p.onCrash(1000, false, 60), CrashPolicy::Verdict::Off);
        QCOMPARE(p.onCrash(1000, true, 60), CrashPolicy::Verdict::Restart);
        QCOMPARE(p.onCrash(1059, true, 60), CrashPolicy::Verdict::TooSoon);
        QCOMPARE(p.onCrash(1060, true, 60), CrashPolicy::Verdict::Restart);
    }

    // EngineMonitor: up after the first ping, down when the events stream ends, up again when a
    // probe answers.
    void engineMonitorFollowsTheEngine()
    {
        FakeContainerEngine engine;
        EngineMonitor monitor(engine);
        QList<bool> changes;
        connect(&monitor, &EngineMonitor::availabilityChanged, this, [&](bool up) { changes.append(up); });
        monitor.start(1000);
        QVERIFY(monitor.up());
        engine.setAlive(false);
        QVERIFY(waitUntil([&] { return !monitor.up(); }, 5000));
        engine.setAlive(true);
        QVERIFY(waitUntil([&] { return monitor.up(); }, 5000)); // the 2 s probe
        QCOMPARE(changes, (QList<bool>{true, false, true}));
    }

    void installToReady()
    {
        Rig rig;
        auto *rt = rig.make(S::Installing, false);
        rt->install();
        QVERIFY(rig.settle(S::Ready));
        QVERIFY(!rt->record().dto.containerId.isEmpty());
        QCOMPARE(rig.stored(), QStringLiteral("ready"));
    }

    void installPullsAMissingImage()
    {
        Rig rig;
        auto *rt = rig.make(S::Installing, false);
        rt->updateRecord([](ContainerRecord &r) { r.dto.image = QStringLiteral("other"); });
        rt->install();
        QVERIFY(rig.settle(S::Ready));
        QVERIFY(rig.engine.calls.contains(QStringLiteral("pull other")));
        QVERIFY(!rt->installOutput().isEmpty());
    }

    void installFailsWhenTheEngineIsDown()
    {
        Rig rig;
        auto *rt = rig.make(S::Installing, false);
        rig.engine.setAlive(false);
        rt->install();
        QVERIFY(waitUntil([&] { return rt->state() == S::Failed; }, 5000));
        QVERIFY(!rt->busy());
        QVERIFY(!rt->record().dto.error.isEmpty());
    }

    void startStopWithoutPattern()
    {
        Rig rig;
        auto *rt = rig.make(S::Ready);
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(rig.settle(S::Running));
        QVERIFY(!rt->requestPower(Operation::Stop));
        QVERIFY(rig.settle(S::Ready));
        QCOMPARE(names(rig.states), names(QList<S>{S::Starting, S::Running, S::Stopping, S::Ready}));
        QCOMPARE(rig.stored(), QStringLiteral("ready"));
    }

    void startPatternMarksRunning()
    {
        Rig rig;
        auto *rt = rig.make(S::Ready, true, false, QStringLiteral("Done"));
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(waitUntil([&] { return rig.engine.find(QStringLiteral("lightd-rt"))->running; }, 5000));
        QCOMPARE(toString(rt->state()), toString(S::Starting));
        rig.engine.print(QStringLiteral("lightd-rt"), "loading\nDone (1s)\n");
        QVERIFY(rig.settle(S::Running));
        QCOMPARE(rt->history(10), (QStringList{QStringLiteral("loading"), QStringLiteral("Done (1s)")}));
        // a command reaches stdin
        QVERIFY(!rt->sendCommand(QStringLiteral("say hi")));
        QCOMPARE(rig.engine.attaches.last()->written, QByteArray("say hi\n"));
    }

    void suspendResumeKill()
    {
        Rig rig;
        auto *rt = rig.make(S::Ready);
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(rig.settle(S::Running));
        QVERIFY(!rt->requestPower(Operation::Suspend));
        QVERIFY(rig.settle(S::Suspended));
        QCOMPARE(rt->requestPower(Operation::Start)->code(), QString(codes::InvalidState));
        QVERIFY(!rt->requestPower(Operation::Resume));
        QVERIFY(rig.settle(S::Running));
        QVERIFY(!rt->requestPower(Operation::Kill));
        QVERIFY(rig.settle(S::Ready));
        QCOMPARE(names(rig.states),
                 names(QList<S>{S::Starting, S::Running, S::Suspended, S::Running, S::Ready}));
    }

    void restartFromRunning()
    {
        Rig rig;
        auto *rt = rig.make(S::Ready);
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(rig.settle(S::Running));
        QVERIFY(!rt->requestPower(Operation::Restart));
        QVERIFY(waitUntil([&] { return rig.states.size() >= 6; }, 5000));
        QVERIFY(rig.settle(S::Running));
        QCOMPARE(names(rig.states),
                 names(QList<S>{S::Starting, S::Running, S::Stopping, S::Ready, S::Starting, S::Running}));
    }

    // The power lock: one action at a time, whoever asks; kill always gets through.
    void aStartTheEngineNeverAnswersHoldsTheLock()
    {
        Rig rig;
        auto *rt = rig.make(S::Ready);
        rig.engine.holdStarts(true);
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(waitUntil([&] { return rig.engine.heldStarts() == 1; }, 5000));
        QCOMPARE(toString(rt->state()), toString(S::Starting));
        QVERIFY(rt->busy());
        const auto refused = rt->requestPower(Operation::Stop);
        QVERIFY(refused);
        QCOMPARE(refused->code(), QString(codes::PowerLocked));
        // The call times out and the engine, asked, says it did not start it: ready again, told
        // why, lock released.
        rig.engine.releaseStarts(docker::DockerError::timeout(QStringLiteral("start timed out")));
        QVERIFY(rig.settle(S::Ready));
        // The engine's own text stays in the log; the record and viewers get a clean reason.
        const QString why = QStringLiteral("Start failed: the container engine did not answer in time");
        QCOMPARE(rt->record().dto.error, why);
        QVERIFY(rig.messages.contains(why));
    }

    // Issue 17: the engine started it though the call timed out. Its word wins: running, no error.
    void aStartThatTimedOutButHappenedEndsRunning()
    {
        Rig rig;
        auto *rt = rig.make(S::Ready);
        rig.engine.holdStarts(true);
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(waitUntil([&] { return rig.engine.heldStarts() == 1; }, 5000));
        rig.engine.find(QStringLiteral("lightd-rt"))->running = true;
        rig.engine.releaseStarts(docker::DockerError::timeout(QStringLiteral("start timed out")));
        QVERIFY(rig.settle(S::Running));
        QCOMPARE(rt->record().dto.error, QString());
        QVERIFY(!rt->busy());
        QVERIFY(rt->attachOpen());
    }

    void killGetsThroughTheLock()
    {
        Rig rig;
        auto *rt = rig.make(S::Ready);
        rig.engine.holdStarts(true);
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(waitUntil([&] { return rig.engine.heldStarts() == 1; }, 5000));
        rig.engine.find(QStringLiteral("lightd-rt"))->running = true; // it did start, the answer is late
        QVERIFY(!rt->requestPower(Operation::Kill));
        QVERIFY(rig.settle(S::Ready));
        rig.engine.releaseStarts(); // the late answer of a superseded start changes nothing
        QTest::qWait(20);
        QCOMPARE(toString(rt->state()), toString(S::Ready));
    }

    void aCrashEndsReadyAndRestartsOnce()
    {
        Rig rig;
        rig.config.containers.crashRestart = true;
        auto *rt = rig.make(S::Ready);
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(rig.settle(S::Running));
        rig.engine.exitProcess(QStringLiteral("lightd-rt"), 3);
        QVERIFY(waitUntil(
            [&] { return rig.messages.contains(QStringLiteral("Server crashed with exit code 3")); }, 5000));
        QVERIFY(rig.settle(S::Running)); // restarted
        // A second crash inside the window: stays ready.
        rig.engine.exitProcess(QStringLiteral("lightd-rt"), 4);
        QVERIFY(waitUntil(
            [&] { return rig.messages.last().startsWith(QStringLiteral("Server crashed again within")); },
            5000));
        QCOMPARE(toString(rt->state()), toString(S::Ready));
    }

    // Issue 20, found by tst_engine_kill: after a dockerd restart the engine can end the attach of a
    // process that runs on. The console is attached again (and commands reach the new attach); an
    // end we caused (a stop) or a process that exited is not re-attached.
    void aConsoleTheEngineEndsIsAttachedAgain()
    {
        Rig rig;
        auto *rt = rig.running();
        QVERIFY(rt);
        QCOMPARE(rig.engine.attaches.size(), 1);
        rig.engine.endAttaches(QStringLiteral("lightd-rt"));
        QVERIFY(waitUntil([&] { return rig.engine.attaches.size() == 2 && rt->attachOpen(); }, 5000));
        QVERIFY(!rt->sendCommand(QStringLiteral("say hi")));
        QCOMPARE(rig.engine.attaches.last()->written, QByteArray("say hi\n"));
        rig.engine.print(QStringLiteral("lightd-rt"), "after\n");
        QCOMPARE(rt->history(1), QStringList{QStringLiteral("after")});
        QCOMPARE(toString(rt->state()), toString(S::Running));

        // Ended again and again: at most 5 re-attaches a run, then it stops trying.
        for (int i = 0; i < 6; ++i) {
            const qsizetype before = rig.engine.attaches.size();
            rig.engine.endAttaches(QStringLiteral("lightd-rt"));
            if (i < 4)
                QVERIFY(waitUntil(
                    [&] { return rig.engine.attaches.size() == before + 1 && rt->attachOpen(); }, 5000));
        }
        QVERIFY(!waitUntil([&] { return rt->attachOpen(); }, 3000)); // could fail: a 6th attach
        QCOMPARE(rig.engine.attaches.size(), 6);

        // A process that exits: its attach ends, nothing attaches again.
        QVERIFY(!rt->requestPower(Operation::Kill));
        QVERIFY(rig.settle(S::Ready));
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(rig.settle(S::Running));
        QVERIFY(waitUntil([&] { return rt->attachOpen(); }, 5000));
        const qsizetype attaches = rig.engine.attaches.size();
        rig.engine.exitProcess(QStringLiteral("lightd-rt"), 1);
        QVERIFY(rig.settle(S::Ready));
        QVERIFY(!waitUntil([&] { return rig.engine.attaches.size() > attaches; }, 1000));
    }

    // Issue 20, found by tst_engine_kill: an engine killed mid-start keeps a stale task, and refuses
    // every later start of that container id. The container is made again and started; once only.
    void aStaleEngineTaskIsReplacedByANewContainer()
    {
        Rig rig;
        auto *rt = rig.make(S::Ready);
        const QString oldId = rt->record().dto.containerId;
        rig.engine.find(oldId)->staleTask = true;
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(rig.settle(S::Running));
        QVERIFY(rt->record().dto.containerId != oldId);
        QVERIFY(!rig.engine.find(oldId));
        QVERIFY(rig.engine.find(rt->record().dto.containerId)->running);
        QVERIFY(rig.messages.join(QLatin1Char('\n')).contains(QStringLiteral("stale task")));
        QCOMPARE(rt->record().dto.error, QString());
        QCOMPARE(names(rig.states), names(QList<S>{S::Starting, S::Running}));

        // The new container refused too: one replacement a start, then the refusal is reported.
        QVERIFY(!rt->requestPower(Operation::Stop));
        QVERIFY(rig.settle(S::Ready));
        rig.engine.find(rt->record().dto.containerId)->staleTask = true;
        rig.engine.setStaleTaskOnCreate(true);
        const qsizetype creates = rig.engine.calls.filter(QStringLiteral("create ")).size();
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(waitUntil(
            [&] { return rig.engine.calls.filter(QStringLiteral("create ")).size() == creates + 1; }, 5000));
        QVERIFY(rig.settle(S::Ready));
        QVERIFY(rt->record().dto.error.startsWith(QStringLiteral("Start failed")));
        QCOMPARE(rig.engine.calls.filter(QStringLiteral("create ")).size(), creates + 1);
    }

    // After the engine's return (it may have restarted, keeping stale state for the container's id)
    // the first start makes the container again; later starts do not.
    void theFirstStartAfterTheEngineReturnedUsesANewContainer()
    {
        Rig rig;
        auto *rt = rig.make(S::Ready);
        const QString oldId = rt->record().dto.containerId;
        rt->engineReturned();
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(rig.settle(S::Running));
        const QString newId = rt->record().dto.containerId;
        QVERIFY(newId != oldId);
        QVERIFY(!rig.engine.find(oldId));
        QVERIFY(rig.engine.find(newId)->running);
        QVERIFY(rig.messages.join(QLatin1Char('\n')).contains(QStringLiteral("recreating the container")));
        QCOMPARE(names(rig.states), names(QList<S>{S::Starting, S::Running}));
        QVERIFY(!rt->requestPower(Operation::Restart));
        QVERIFY(waitUntil([&] { return rig.states.size() == 6; }, 5000));
        QVERIFY(rig.settle(S::Running));
        QCOMPARE(rt->record().dto.containerId, newId);
    }

    // The engine goes away again while that start makes the container: the start ends (`ready`,
    // told why), not the container (`failed`); the next start makes it and runs.
    void anOutageDuringThatRemakeEndsTheStartNotTheContainer()
    {
        Rig rig;
        auto *rt = rig.make(S::Ready);
        rt->engineReturned();
        rig.engine.setCreateError(docker::DockerError::unavailable(QStringLiteral("engine went away")));
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(
            waitUntil([&] { return rig.engine.calls.filter(QStringLiteral("create ")).size() == 1; }, 5000));
        QVERIFY(rig.settle(S::Ready));
        QCOMPARE(rt->record().dto.error, QStringLiteral("Start failed: the container engine is unavailable"));
        QCOMPARE(names(rig.states), names(QList<S>{S::Starting, S::Ready}));
        rig.engine.setCreateError({});
        QVERIFY(!rt->requestPower(Operation::Start));
        QVERIFY(rig.settle(S::Running));
        QCOMPARE(rig.engine.calls.filter(QStringLiteral("create ")).size(), 2);
        QCOMPARE(rt->record().dto.error, QString());
    }

    // The engine goes away while the console streams: the streams end, nothing is left half-open,
    // and power actions answer with the engine's error instead of hanging.
    void theEngineDiesMidStream()
    {
        Rig rig;
        auto *rt = rig.running();
        QVERIFY(rt);
        rig.engine.print(QStringLiteral("lightd-rt"), "half a li");
        rig.engine.setAlive(false);
        QVERIFY(waitUntil([&] { return !rt->attachOpen(); }, 5000));
        QCOMPARE(rt->history(1), QStringList{QStringLiteral("half a li")}); // the partial line is kept
        // The stop's outcome is unknown, never `failed`: the lock is released (a kill may still be
        // wanted) and the engine asked until it answers; then its word is taken.
        QVERIFY(!rt->requestPower(Operation::Stop));
        QVERIFY(waitUntil([&] { return !rt->busy(); }, 5000));
        QCOMPARE(toString(rt->state()), toString(S::Stopping));
        rig.engine.setAlive(true);
        const bool running = rig.engine.find(QStringLiteral("lightd-rt"))->running;
        QVERIFY(waitUntil([&] { return rt->state() == (running ? S::Running : S::Ready); }, 10000));
        QCOMPARE(rt->record().dto.error, QString());
    }
};

QTEST_GUILESS_MAIN(TestRuntime)
#include "tst_ct_runtime.moc"
