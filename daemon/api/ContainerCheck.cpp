// Status, validation and repair of one container, for panels written for the earlier daemon
// (API.md section 12): the record compared with what the engine really runs.
#include "api/ContainerController.h"

#include "containers/DockerSpec.h"
#include "containers/MountPolicy.h"
#include "http/JsonFields.h"
#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "lightd/Keys.h"

#include <QJsonArray>

namespace lightd::api {
using namespace http;

namespace {
QStringList sorted(const QJsonArray &a)
{
    QStringList out;
    for (const auto &v : a)
        out.append(v.toString());
    out.sort();
    return out;
}

// Docker's HostIp "" and the pool's "0.0.0.0" mean the same; compare {key: [ip:port...]}.
QMap<QString, QStringList> portMap(const QJsonObject &bindings)
{
    QMap<QString, QStringList> out;
    for (auto it = bindings.constBegin(); it != bindings.constEnd(); ++it) {
        QStringList hosts;
        for (const auto &b : it.value().toArray()) {
            const QJsonObject o = b.toObject();
            QString ip = o.value(QStringLiteral("HostIp")).toString();
            if (ip.isEmpty())
                ip = QStringLiteral("0.0.0.0");
            hosts.append(ip + QLatin1Char(':') + o.value(QStringLiteral("HostPort")).toString());
        }
        hosts.sort();
        out.insert(it.key(), hosts);
    }
    return out;
}

QStringList compare(const QJsonObject &want, const QJsonObject &inspect)
{
    QStringList issues;
    const QJsonObject host = inspect.value(QStringLiteral("HostConfig")).toObject();
    const QJsonObject wantHost = want.value(QStringLiteral("HostConfig")).toObject();
    const QString image =
        inspect.value(QStringLiteral("Config")).toObject().value(QStringLiteral("Image")).toString();
    if (image != want.value(QStringLiteral("Image")).toString())
        issues.append(QStringLiteral("image: the engine runs %1, the record says %2")
                          .arg(image, want.value(QStringLiteral("Image")).toString()));
    if (sorted(host.value(QStringLiteral("Binds")).toArray()) !=
        sorted(wantHost.value(QStringLiteral("Binds")).toArray()))
        issues.append(
            QStringLiteral("mounts: the engine's binds differ from the record's volume and mounts"));
    if (portMap(host.value(QStringLiteral("PortBindings")).toObject()) !=
        portMap(wantHost.value(QStringLiteral("PortBindings")).toObject()))
        issues.append(QStringLiteral("ports: the engine's port bindings differ from the record's ports"));
    for (const char *limit : {"Memory", "NanoCpus"}) {
        const QString key = QLatin1StringView(limit);
        if (host.value(key).toInteger() != wantHost.value(key).toInteger())
            issues.append(QStringLiteral("limits: the engine's %1 is %2, the record's %3")
                              .arg(key)
                              .arg(host.value(key).toInteger())
                              .arg(wantHost.value(key).toInteger()));
    }
    return issues;
}
} // namespace

HttpResponse ContainerController::status(const HttpRequest &req)
{
    const auto &r = runtime(req)->record();
    const bool installing = r.state == ContainerState::Installing;
    const bool healthy = r.state != ContainerState::Failed && !installing && !r.dto.containerId.isEmpty();
    return HttpResponse::json(
        200, QJsonObject{{keys::InternalId, r.dto.internalId},
                         {QStringLiteral("install_state"), toString(r.state)},
                         {QStringLiteral("is_installing"), installing},
                         {QStringLiteral("container_id"),
                          r.dto.containerId.isEmpty() ? QJsonValue() : QJsonValue(r.dto.containerId)},
                         {QStringLiteral("is_healthy"), healthy},
                         {keys::Error, r.dto.error.isEmpty() ? QJsonValue() : QJsonValue(r.dto.error)}});
}

void ContainerController::validate(const HttpRequest &req, Responder responder)
{
    auto *rt = runtime(req);
    m_manager.requireEngine();
    // Custom mounts are bound by their resolved real path: compare with that, as the runtime binds.
    containers::ContainerPaths paths = rt->paths();
    QStringList refused;
    for (auto it = rt->record().dto.mount.cbegin(); it != rt->record().dto.mount.cend(); ++it) {
        QString why;
        const QString real = containers::mounts::resolve(m_manager.config(), it.value(), &why);
        if (real.isEmpty())
            refused.append(QStringLiteral("mounts: %1 is no longer allowed (%2)").arg(it.key(), why));
        else
            paths.mounts.insert(it.key(), real);
    }
    const QJsonObject want = containers::dockerspec::serverConfig(rt->record(), paths);
    const QString name = rt->record().dockerName();
    m_engine.inspectContainer(
        name, rt, [responder, want, name, refused](const docker::DockerResult<QJsonObject> &r) {
            QStringList issues = refused;
            if (!r.ok()) {
                if (r.error.kind != docker::DockerError::Kind::Http || r.error.httpStatus != 404)
                    return responder.fail(docker::domainError(r.error));
                issues.append(QStringLiteral("container missing: the engine has no container %1").arg(name));
            } else {
                issues += compare(want, r.value);
            }
            responder.send(HttpResponse::json(
                200, QJsonObject{{QStringLiteral("valid"), issues.isEmpty()},
                                 {QStringLiteral("issues"), QJsonArray::fromStringList(issues)}}));
        });
}

HttpResponse ContainerController::repair(const HttpRequest &req)
{
    fields::allowOnly(req.jsonBody(), {});
    auto *rt = runtime(req);
    // A repair is a recreate, as a rebind is: the same door and rules.
    if (auto refused = rt->admit(Operation::Rebind)) {
        if (refused->code() == codes::InvalidState)
            throw DomainError(
                codes::InvalidState,
                QStringLiteral("Cannot repair while the container is %1").arg(toString(rt->state())));
        throw *refused;
    }
    rt->recreate(false);
    return HttpResponse::json(202, QJsonObject{{keys::Message, QStringLiteral("Container repair started")},
                                               {keys::InternalId, rt->record().dto.internalId}});
}
} // namespace lightd::api
