#include "FakeContainerEngine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

namespace lightd::test {
using docker::DockerError;
using docker::DockerResult;

bool FakeStream::write(const QByteArray &bytes)
{
    if (isFinished())
        return false;
    written += bytes;
    return true;
}

FakeContainerEngine::FakeContainerEngine(QObject *parent) : QObject(parent) {}

DockerError FakeContainerEngine::notFound()
{
    return DockerError::http(404, QStringLiteral("No such container"));
}

DockerError FakeContainerEngine::down()
{
    return DockerError::unavailable(QStringLiteral("fake engine is down"));
}

template <typename T>
void FakeContainerEngine::answer(QObject *ctx, docker::DockerCallback<T> done, DockerResult<T> r)
{
    if (!m_alive)
        r = DockerResult<T>{T{}, down()};
    QTimer::singleShot(0, ctx ? ctx : this, [done = std::move(done), r] { done(r); });
}

void FakeContainerEngine::answerVoid(QObject *ctx, docker::DockerCallback<void> done, DockerError e)
{
    if (!m_alive)
        e = down();
    QTimer::singleShot(0, ctx ? ctx : this, [done = std::move(done), e] { done(DockerResult<void>{e}); });
}

void FakeContainerEngine::setAlive(bool alive)
{
    m_alive = alive;
    if (alive)
        return;
    const auto streams = m_streams + m_events;
    for (const auto &s : streams)
        if (s)
            s->finish(down());
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &w : waiters)
        if (w.ctx)
            QTimer::singleShot(0, w.ctx, [d = w.done] { d(DockerResult<docker::WaitResult>{{}, down()}); });
}

FakeContainerEngine::Container *FakeContainerEngine::find(const QString &idOrName)
{
    auto it = m_containers.find(idOrName);
    if (it != m_containers.end())
        return &it.value();
    for (auto &c : m_containers)
        if (c.name == idOrName)
            return &c;
    return nullptr;
}

FakeContainerEngine::Container &FakeContainerEngine::addContainer(const QString &name, bool running)
{
    Container c;
    c.id = QStringLiteral("fake%1").arg(m_nextId++);
    c.name = name;
    c.running = running;
    return m_containers.insert(c.id, c).value();
}

void FakeContainerEngine::releaseStarts(const DockerError &error)
{
    const auto held = std::exchange(m_heldStarts, {});
    for (const auto &h : held) {
        if (h.hasCtx && !h.ctx)
            continue;
        if (auto *c = find(h.id); c && error.ok())
            c->running = true;
        answerVoid(h.ctx, h.done, error);
    }
}

void FakeContainerEngine::endAttaches(const QString &idOrName)
{
    const Container *c = find(idOrName);
    if (!c)
        return;
    for (const auto &s : std::as_const(attaches))
        if (s && !s->isFinished() && s->containerId == c->id)
            s->finish({});
}

void FakeContainerEngine::print(const QString &idOrName, const QByteArray &bytes)
{
    const Container *c = find(idOrName);
    if (!c)
        return;
    for (const auto &s : std::as_const(attaches))
        if (s && !s->isFinished() && s->containerId == c->id)
            Q_EMIT s->data(int(docker::StreamType::Stdout), bytes);
}

void FakeContainerEngine::stopped(Container &c, int exitCode, bool event)
{
    const bool wasRunning = c.running;
    c.running = false;
    c.paused = false;
    c.exitCode = exitCode;
    const QString id = c.id;
    for (const auto &s : std::as_const(m_streams))
        if (s && s->containerId == id)
            s->finish(DockerError());
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &w : waiters) {
        if (w.id != id) {
            m_waiters.append(w);
            continue;
        }
        if (w.ctx)
            QTimer::singleShot(0, w.ctx, [d = w.done, exitCode] {
                d(DockerResult<docker::WaitResult>{docker::WaitResult{exitCode, {}}, {}});
            });
    }
    if (event && wasRunning) {
        const QJsonObject e{
            {QStringLiteral("Type"), QStringLiteral("container")},
            {QStringLiteral("Action"), QStringLiteral("die")},
            {QStringLiteral("timeNano"), QDateTime::currentMSecsSinceEpoch() * 1000000},
            {QStringLiteral("Actor"),
             QJsonObject{{QStringLiteral("ID"), id},
                         {QStringLiteral("Attributes"),
                          QJsonObject{{QStringLiteral("name"), c.name},
                                      {QStringLiteral("exitCode"), QString::number(exitCode)}}}}}};
        for (const auto &s : std::as_const(m_events))
            if (s && !s->isFinished())
                Q_EMIT s->jsonObject(e);
    }
}

void FakeContainerEngine::exitProcess(const QString &idOrName, int exitCode)
{
    if (Container *c = find(idOrName))
        stopped(*c, exitCode, true);
}

void FakeContainerEngine::vanish(const QString &idOrName)
{
    if (Container *c = find(idOrName)) {
        stopped(*c, 137, false);
        m_containers.remove(c->id);
    }
}

void FakeContainerEngine::ping(QObject *ctx, docker::DockerCallback<QString> done)
{
    answer<QString>(ctx, std::move(done), {QStringLiteral("1.43"), {}});
}

void FakeContainerEngine::version(QObject *ctx, docker::DockerCallback<QJsonObject> done)
{
    answer<QJsonObject>(ctx, std::move(done),
                        {QJsonObject{{QStringLiteral("ApiVersion"), QStringLiteral("1.43")}}, {}});
}

void FakeContainerEngine::inspectImage(const QString &reference, QObject *ctx,
                                       docker::DockerCallback<QJsonObject> done)
{
    calls.append(QStringLiteral("inspectImage ") + reference);
    if (m_images.contains(reference))
        answer<QJsonObject>(ctx, std::move(done), {QJsonObject{{QStringLiteral("Id"), reference}}, {}});
    else
        answer<QJsonObject>(ctx, std::move(done),
                            {{}, DockerError::http(404, QStringLiteral("No such image"))});
}

void FakeContainerEngine::pullImage(const QString &reference, const QByteArray &, QObject *ctx,
                                    ProgressCallback progress, docker::DockerCallback<void> done)
{
    calls.append(QStringLiteral("pull ") + reference);
    m_images.insert(reference);
    QTimer::singleShot(0, ctx ? ctx : this, [progress] {
        progress(QJsonObject{{QStringLiteral("status"), QStringLiteral("Pull complete")}});
    });
    answerVoid(ctx, std::move(done));
}

void FakeContainerEngine::createContainer(const QString &name, const QJsonObject &config, QObject *ctx,
                                          docker::DockerCallback<docker::CreatedContainer> done)
{
    calls.append(QStringLiteral("create ") + name);
    if (!m_createError.ok())
        return answer<docker::CreatedContainer>(ctx, std::move(done), {{}, m_createError});
    if (m_alive && find(name))
        return answer<docker::CreatedContainer>(ctx, std::move(done),
                                                {{}, DockerError::http(409, QStringLiteral("name in use"))});
    QString id;
    if (m_alive) {
        Container &c = addContainer(name, false);
        c.config = config;
        c.staleTask = m_staleTaskOnCreate;
        id = c.id;
    }
    answer<docker::CreatedContainer>(ctx, std::move(done), {docker::CreatedContainer{id, {}}, {}});
}

void FakeContainerEngine::startContainer(const QString &id, QObject *ctx, docker::DockerCallback<void> done)
{
    calls.append(QStringLiteral("start ") + id);
    Container *c = find(id);
    if (m_alive && !c)
        return answerVoid(ctx, std::move(done), notFound());
    if (m_alive && c->staleTask)
        return answerVoid(ctx, std::move(done),
                          DockerError::http(500, QStringLiteral("task %1: already exists").arg(c->id)));
    if (m_alive && m_holdStarts) {
        m_heldStarts.append({ctx, ctx != nullptr, std::move(done), c->id});
        return;
    }
    if (m_alive)
        c->running = true;
    answerVoid(ctx, std::move(done));
}

void FakeContainerEngine::stopContainer(const QString &id, int, QObject *ctx,
                                        docker::DockerCallback<void> done)
{
    calls.append(QStringLiteral("stop ") + id);
    Container *c = find(id);
    if (m_alive && !c)
        return answerVoid(ctx, std::move(done), notFound());
    if (m_alive)
        stopped(*c, 0, true);
    answerVoid(ctx, std::move(done));
}

void FakeContainerEngine::killContainer(const QString &id, const QString &, QObject *ctx,
                                        docker::DockerCallback<void> done)
{
    calls.append(QStringLiteral("kill ") + id);
    Container *c = find(id);
    if (m_alive && !c)
        return answerVoid(ctx, std::move(done), notFound());
    if (m_alive && !c->running)
        return answerVoid(ctx, std::move(done), DockerError::http(409, QStringLiteral("is not running")));
    if (m_alive)
        stopped(*c, 137, true);
    answerVoid(ctx, std::move(done));
}

void FakeContainerEngine::restartContainer(const QString &id, int, QObject *ctx,
                                           docker::DockerCallback<void> done)
{
    calls.append(QStringLiteral("restart ") + id);
    Container *c = find(id);
    if (m_alive && !c)
        return answerVoid(ctx, std::move(done), notFound());
    if (m_alive)
        c->running = true;
    answerVoid(ctx, std::move(done));
}

void FakeContainerEngine::pauseContainer(const QString &id, QObject *ctx, docker::DockerCallback<void> done)
{
    calls.append(QStringLiteral("pause ") + id);
    Container *c = find(id);
    if (m_alive && !c)
        return answerVoid(ctx, std::move(done), notFound());
    if (m_alive)
        c->paused = true;
    answerVoid(ctx, std::move(done));
}

void FakeContainerEngine::unpauseContainer(const QString &id, QObject *ctx, docker::DockerCallback<void> done)
{
    calls.append(QStringLiteral("unpause ") + id);
    Container *c = find(id);
    if (m_alive && !c)
        return answerVoid(ctx, std::move(done), notFound());
    if (m_alive)
        c->paused = false;
    answerVoid(ctx, std::move(done));
}

void FakeContainerEngine::removeContainer(const QString &id, bool, bool, QObject *ctx,
                                          docker::DockerCallback<void> done)
{
    calls.append(QStringLiteral("remove ") + id);
    Container *c = find(id);
    if (m_alive && !c)
        return answerVoid(ctx, std::move(done), notFound());
    if (m_alive) {
        stopped(*c, 137, false);
        m_containers.remove(c->id);
    }
    answerVoid(ctx, std::move(done));
}

// Only the `label` filter (key=value, all must match), which is all the runtime asks for.
void FakeContainerEngine::listContainers(const QJsonObject &filters, QObject *ctx,
                                         docker::DockerCallback<QJsonArray> done)
{
    calls.append(QStringLiteral("list"));
    if (!m_alive)
        return answer<QJsonArray>(ctx, std::move(done), {{}, down()});
    const QJsonArray wanted = filters.value(QStringLiteral("label")).toArray();
    QJsonArray out;
    for (const Container &c : std::as_const(m_containers)) {
        const QJsonObject labels = c.config.value(QStringLiteral("Labels")).toObject();
        bool all = true;
        for (const auto &w : wanted) {
            const QString kv = w.toString();
            const qsizetype eq = kv.indexOf(QLatin1Char('='));
            const QString key = eq < 0 ? kv : kv.left(eq);
            if (!labels.contains(key) || (eq >= 0 && labels.value(key).toString() != kv.mid(eq + 1)))
                all = false;
        }
        if (all)
            out.append(QJsonObject{{QStringLiteral("Id"), c.id},
                                   {QStringLiteral("Names"), QJsonArray{QLatin1Char('/') + c.name}},
                                   {QStringLiteral("Labels"), labels}});
    }
    answer<QJsonArray>(ctx, std::move(done), {out, {}});
}

void FakeContainerEngine::inspectContainer(const QString &id, QObject *ctx,
                                           docker::DockerCallback<QJsonObject> done)
{
    const Container *c = find(id);
    if (m_alive && !c)
        return answer<QJsonObject>(ctx, std::move(done), {{}, notFound()});
    QJsonObject body;
    if (c)
        body = QJsonObject{{QStringLiteral("Id"), c->id},
                           {QStringLiteral("Name"), QLatin1Char('/') + c->name},
                           {QStringLiteral("State"), QJsonObject{{QStringLiteral("Running"), c->running},
                                                                 {QStringLiteral("Paused"), c->paused},
                                                                 {QStringLiteral("ExitCode"), c->exitCode},
                                                                 {QStringLiteral("OOMKilled"), false}}}};
    answer<QJsonObject>(ctx, std::move(done), {body, {}});
}

void FakeContainerEngine::updateContainer(const QString &id, const QJsonObject &, QObject *ctx,
                                          docker::DockerCallback<QStringList> done)
{
    if (m_alive && !find(id))
        return answer<QStringList>(ctx, std::move(done), {{}, notFound()});
    answer<QStringList>(ctx, std::move(done), {{}, {}});
}

void FakeContainerEngine::waitContainer(const QString &id, docker::WaitCondition, QObject *ctx,
                                        docker::DockerCallback<docker::WaitResult> done)
{
    const Container *c = find(id);
    if (!m_alive || !c || !c->running)
        return answer<docker::WaitResult>(
            ctx, std::move(done),
            {docker::WaitResult{c ? c->exitCode : 0, {}}, m_alive && !c ? notFound() : DockerError()});
    m_waiters.append({ctx, std::move(done), c->id});
}

FakeStream *FakeContainerEngine::newStream(const QString &id, QObject *parent)
{
    auto *s = new FakeStream(parent);
    const Container *c = find(id);
    s->containerId = c ? c->id : id;
    m_streams.append(s);
    const bool ok = m_alive && c;
    const bool running = c && c->running;
    QTimer::singleShot(0, s, [s, ok, running, alive = m_alive] {
        if (!ok)
            return s->finish(alive ? notFound() : down());
        s->markStarted();
        Q_UNUSED(running)
    });
    return s;
}

docker::DockerStream *FakeContainerEngine::logs(const QString &id, const docker::LogsOptions &,
                                                QObject *parent)
{
    FakeStream *s = newStream(id, parent);
    // An install container's log: it has printed nothing and ends when the container stops.
    return s;
}

docker::DockerStream *FakeContainerEngine::attach(const QString &id, const docker::AttachOptions &,
                                                  QObject *parent)
{
    calls.append(QStringLiteral("attach ") + id);
    FakeStream *s = newStream(id, parent);
    attaches.append(s);
    return s;
}

docker::DockerStream *FakeContainerEngine::stats(const QString &id, bool, QObject *parent)
{
    return newStream(id, parent);
}

docker::DockerStream *FakeContainerEngine::events(const docker::EventsOptions &, QObject *parent)
{
    auto *s = new FakeStream(parent);
    m_events.append(s);
    QTimer::singleShot(0, s, [this, s] {
        if (m_alive)
            s->markStarted();
        else
            s->finish(down());
    });
    return s;
}
} // namespace lightd::test
