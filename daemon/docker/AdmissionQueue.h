#pragma once
#include "docker/ContainerEngine.h"

#include <QObject>
#include <QPointer>
#include <deque>
#include <functional>
#include <memory>

namespace lightd::docker {

// Admission to the engine: the heavy calls (pull, create, start, stop, restart, remove) wait in
// one FIFO queue and at most `limit` of them are at the engine at once; everything else (ping,
// inspect, list, update, kill, pause, wait and every stream) goes straight through.
//
// Why: on a burst of hundreds of starts the engine works through them one or two at a time, so
// with all of them sent at once the last ones sit at the engine past docker.timeout_s and come
// back "failed" although the engine did them. Here a call reaches the inner engine only when it
// is dispatched, so its timeout starts then, not while it waits in the queue. A call whose ctx is
// destroyed while queued is dropped unsent; one destroyed while in flight frees its slot at once.
class AdmissionQueue final : public QObject, public ContainerEngine
{
    Q_OBJECT
  public:
    // limit >= 1: heavy calls at the engine at once.
    AdmissionQueue(ContainerEngine &inner, int limit, QObject *parent = nullptr);
    ~AdmissionQueue() override;

    // docker.max_concurrent_calls: 0 means automatic, 4 per core (at least 4).
    static int limitFor(int configured);

    int limit() const { return m_limit; }
    int inFlight() const { return m_inFlight; }
    // Calls waiting for a slot (those whose ctx is gone are not counted).
    int queued() const;

    void ping(QObject *ctx, DockerCallback<QString> done) override;
    void version(QObject *ctx, DockerCallback<QJsonObject> done) override;
    void inspectImage(const QString &reference, QObject *ctx, DockerCallback<QJsonObject> done) override;
    void pullImage(const QString &reference, const QByteArray &registryAuth, QObject *ctx,
                   ProgressCallback progress, DockerCallback<void> done) override;
    void createContainer(const QString &name, const QJsonObject &config, QObject *ctx,
                         DockerCallback<CreatedContainer> done) override;
    void startContainer(const QString &id, QObject *ctx, DockerCallback<void> done) override;
    void stopContainer(const QString &id, int timeoutSeconds, QObject *ctx,
                       DockerCallback<void> done) override;
    void killContainer(const QString &id, const QString &signal, QObject *ctx,
                       DockerCallback<void> done) override;
    void restartContainer(const QString &id, int timeoutSeconds, QObject *ctx,
                          DockerCallback<void> done) override;
    void pauseContainer(const QString &id, QObject *ctx, DockerCallback<void> done) override;
    void unpauseContainer(const QString &id, QObject *ctx, DockerCallback<void> done) override;
    void removeContainer(const QString &id, bool force, bool removeVolumes, QObject *ctx,
                         DockerCallback<void> done) override;
    void inspectContainer(const QString &id, QObject *ctx, DockerCallback<QJsonObject> done) override;
    void listContainers(const QJsonObject &filters, QObject *ctx, DockerCallback<QJsonArray> done) override;
    void updateContainer(const QString &id, const QJsonObject &resources, QObject *ctx,
                         DockerCallback<QStringList> done) override;
    void waitContainer(const QString &id, WaitCondition condition, QObject *ctx,
                       DockerCallback<WaitResult> done) override;

    DockerStream *logs(const QString &id, const LogsOptions &options, QObject *parent) override;
    DockerStream *attach(const QString &id, const AttachOptions &options, QObject *parent) override;
    DockerStream *stats(const QString &id, bool stream, QObject *parent) override;
    DockerStream *events(const EventsOptions &options, QObject *parent) override;

  private:
    // One in-flight call's slot: freed once, by the answer or by its ctx going away.
    struct Slot;
    using Dispatch = std::function<void(const std::shared_ptr<Slot> &)>;
    struct Pending
    {
        QPointer<QObject> ctx;
        bool hasCtx = false;
        Dispatch dispatch;
    };

    // Queues dispatch; it runs (with a slot) when one is free, in arrival order.
    void admit(QObject *ctx, Dispatch dispatch);
    void pump();
    void release(Slot &slot);
    // done wrapped so the slot is freed before the caller hears the answer.
    template <typename T>
    DockerCallback<T> freeing(const std::shared_ptr<Slot> &slot, DockerCallback<T> done);

    ContainerEngine &m_inner;
    int m_limit;
    int m_inFlight = 0;
    bool m_pumping = false;
    std::deque<Pending> m_queue;
    std::shared_ptr<bool> m_alive; // slots outliving the queue must not touch it
};

} // namespace lightd::docker
