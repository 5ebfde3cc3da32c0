#pragma once
#include "config/Config.h"
#include "containers/ConsoleHistory.h"
#include "containers/ContainerRecord.h"
#include "containers/CrashPolicy.h"
#include "containers/DockerSpec.h"
#include "containers/LineAssembler.h"
#include "containers/StateMachine.h"
#include "containers/StatsCalculator.h"
#include "docker/ContainerEngine.h"
#include "docker/DockerStream.h"
#include "lightd/DomainError.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <optional>

namespace lightd::storage {
class ContainerRepository;
}

namespace lightd::containers {
// One managed container: its record, the one state machine every change goes through, the power
// lock, the install flow, and the container's single attach stream (console + stdin) and single
// stats stream — owned here, independent of how many viewers watch. Split by job like Wings'
// server: power and state here, RuntimeInstall.cpp, RuntimeStreams.cpp, RuntimeRecovery.cpp (crash
// policy in CrashPolicy).
class ContainerRuntime final : public QObject
{
    Q_OBJECT
  public:
    struct Deps
    {
        docker::ContainerEngine &engine;
        storage::ContainerRepository &repo;
        const Config &config;
        // Whether the engine counts as up (ContainerManager's liveness); every operation asks it.
        std::function<bool()> engineUp = [] { return true; };
        // Whether the engine is Podman (a create's log driver depends on it).
        std::function<bool()> enginePodman = [] { return false; };
    };

    ContainerRuntime(ContainerRecord record, ContainerPaths paths, Deps deps, QObject *parent = nullptr);
    ~ContainerRuntime() override;

    const ContainerRecord &record() const { return m_record; }
    ContainerState state() const { return m_record.state; }
    const ContainerPaths &paths() const { return m_paths; }
    bool busy() const { return m_busy; }
    // Engine streams this container holds right now (for /metrics: one of each while running).
    bool attachOpen() const { return m_attach && !m_attach->isFinished(); }
    bool statsOpen() const { return m_stats && !m_stats->isFinished(); }

    // Pull, install script, create: installing -> ready | failed.
    void install();
    // The one door of every operation on this container, whoever asks (REST, console, quota stop,
    // crash restart): admit() checks, then the action starts; the rest is asynchronous.
    std::optional<DomainError> requestPower(PowerAction action);
    std::optional<DomainError> sendCommand(const QString &command);
    // The one place that checks engine liveness (503 docker_unavailable; a command needs only its
    // attach), then the state rules and the power lock (409, lightd::canBegin). nullopt: op may begin.
    std::optional<DomainError> admit(Operation op) const;
    QStringList history(int lines) const { return m_history.last(lines); }
    ConsoleHistory::Tail historyTail(int lines) const { return m_history.tail(lines); }
    const ConsoleHistory &consoleHistory() const { return m_history; }
    // The output of the current (or last) install: pull progress and install script, at most
    // kInstallOutputLines, so that a console opened mid-install shows it from the start.
    const QStringList &installOutput() const { return m_installOutput; }
    static constexpr qsizetype kInstallOutputLines = 500;
    std::optional<StatsSample> lastStats() const { return m_lastStats; }
    // Stats on demand (issue 17): the engine's stats stream costs dockerd CPU for every container
    // that has one, so it is open only while someone holds it (the console hub, while it has
    // viewers) and for websocket.stats_linger_ms after the last release.
    void holdStats();
    void releaseStats();
    qint64 uptimeMs() const;

    // Changes applied to the record (persisted); the Docker container is recreated when needed.
    void updateRecord(const std::function<void(ContainerRecord &)> &change);
    // Stops (if running), removes the Docker container, reinstalls with the record as it is now,
    // and starts again if it was running before. Used by reinstall and rebind-network.
    void recreate(bool runInstall);
    // Kills and removes the Docker containers; done() when the engine has answered.
    void destroy(std::function<void()> done);

    // From the manager's one events stream.
    void onEngineEvent(const QString &action, const QJsonObject &event);
    // After a daemon restart or engine return: adopt whatever Docker says the container is doing.
    void reconcile();
    // The engine was away and answers again (it may have restarted): the container is made again
    // before its next start (see replaceThenStart).
    void engineReturned() { m_replaceBeforeStart = true; }

  Q_SIGNALS:
    void stateChanged(lightd::ContainerState state);
    void consoleLine(quint64 seq, const QString &line);
    void installLine(const QString &line);
    void daemonMessage(const QString &message);
    void statsSample(const lightd::containers::StatsSample &sample);

  private:
    // Every state write: a legal transition of the table (canTransition), or, with adopt, what the
    // engine says the container is doing (recovery), told to viewers either way.
    bool setState(ContainerState next, const QString &error = QString(), bool adopt = false);
    void persist();
    void message(const QString &text);
    bool writeScripts(); // false (logged) when the scripts directory cannot be written
    void ensureImage(std::function<void(bool ok)> next);
    void runInstallScript(std::function<void(bool ok)> next);
    // forStart: made again for a start (replaceThenStart), so an engine outage meanwhile ends the
    // start (`ready`, told why), not the container (`failed`).
    void createServerContainer(std::function<void(bool ok)> next, bool forStart = false);
    void removeDocker(const QString &name, std::function<void()> next);
    HostPolicy policy() const;
    // Every engine create goes through here, so a delete can wait for (and remove) what is in flight.
    void createDocker(const QString &name, const QJsonObject &config,
                      docker::DockerCallback<docker::CreatedContainer> next);
    void listOwn(const QString &role, std::function<void(const QStringList &ids)> next);
    void removeIds(QStringList ids, std::function<void()> next);
    void removeOwn(const QString &role, std::function<void()> next);
    void purge(std::function<void()> done);

    // afterReplace: the start that follows replaceStaleContainer (which is tried once per start).
    void startProcess(bool afterReplace = false);
    void stopProcess(std::function<void()> then);
    void killProcess();
    void openStreams(std::function<void(bool ok)> attached);
    // The engine ended the attach while the process may run on: asked, and attached again if so.
    void onAttachLost();
    // A start refused for a stale engine task (staleEngineTask): the container is made again from
    // the record (a new engine id) and started once more, unless the engine says it runs.
    void replaceStaleContainer(quint64 gen);
    // Removes the engine container, creates it again from the record and starts it (once).
    void replaceThenStart(quint64 gen);
    void closeStreams();
    void syncStats(); // opens or closes the stats stream to match the holds and the process
    void closeStats();
    // A call whose answer never came (timeout, dropped connection) may still have been done by the
    // engine: its outcome is unknown until inspected. settle() asks the engine (again, with backoff,
    // while it cannot answer) and adopts what it says; gen guards against a newer action.
    // ifStopped: the record's error (and a console message) when the engine says the process is
    // not running, e.g. why a start whose answer never came did not start it.
    void settle(quint64 gen, const QString &ifStopped = QString(), int attempt = 0);
    void adopt(const QJsonObject &inspect, const QString &ifStopped = QString());
    void onConsoleBytes(const QByteArray &bytes);
    void handleLine(const QString &line);
    void onCrash();
    void installOutputLine(const QString &line);
    void fail(const QString &error);

    ContainerRecord m_record;
    ContainerPaths m_paths;
    Deps m_deps;
    ConsoleHistory m_history;
    QStringList m_installOutput;
    LineAssembler m_lines;
    std::optional<QRegularExpression> m_pattern;
    QPointer<docker::DockerStream> m_attach;
    QPointer<docker::DockerStream> m_stats;
    int m_statsHolds = 0;
    QTimer m_statsLinger;
    std::optional<StatsSample> m_lastStats;
    QElapsedTimer m_runningSince;
    bool m_busy = false;            // a power action or install is in flight
    bool m_startInFlight = false;   // the engine has not answered the current start yet
    bool m_diedDuringStart = false; // ...and the process already died meanwhile
    bool m_expectExit = false;      // an exit now is ours (stop/kill/restart), not a crash
    bool m_stoppedOutside = false;  // the engine reported a kill nobody here asked for (docker stop)
    bool m_destroyed = false;
    int m_creating = 0;                       // engine creates in flight
    std::function<void()> m_purgeWhenCreated; // a destroy waiting for them
    CrashPolicy m_crashPolicy;
    ContainerState m_suspendedFrom = ContainerState::Running; // the state a suspend paused
    qint64 m_startRequestedNs = 0; // engine clock (same host) when the current run was started
    quint64 m_generation = 0;      // bumps on every start/stop so late callbacks of an old run are ignored
    quint64 m_reattachGen = 0;     // the run whose lost attaches m_reattaches counts
    int m_reattaches = 0;
    bool m_replaceBeforeStart = false; // the engine returned since this container was made
};
} // namespace lightd::containers
