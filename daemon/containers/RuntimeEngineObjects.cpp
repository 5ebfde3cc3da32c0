#include "containers/ContainerRuntime.h"

#include "docker/DockerStream.h"

#include <QJsonArray>

// The engine containers a ContainerRuntime owns: every create goes through createDocker (so a
// delete can wait for creates in flight), and they are found by their labels, never by a name.
namespace lightd::containers {
HostPolicy ContainerRuntime::policy() const
{
    const auto &c = m_deps.config.containers;
    // Podman 4.3 has no `local` driver; its json-file (k8s-file) takes the same size options.
    return {c.logMaxMb, c.logMaxFiles, c.pidsLimit,
            m_deps.enginePodman() ? QStringLiteral("json-file") : QStringLiteral("local")};
}

void ContainerRuntime::createDocker(const QString &name, const QJsonObject &config,
                                    docker::DockerCallback<docker::CreatedContainer> next)
{
    if (m_destroyed)
        return;
    ++m_creating;
    m_deps.engine.createContainer(name, config, this,
                                  [this, next](const docker::DockerResult<docker::CreatedContainer> &c) {
                                      --m_creating;
                                      if (!m_destroyed)
                                          return next(c);
                                      // Deleted meanwhile: what the engine just made goes too.
                                      if (m_creating == 0 && m_purgeWhenCreated) {
                                          auto done = std::exchange(m_purgeWhenCreated, nullptr);
                                          purge(std::move(done));
                                      }
                                  });
}

// Containers are found by their labels, never by a name prefix.
void ContainerRuntime::listOwn(const QString &role, std::function<void(const QStringList &ids)> next)
{
    QJsonArray labels{QStringLiteral("lightd.internal_id=") + m_record.dto.internalId};
    if (!role.isEmpty())
        labels.append(QStringLiteral("lightd.role=") + role);
    m_deps.engine.listContainers(QJsonObject{{QStringLiteral("label"), labels}}, this,
                                 [next](const docker::DockerResult<QJsonArray> &r) {
                                     QStringList ids;
                                     for (const auto &c : r.value)
                                         ids.append(c.toObject().value(QStringLiteral("Id")).toString());
                                     next(ids);
                                 });
}

void ContainerRuntime::removeIds(QStringList ids, std::function<void()> next)
{
    if (ids.isEmpty())
        return next();
    const QString id = ids.takeFirst();
    m_deps.engine.removeContainer(
        id, true, false, this,
        [this, ids, next](const docker::DockerResult<void> &) { removeIds(ids, next); });
}

void ContainerRuntime::removeOwn(const QString &role, std::function<void()> next)
{
    if (m_destroyed)
        return;
    listOwn(role, [this, next](const QStringList &ids) {
        removeIds(ids, [this, next] {
            if (!m_destroyed)
                next();
        });
    });
}

void ContainerRuntime::purge(std::function<void()> done)
{
    // By label (every role, any name an earlier version gave), then by the server's name in case the
    // engine could not list.
    listOwn(QString(), [this, done](const QStringList &ids) {
        removeIds(ids, [this, done] {
            m_deps.engine.removeContainer(m_record.dockerName(), true, false, this,
                                          [done](const docker::DockerResult<void> &) { done(); });
        });
    });
}
} // namespace lightd::containers
