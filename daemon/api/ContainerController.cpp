#include "api/ContainerController.h"

#include "api/ContainerSpecParser.h"
#include "containers/ConsoleCommand.h"
#include "containers/ContainerSpec.h"
#include "containers/EngineErrors.h"
#include "containers/MountPolicy.h"
#include "docker/DockerTypes.h"
#include "http/JsonFields.h"
#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "lightd/JsonUtil.h"
#include "lightd/Keys.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace lightd::api {
using namespace http;
using containers::ContainerRuntime;

namespace {
HttpResponse accepted(const QString &message, const QString &id)
{
    return HttpResponse::json(202, QJsonObject{{keys::Message, message}, {keys::InternalId, id}});
}

struct ResourceField
{
    QLatin1StringView key;
    const char *engine;
    double min;
    double max;
    bool allowMinusOne;
};

// API.md section 3's ranges, in one table for validation and for the GET answer.
const ResourceField kResourceFields[] = {
    {QLatin1StringView("memory"), "Memory", 4.0 * 1024 * 1024, 1024.0 * 1024 * 1024 * 1024, false},
    {QLatin1StringView("memory_swap"), "MemorySwap", 0, 2048.0 * 1024 * 1024 * 1024, true},
    {QLatin1StringView("memory_reservation"), "MemoryReservation", 0, 1024.0 * 1024 * 1024 * 1024, false},
    {QLatin1StringView("cpu_shares"), "CpuShares", 2, 262144, false},
    {QLatin1StringView("cpu_period"), "CpuPeriod", 1000, 1000000, false},
    {QLatin1StringView("cpu_quota"), "CpuQuota", 1000, 1e12, true},
    {QLatin1StringView("cpuset_cpus"), "CpusetCpus", 0, 0, false},
    {QLatin1StringView("blkio_weight"), "BlkioWeight", 10, 1000, false},
};
} // namespace

namespace resources {
QJsonObject validateUpdate(const QJsonObject &body)
{
    QJsonObject engine;
    for (const auto &f : kResourceFields) {
        if (!body.contains(f.key))
            continue;
        const QJsonValue v = body.value(f.key);
        if (QLatin1StringView(f.engine) == QLatin1StringView("CpusetCpus")) {
            static const QRegularExpression re(QStringLiteral("\\A[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*\\z"));
            if (!v.isString() || !re.match(v.toString()).hasMatch())
                fields::invalid(f.key, QStringLiteral("must be a CPU list such as \"0-1\" or \"0,2\""));
            engine.insert(QLatin1StringView(f.engine), v.toString());
            continue;
        }
        const auto n = json::exactInt64(v);
        const double d = n ? double(*n) : 0;
        if (!n || !((d >= f.min && d <= f.max) || (f.allowMinusOne && *n == -1)))
            fields::invalid(f.key, QStringLiteral("must be an integer between %1 and %2%3")
                                       .arg(qint64(f.min))
                                       .arg(qint64(f.max))
                                       .arg(f.allowMinusOne ? QStringLiteral(" or -1") : QString()));
        engine.insert(QLatin1StringView(f.engine), *n);
    }
    if (body.contains(keys::Cpu)) {
        const auto cpu = fields::optionalNumber(body, keys::Cpu, 0.01, 1024);
        engine.insert(QStringLiteral("NanoCpus"), qint64(*cpu * 1e9));
    }
    if (engine.contains(QStringLiteral("MemorySwap")) &&
        engine.value(QStringLiteral("MemorySwap")).toInteger() != -1) {
        const qint64 memory = engine.value(QStringLiteral("Memory")).toInteger();
        if (memory > 0 && engine.value(QStringLiteral("MemorySwap")).toInteger() < memory)
            fields::invalid(QLatin1StringView("memory_swap"),
                            QStringLiteral("must be at least memory, or -1"));
    }
    // Containers are created with swap = memory; a memory-only change keeps that relation, since the
    // engine refuses a memory limit above the current swap limit.
    if (engine.contains(QStringLiteral("Memory")) && !engine.contains(QStringLiteral("MemorySwap")))
        engine.insert(QStringLiteral("MemorySwap"), engine.value(QStringLiteral("Memory")));
    if (engine.isEmpty())
        throw DomainError(
            codes::MissingField,
            QStringLiteral("Give at least one of memory, memory_swap, memory_reservation, "
                           "cpu_shares, cpu_period, cpu_quota, cpuset_cpus, blkio_weight, cpu"));
    return engine;
}

QJsonObject fromInspect(const QJsonObject &hostConfig)
{
    QJsonObject out;
    for (const auto &f : kResourceFields)
        out.insert(f.key, hostConfig.value(QLatin1StringView(f.engine)));
    return out;
}
} // namespace resources

ContainerRuntime *ContainerController::runtime(const HttpRequest &req) const
{
    return m_manager.get(req.param(QStringLiteral("id")));
}

HttpResponse ContainerController::create(const HttpRequest &req)
{
    auto *rt = m_manager.create(spec::parseCreate(req.jsonBody()));
    return HttpResponse::json(201, QJsonObject{{keys::Message, QStringLiteral("Container creation started")},
                                               {keys::InternalId, rt->record().dto.internalId},
                                               {keys::State, toString(rt->state())}});
}

HttpResponse ContainerController::list(const HttpRequest &)
{
    QJsonArray a;
    for (auto *rt : m_manager.all())
        a.append(rt->record().dto.summary().toJson());
    return HttpResponse::json(200, QJsonObject{{keys::Containers, a}});
}

HttpResponse ContainerController::get(const HttpRequest &req)
{
    auto *rt = runtime(req);
    QJsonObject o = rt->record().dto.toJson();
    o.insert(keys::ExitCode, rt->record().exitCode ? QJsonValue(*rt->record().exitCode) : QJsonValue());
    o.insert(QStringLiteral("oom_killed"), rt->record().oomKilled);
    return HttpResponse::json(200, o);
}

void ContainerController::remove(const HttpRequest &req, Responder responder)
{
    m_manager.remove(req.param(QStringLiteral("id")), [responder] {
        responder.send(HttpResponse::message(200, QStringLiteral("Container deleted successfully")));
    });
}

HttpResponse ContainerController::power(const HttpRequest &req)
{
    fields::allowOnly(req.jsonBody(), {}); // power routes take no body fields
    auto *rt = runtime(req);
    const QString verb = req.path.section(QLatin1Char('/'), -1);
    const auto action = containers::powerActionFromString(verb);
    if (!action)
        throw DomainError(codes::RouteNotFound, QStringLiteral("Unknown power action %1").arg(verb));
    if (auto err = rt->requestPower(*action))
        throw *err;
    return accepted(QStringLiteral("Container %1 initiated").arg(verb), rt->record().dto.internalId);
}

HttpResponse ContainerController::reinstall(const HttpRequest &req)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(body, {keys::Image, keys::InstallScript});
    auto *rt = runtime(req);
    const auto image = fields::optionalString(body, keys::Image);
    const auto script = fields::optionalString(body, keys::InstallScript);
    if (image)
        containers::spec::parseImage(*image, keys::Image);
    if (auto refused = rt->admit(Operation::Reinstall))
        throw *refused;
    rt->updateRecord([&](containers::ContainerRecord &r) {
        if (image)
            r.dto.image = *image;
        if (script)
            r.installScript = *script;
    });
    rt->recreate(true);
    return accepted(QStringLiteral("Container reinstall started"), rt->record().dto.internalId);
}

HttpResponse ContainerController::rebind(const HttpRequest &req)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(body, {keys::Ports});
    const QJsonArray ports = fields::requireArray(body, keys::Ports);
    // 404 and the refusals (409, 503) before the entries are read, as the manager checks them.
    if (auto refused = runtime(req)->admit(Operation::Rebind))
        throw *refused;
    m_manager.rebind(req.param(QStringLiteral("id")), spec::parsePorts(ports));
    return accepted(QStringLiteral("Network rebinding started"), runtime(req)->record().dto.internalId);
}

HttpResponse ContainerController::command(const HttpRequest &req)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(body, {keys::Command});
    auto *rt = runtime(req);
    QString why;
    const auto cmd = containers::consoleCommand(fields::requireString(body, keys::Command), &why);
    if (!cmd)
        fields::invalid(keys::Command, why);
    if (auto err = rt->sendCommand(*cmd))
        throw *err;
    return accepted(QStringLiteral("Command sent"), rt->record().dto.internalId);
}

HttpResponse ContainerController::logs(const HttpRequest &req)
{
    auto *rt = runtime(req);
    int lines = 100;
    const QString q = req.queryValue(QStringLiteral("lines"));
    if (!q.isEmpty()) {
        bool ok = false;
        lines = q.toInt(&ok);
        if (!ok || !containers::ConsoleHistory::validRequest(lines))
            throw DomainError(
                codes::InvalidField,
                QStringLiteral("Query 'lines' must be %1").arg(containers::ConsoleHistory::requestRule()));
    }
    const auto tail = rt->historyTail(lines);
    QJsonArray a;
    for (const auto &l : tail.lines)
        a.append(l);
    return HttpResponse::json(200, QJsonObject{{keys::Lines, a}, {keys::FirstSeq, qint64(tail.firstSeq)}});
}

void ContainerController::updateResources(const HttpRequest &req, Responder responder)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(body, {QLatin1StringView("memory"), QLatin1StringView("memory_swap"),
                             QLatin1StringView("memory_reservation"), QLatin1StringView("cpu_shares"),
                             QLatin1StringView("cpu_period"), QLatin1StringView("cpu_quota"),
                             QLatin1StringView("cpuset_cpus"), QLatin1StringView("blkio_weight"), keys::Cpu});
    auto *rt = runtime(req);
    const QJsonObject engineBody = resources::validateUpdate(body); // 400 before anything is applied
    m_manager.requireEngine();
    if (rt->record().dto.containerId.isEmpty())
        throw DomainError(codes::InvalidState, QStringLiteral("The container has no Docker container yet"));
    const QString id = rt->record().dto.internalId;
    m_engine.updateContainer(
        rt->record().dto.containerId, engineBody, rt,
        [this, id, body, engineBody, responder](const docker::DockerResult<QStringList> &r) {
            if (!r.ok())
                return responder.fail(
                    r.error.kind == docker::DockerError::Kind::Http && r.error.httpStatus == 400
                        ? DomainError(codes::InvalidField,
                                      containers::engineFailure(
                                          id, QStringLiteral("The engine refused these resources"), r.error))
                        : docker::domainError(r.error));
            auto *rt2 = m_manager.find(id);
            if (!rt2)
                return responder.fail(
                    DomainError(codes::ContainerNotFound, QStringLiteral("Container not found")));
            rt2->updateRecord([&](containers::ContainerRecord &rec) {
                if (engineBody.contains(QStringLiteral("Memory")))
                    rec.dto.limits.memory = engineBody.value(QStringLiteral("Memory")).toInteger();
                if (engineBody.contains(QStringLiteral("NanoCpus")))
                    rec.dto.limits.cpu =
                        double(engineBody.value(QStringLiteral("NanoCpus")).toInteger()) / 1e9;
            });
            // The contract's names only: the record's limits plus each field this update set.
            QJsonObject limits = rt2->record().dto.limits.toJson();
            for (const auto &f : kResourceFields) {
                if (body.contains(f.key))
                    limits.insert(f.key, engineBody.value(QLatin1StringView(f.engine)));
            }
            responder.send(
                HttpResponse::json(200, QJsonObject{{keys::Message, QStringLiteral("Resources updated")},
                                                    {keys::Limits, limits}}));
        });
}

void ContainerController::getResources(const HttpRequest &req, Responder responder)
{
    auto *rt = runtime(req);
    m_manager.requireEngine();
    m_engine.inspectContainer(
        rt->record().dockerName(), rt, [responder](const docker::DockerResult<QJsonObject> &r) {
            if (!r.ok())
                return responder.fail(docker::domainError(r.error));
            responder.send(HttpResponse::json(
                200, resources::fromInspect(r.value.value(QStringLiteral("HostConfig")).toObject())));
        });
}

HttpResponse ContainerController::setStartup(const HttpRequest &req)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(body, {keys::StartupCommand});
    auto *rt = runtime(req);
    const QString cmd =
        containers::spec::parseStartupCommand(fields::requireString(body, keys::StartupCommand));
    rt->updateRecord([&](containers::ContainerRecord &r) { r.dto.startupCommand = cmd; });
    return HttpResponse::message(200,
                                 QStringLiteral("Startup command updated; it applies on the next start"));
}

HttpResponse ContainerController::setStartPattern(const HttpRequest &req)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(body, {keys::StartPattern});
    auto *rt = runtime(req);
    if (!body.contains(keys::StartPattern))
        throw DomainError(codes::MissingField,
                          QStringLiteral("Field 'start_pattern' is required (a string or null)"));
    const auto pattern = spec::parseStartPattern(body.value(keys::StartPattern));
    rt->updateRecord([&](containers::ContainerRecord &r) { r.dto.startPattern = pattern; });
    return HttpResponse::message(200, QStringLiteral("Start pattern updated"));
}

HttpResponse ContainerController::setMounts(const HttpRequest &req)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(body, {keys::Volumes});
    auto *rt = runtime(req);
    const auto mounts = fields::optionalObject(body, keys::Volumes);
    if (!mounts)
        throw DomainError(codes::MissingField, QStringLiteral("Field 'volumes' is required"));
    const auto parsed = spec::parseMounts(*mounts, keys::Volumes);
    containers::mounts::resolveAll(m_manager.config(), parsed, keys::Volumes); // 400 mount_not_allowed
    rt->updateRecord([&](containers::ContainerRecord &r) { r.dto.mount = parsed; });
    return HttpResponse::message(
        200, QStringLiteral("Mounts updated; they apply when the container is next recreated"));
}
} // namespace lightd::api
