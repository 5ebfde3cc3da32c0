#include "api/ContainerSpecParser.h"

#include "api/PortParser.h"
#include "containers/ContainerSpec.h"
#include "http/JsonFields.h"
#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "lightd/JsonUtil.h"
#include "lightd/Keys.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>

namespace lightd::api::spec {
using containers::ContainerRecord;
using containers::spec::isValidInternalId;
using containers::spec::parseImage;
using containers::spec::parseStartupCommand;
using containers::spec::startPatternRegex;
namespace fields = http::fields;
using fields::invalid;

std::optional<QString> parseStartPattern(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString())
        invalid(keys::StartPattern, QStringLiteral("must be a string or null"));
    const QString pattern = value.toString();
    if (pattern.isEmpty())
        return std::nullopt;
    // "(*...)" verbs could lift the match limit startPatternRegex() sets.
    if (pattern.size() > 1024 || pattern.contains(QLatin1StringView("(*")))
        invalid(keys::StartPattern, QStringLiteral("must be at most 1024 characters without (* verbs"));
    const QRegularExpression re = startPatternRegex(pattern);
    if (!re.isValid())
        invalid(keys::StartPattern, QStringLiteral("is not a valid regular expression: %1 at offset %2")
                                        .arg(re.errorString())
                                        .arg(re.patternErrorOffset()));
    return pattern;
}

QList<PortBindingDto> parsePorts(const QJsonArray &ports)
{
    QList<PortBindingDto> out;
    for (qsizetype i = 0; i < ports.size(); ++i) {
        if (!ports[i].isObject())
            invalid(keys::Ports, QStringLiteral("entry %1 must be an object").arg(i));
        const QJsonObject o = ports[i].toObject();
        PortBindingDto b;
        try {
            // A record's entry carries both shapes (port = host_port): sending it back is fine.
            fields::allowOnly(o, {keys::Ip, keys::Port, keys::HostPort, keys::ContainerPort, keys::Protocol});
            if (o.contains(keys::HostPort) && o.contains(keys::Port) &&
                o.value(keys::Port) != o.value(keys::HostPort))
                fields::invalid(keys::Port, QStringLiteral("must equal host_port when both are given"));
            if (o.contains(keys::HostPort)) { // {"container_port","host_port","protocol"[,"ip"]}
                b.hostPort = int(fields::requireInt(o, keys::HostPort, 1, 65535));
                b.containerPort =
                    int(fields::optionalInt(o, keys::ContainerPort, 1, 65535).value_or(b.hostPort));
                QJsonObject pool{{keys::Ip, o.value(keys::Ip).toString(QStringLiteral("0.0.0.0"))},
                                 {keys::Port, b.hostPort},
                                 {keys::Protocol, o.value(keys::Protocol).toString(QStringLiteral("tcp"))}};
                const PortDto p = parsePort(pool, false);
                b.ip = p.ip;
                b.protocol = p.protocol;
            } else { // {"ip","port","protocol"[,"container_port"]}
                const PortDto p = parsePort(o, false);
                b.ip = p.ip;
                b.hostPort = p.port;
                b.protocol = p.protocol;
                b.containerPort = int(fields::optionalInt(o, keys::ContainerPort, 1, 65535).value_or(p.port));
            }
        } catch (const DomainError &e) {
            throw DomainError(codes::InvalidField, QStringLiteral("ports[%1]: %2").arg(i).arg(e.message()));
        }
        out.append(b);
    }
    return out;
}

LimitsDto parseLimits(const QJsonObject &limits)
{
    fields::allowOnly(limits, {keys::Memory, keys::Cpu});
    LimitsDto l;
    const auto memory = limits.value(keys::Memory);
    if (!memory.isUndefined() && !memory.isNull()) {
        // exactInt64: a double outside qint64's range is refused before any conversion (casting
        // -1e308 to an integer is undefined behaviour; fuzz_request_bodies found it).
        const auto m = json::exactInt64(memory);
        if (!m || (*m != 0 && (*m < 4LL * 1024 * 1024 || *m > 1024LL * 1024 * 1024 * 1024)))
            invalid(QLatin1StringView("limits.memory"),
                    QStringLiteral("must be 0 (unlimited) or bytes between 4 MiB and 1 TiB"));
        l.memory = *m;
    }
    const auto cpu = limits.value(keys::Cpu);
    if (!cpu.isUndefined() && !cpu.isNull()) {
        if (!cpu.isDouble() || cpu.toDouble() < 0 || cpu.toDouble() > 1024 ||
            (cpu.toDouble() > 0 && cpu.toDouble() < 0.01))
            invalid(QLatin1StringView("limits.cpu"),
                    QStringLiteral("must be 0 (unlimited) or cores between 0.01 and 1024"));
        l.cpu = cpu.toDouble();
    }
    return l;
}

QMap<QString, QString> parseMounts(const QJsonObject &mount, QLatin1StringView field)
{
    // Host paths that would hand a container the machine (or the daemon's own data).
    static const QStringList denied{QStringLiteral("/"),
                                    QStringLiteral("/bin"),
                                    QStringLiteral("/boot"),
                                    QStringLiteral("/dev"),
                                    QStringLiteral("/etc"),
                                    QStringLiteral("/lib"),
                                    QStringLiteral("/lib32"),
                                    QStringLiteral("/lib64"),
                                    QStringLiteral("/proc"),
                                    QStringLiteral("/root"),
                                    QStringLiteral("/run"),
                                    QStringLiteral("/sbin"),
                                    QStringLiteral("/sys"),
                                    QStringLiteral("/usr"),
                                    QStringLiteral("/var/run"),
                                    QStringLiteral("/var/lib/docker"),
                                    QStringLiteral("/var/lib/lightd")};
    QMap<QString, QString> out;
    for (auto it = mount.constBegin(); it != mount.constEnd(); ++it) {
        const QString target = it.key();
        if (!it.value().isString())
            invalid(
                field,
                QStringLiteral("must map container paths to host paths ('%1' is not a string)").arg(target));
        const QString source = it.value().toString();
        if (!target.startsWith(QLatin1Char('/')) || QDir::cleanPath(target) != target ||
            target.contains(QLatin1Char(':')) || target == QLatin1StringView("/") ||
            target.startsWith(QLatin1StringView("/home/container")) ||
            target.startsWith(QLatin1StringView("/app/data")))
            invalid(field, QStringLiteral("container path '%1' must be absolute, normalised and outside "
                                          "/home/container and /app/data")
                               .arg(target));
        if (!source.startsWith(QLatin1Char('/')) || QDir::cleanPath(source) != source ||
            source.contains(QLatin1Char(':')) || source.contains(QChar(0)))
            invalid(field, QStringLiteral("host path '%1' must be absolute and normalised").arg(source));
        for (const QString &d : denied) {
            if (source == d || (d != QLatin1StringView("/") && source.startsWith(d + QLatin1Char('/'))))
                throw DomainError(
                    codes::MountNotAllowed,
                    QStringLiteral("Field '%1': host path '%2' is a system path and cannot be mounted")
                        .arg(field, source));
        }
        out.insert(target, source);
    }
    return out;
}

QMap<QString, QString> parseEnv(const QJsonObject &env)
{
    static const QRegularExpression name(QStringLiteral("\\A[A-Za-z_][A-Za-z0-9_]{0,127}\\z"));
    QMap<QString, QString> out;
    for (auto it = env.constBegin(); it != env.constEnd(); ++it) {
        if (!name.match(it.key()).hasMatch())
            invalid(keys::Env, QStringLiteral("name '%1' must match [A-Za-z_][A-Za-z0-9_]*").arg(it.key()));
        if (!it.value().isString() || it.value().toString().contains(QChar(0)))
            invalid(keys::Env, QStringLiteral("value of '%1' must be a string without NUL").arg(it.key()));
        out.insert(it.key(), it.value().toString());
    }
    return out;
}

ContainerRecord parseCreate(const QJsonObject &body)
{
    // privileged, network_mode or any other Docker option: 400, never silently dropped
    fields::allowOnly(body, {keys::InternalId, keys::Image, keys::VolumeId, keys::StartupCommand,
                             keys::StartPattern, keys::Ports, keys::Limits, keys::Mount, keys::InstallScript,
                             keys::Env});
    ContainerRecord r;
    r.dto.internalId = fields::requireString(body, keys::InternalId);
    if (!isValidInternalId(r.dto.internalId))
        invalid(keys::InternalId, QStringLiteral("must match ^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    r.dto.image = parseImage(fields::requireString(body, keys::Image), keys::Image);
    r.dto.volumeId = fields::requireString(body, keys::VolumeId);
    r.dto.startupCommand = parseStartupCommand(fields::requireString(body, keys::StartupCommand));
    r.dto.startPattern = parseStartPattern(body.value(keys::StartPattern));
    r.dto.ports = parsePorts(fields::optionalArray(body, keys::Ports).value_or(QJsonArray()));
    r.dto.limits = parseLimits(fields::optionalObject(body, keys::Limits).value_or(QJsonObject()));
    r.dto.mount = parseMounts(fields::optionalObject(body, keys::Mount).value_or(QJsonObject()), keys::Mount);
    r.dto.env = parseEnv(fields::optionalObject(body, keys::Env).value_or(QJsonObject()));
    r.installScript = fields::optionalString(body, keys::InstallScript).value_or(QString());
    if (r.installScript.size() > 1024 * 1024)
        invalid(keys::InstallScript, QStringLiteral("must be at most 1 MiB"));
    r.state = ContainerState::Installing;
    r.dto.installState = toString(r.state);
    r.dto.createdAt = r.dto.updatedAt = QDateTime::currentSecsSinceEpoch();
    return r;
}
} // namespace lightd::api::spec
