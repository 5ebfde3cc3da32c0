#pragma once
// An in-memory docker::ContainerEngine for unit tests of the runtime, the console hub and viewers:
// no socket, no Docker. Every call answers later on the caller's thread (a zero timer bound to
// ctx, as the contract of ContainerEngine says), so the code under test sees the same ordering it
// sees with the real engine. The test steers it: take the engine down (every call and stream fails
// as Unavailable), hold starts (a start that never answers), make containers print, exit or vanish.
#include "docker/ContainerEngine.h"
#include "docker/DockerStream.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>

namespace lightd::test {

// A stream the fake hands out; the test pushes output and ends it.
class FakeStream final : public docker::DockerStream
{
    Q_OBJECT
  public:
    using docker::DockerStream::DockerStream;
    bool write(const QByteArray &bytes) override;
    QByteArray written; // what was sent to stdin
    QString containerId;
};

class FakeContainerEngine final : public QObject, public docker::ContainerEngine
{
    Q_OBJECT
  public:
    struct Container
    {
        QString id;
        QString name;
        QJsonObject config;
        bool running = false;
        bool paused = false;
        int exitCode = 0;
        // A task left in containerd by an engine killed mid-start: every start of this id is
        // refused (HTTP 500 "task <id>: already exists"); a new container (new id) starts.
        bool staleTask = false;
    };

    explicit FakeContainerEngine(QObject *parent = nullptr);

    // --- steering ---------------------------------------------------------------------------
    // Down: every call answers Unavailable and every open stream finishes with it.
    void setAlive(bool alive);
    bool alive() const { return m_alive; }
    void addImage(const QString &reference) { m_images.insert(reference); }
    // While held, start calls get no answer until releaseStarts().
    void holdStarts(bool hold) { m_holdStarts = hold; }
    void releaseStarts(const docker::DockerError &error = {});
    int heldStarts() const { return int(m_heldStarts.size()); }
    // Output on a container's attach streams, as the process would print it (stdout).
    void print(const QString &idOrName, const QByteArray &bytes);
    // The process exits by itself (a crash): waits answer, a `die` event goes out.
    void exitProcess(const QString &idOrName, int exitCode);
    // The engine ends the container's open attach streams cleanly while the process runs on (what
    // dockerd does when a late cleanup of the run before its restart closes the stdin they hold).
    void endAttaches(const QString &idOrName);
    // Creates answer this error from now on (none: they work again).
    void setCreateError(const docker::DockerError &error) { m_createError = error; }
    // Containers created from now on have a stale task (see Container::staleTask).
    void setStaleTaskOnCreate(bool stale) { m_staleTaskOnCreate = stale; }
    // The container disappears (docker rm behind the daemon's back).
    void vanish(const QString &idOrName);
    // Adds a container as if created earlier (e.g. before a daemon restart).
    Container &addContainer(const QString &name, bool running);
    Container *find(const QString &idOrName);
    QList<QPointer<FakeStream>> attaches; // every attach handed out, in order
    QStringList calls;                    // "start lightd-x", "stop lightd-x", ... in call order

    // --- docker::ContainerEngine ---------------------------------------------------------------
    void ping(QObject *ctx, docker::DockerCallback<QString> done) override;
    void version(QObject *ctx, docker::DockerCallback<QJsonObject> done) override;
    void inspectImage(const QString &reference, QObject *ctx,
                      docker::DockerCallback<QJsonObject> done) override;
    void pullImage(const QString &reference, const QByteArray &registryAuth, QObject *ctx,
                   ProgressCallback progress, docker::DockerCallback<void> done) override;
    void createContainer(const QString &name, const QJsonObject &config, QObject *ctx,
                         docker::DockerCallback<docker::CreatedContainer> done) override;
    void startContainer(const QString &id, QObject *ctx, docker::DockerCallback<void> done) override;
    void stopContainer(const QString &id, int timeoutSeconds, QObject *ctx,
                       docker::DockerCallback<void> done) override;
    void killContainer(const QString &id, const QString &signal, QObject *ctx,
                       docker::DockerCallback<void> done) override;
    void restartContainer(const QString &id, int timeoutSeconds, QObject *ctx,
                          docker::DockerCallback<void> done) override;
    void pauseContainer(const QString &id, QObject *ctx, docker::DockerCallback<void> done) override;
    void unpauseContainer(const QString &id, QObject *ctx, docker::DockerCallback<void> done) override;
    void removeContainer(const QString &id, bool force, bool removeVolumes, QObject *ctx,
                         docker::DockerCallback<void> done) override;
    void inspectContainer(const QString &id, QObject *ctx, docker::DockerCallback<QJsonObject> done) override;
    void listContainers(const QJsonObject &filters, QObject *ctx,
                        docker::DockerCallback<QJsonArray> done) override;
    void updateContainer(const QString &id, const QJsonObject &resources, QObject *ctx,
                         docker::DockerCallback<QStringList> done) override;
    void waitContainer(const QString &id, docker::WaitCondition condition, QObject *ctx,
                       docker::DockerCallback<docker::WaitResult> done) override;
    docker::DockerStream *logs(const QString &id, const docker::LogsOptions &options,
                               QObject *parent) override;
    docker::DockerStream *attach(const QString &id, const docker::AttachOptions &options,
                                 QObject *parent) override;
    docker::DockerStream *stats(const QString &id, bool stream, QObject *parent) override;
    docker::DockerStream *events(const docker::EventsOptions &options, QObject *parent) override;

  private:
    template <typename T>
    void answer(QObject *ctx, docker::DockerCallback<T> done, docker::DockerResult<T> r);
    void answerVoid(QObject *ctx, docker::DockerCallback<void> done, docker::DockerError e = {});
    FakeStream *newStream(const QString &id, QObject *parent);
    void stopped(Container &c, int exitCode, bool event);
    static docker::DockerError notFound();
    static docker::DockerError down();

    bool m_alive = true;
    bool m_holdStarts = false;
    bool m_staleTaskOnCreate = false;
    docker::DockerError m_createError;
    int m_nextId = 1;
    QSet<QString> m_images;
    QHash<QString, Container> m_containers; // by id
    struct Held
    {
        QPointer<QObject> ctx;
        bool hasCtx = false;
        docker::DockerCallback<void> done;
        QString id;
    };
    QList<Held> m_heldStarts;
    struct Waiter
    {
        QPointer<QObject> ctx;
        docker::DockerCallback<docker::WaitResult> done;
        QString id;
    };
    QList<Waiter> m_waiters;
    QList<QPointer<FakeStream>> m_streams;
    QList<QPointer<FakeStream>> m_events;
};
} // namespace lightd::test
