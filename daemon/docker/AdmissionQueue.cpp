#include "docker/AdmissionQueue.h"

#include <QThread>
#include <algorithm>

namespace lightd::docker {

struct AdmissionQueue::Slot
{
    QPointer<AdmissionQueue> queue;
    QMetaObject::Connection ctxGone;
    bool released = false;
};

AdmissionQueue::AdmissionQueue(ContainerEngine &inner, int limit, QObject *parent)
    : QObject(parent), m_inner(inner), m_limit(std::max(1, limit))
{}

AdmissionQueue::~AdmissionQueue() = default;

int AdmissionQueue::limitFor(int configured)
{
    // The engine does a start or create mostly one core at a time (the raw Docker burst:
    // 100 concurrent starts took 52 s, 100 one after another 59 s), so a few calls per core keep
    // it busy while each call's own wait stays a few seconds, far below docker.timeout_s.
    if (configured > 0)
        return configured;
    return std::max(4, 4 * QThread::idealThreadCount());
}

int AdmissionQueue::queued() const
{
    return int(
        std::count_if(m_queue.begin(), m_queue.end(), [](const Pending &p) { return !p.hasCtx || p.ctx; }));
}

void AdmissionQueue::admit(QObject *ctx, Dispatch dispatch)
{
    m_queue.push_back(Pending{QPointer<QObject>(ctx), ctx != nullptr, std::move(dispatch)});
    pump();
}

void AdmissionQueue::pump()
{
    if (m_pumping)
        return;
    m_pumping = true;
    while (m_inFlight < m_limit && !m_queue.empty()) {
        Pending p = std::move(m_queue.front());
        m_queue.pop_front();
        if (p.hasCtx && !p.ctx)
            continue; // its caller is gone: never sent
        auto slot = std::make_shared<Slot>();
        slot->queue = this;
        if (p.hasCtx) {
            // The inner engine abandons a call whose ctx dies and never answers it: free the slot.
            slot->ctxGone =
                connect(p.ctx.data(), &QObject::destroyed, this, [this, slot] { release(*slot); });
        }
        ++m_inFlight;
        p.dispatch(slot);
    }
    m_pumping = false;
}

void AdmissionQueue::release(Slot &slot)
{
    if (slot.released)
        return;
    slot.released = true;
    disconnect(slot.ctxGone);
    --m_inFlight;
    pump();
}

template <typename T>
DockerCallback<T> AdmissionQueue::freeing(const std::shared_ptr<Slot> &slot, DockerCallback<T> done)
{
    return [slot, done = std::move(done)](const DockerResult<T> &r) {
        if (slot->queue)
            slot->queue->release(*slot);
        done(r);
    };
}

// --- queued: the calls that make the engine work ------------------------------------------------

void AdmissionQueue::pullImage(const QString &reference, const QByteArray &registryAuth, QObject *ctx,
                               ProgressCallback progress, DockerCallback<void> done)
{
    admit(ctx, [=, this](const std::shared_ptr<Slot> &slot) {
        m_inner.pullImage(reference, registryAuth, ctx, progress, freeing(slot, done));
    });
}

void AdmissionQueue::createContainer(const QString &name, const QJsonObject &config, QObject *ctx,
                                     DockerCallback<CreatedContainer> done)
{
    admit(ctx, [=, this](const std::shared_ptr<Slot> &slot) {
        m_inner.createContainer(name, config, ctx, freeing(slot, done));
    });
}

void AdmissionQueue::startContainer(const QString &id, QObject *ctx, DockerCallback<void> done)
{
    admit(ctx, [=, this](const std::shared_ptr<Slot> &slot) {
        m_inner.startContainer(id, ctx, freeing(slot, done));
    });
}

void AdmissionQueue::stopContainer(const QString &id, int timeoutSeconds, QObject *ctx,
                                   DockerCallback<void> done)
{
    admit(ctx, [=, this](const std::shared_ptr<Slot> &slot) {
        m_inner.stopContainer(id, timeoutSeconds, ctx, freeing(slot, done));
    });
}

void AdmissionQueue::restartContainer(const QString &id, int timeoutSeconds, QObject *ctx,
                                      DockerCallback<void> done)
{
    admit(ctx, [=, this](const std::shared_ptr<Slot> &slot) {
        m_inner.restartContainer(id, timeoutSeconds, ctx, freeing(slot, done));
    });
}

void AdmissionQueue::removeContainer(const QString &id, bool force, bool removeVolumes, QObject *ctx,
                                     DockerCallback<void> done)
{
    admit(ctx, [=, this](const std::shared_ptr<Slot> &slot) {
        m_inner.removeContainer(id, force, removeVolumes, ctx, freeing(slot, done));
    });
}

// --- straight through: cheap for the engine, or must not wait behind a burst (kill) -----------

void AdmissionQueue::ping(QObject *ctx, DockerCallback<QString> done)
{
    m_inner.ping(ctx, std::move(done));
}

void AdmissionQueue::version(QObject *ctx, DockerCallback<QJsonObject> done)
{
    m_inner.version(ctx, std::move(done));
}

void AdmissionQueue::inspectImage(const QString &reference, QObject *ctx, DockerCallback<QJsonObject> done)
{
    m_inner.inspectImage(reference, ctx, std::move(done));
}

void AdmissionQueue::killContainer(const QString &id, const QString &signal, QObject *ctx,
                                   DockerCallback<void> done)
{
    m_inner.killContainer(id, signal, ctx, std::move(done));
}

void AdmissionQueue::pauseContainer(const QString &id, QObject *ctx, DockerCallback<void> done)
{
    m_inner.pauseContainer(id, ctx, std::move(done));
}

void AdmissionQueue::unpauseContainer(const QString &id, QObject *ctx, DockerCallback<void> done)
{
    m_inner.unpauseContainer(id, ctx, std::move(done));
}

void AdmissionQueue::inspectContainer(const QString &id, QObject *ctx, DockerCallback<QJsonObject> done)
{
    m_inner.inspectContainer(id, ctx, std::move(done));
}

void AdmissionQueue::listContainers(const QJsonObject &filters, QObject *ctx, DockerCallback<QJsonArray> done)
{
    m_inner.listContainers(filters, ctx, std::move(done));
}

void AdmissionQueue::updateContainer(const QString &id, const QJsonObject &resources, QObject *ctx,
                                     DockerCallback<QStringList> done)
{
    m_inner.updateContainer(id, resources, ctx, std::move(done));
}

void AdmissionQueue::waitContainer(const QString &id, WaitCondition condition, QObject *ctx,
                                   DockerCallback<WaitResult> done)
{
    m_inner.waitContainer(id, condition, ctx, std::move(done));
}

DockerStream *AdmissionQueue::logs(const QString &id, const LogsOptions &options, QObject *parent)
{
    return m_inner.logs(id, options, parent);
}

DockerStream *AdmissionQueue::attach(const QString &id, const AttachOptions &options, QObject *parent)
{
    return m_inner.attach(id, options, parent);
}

DockerStream *AdmissionQueue::stats(const QString &id, bool stream, QObject *parent)
{
    return m_inner.stats(id, stream, parent);
}

DockerStream *AdmissionQueue::events(const EventsOptions &options, QObject *parent)
{
    return m_inner.events(options, parent);
}

} // namespace lightd::docker
