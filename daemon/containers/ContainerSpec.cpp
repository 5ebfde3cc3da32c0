#include "containers/ContainerSpec.h"

#include "http/JsonFields.h"
#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "lightd/Keys.h"
#include "network/PortPool.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>

namespace lightd::containers::spec {
using http::fields::invalid;

bool isValidInternalId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("\\A[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\\z"));
    return re.match(id).hasMatch();
}

QString parseImage(const QString &image, QLatin1StringView field)
{
    // Docker's reference grammar (distribution/reference): [domain[:port]/]path[:tag][@digest] (a first
    // component is a domain only with a '.' or a port, or "localhost"), lower-case
    // path components joined by one '.', '_', '__' or dashes — so no '..', no empty component, nothing
    // that could change the meaning of the engine's URL. (Dashes as "-+": the grammar's "-*" would make
    // this backtracking engine exponential on long names.)
    static const QString domainComponent =
        QStringLiteral("(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])");
    static const QString pathComponent = QStringLiteral("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    static const QRegularExpression re(
        QStringLiteral("\\A(?:(?:(?:localhost|%1(?:\\.%1)+)(?::[0-9]{1,5})?|%1:[0-9]{1,5})/)?%2(?:/%2)*"
                       "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
                       "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?\\z")
            .arg(domainComponent, pathComponent));
    if (image.size() > 512 || !re.match(image).hasMatch())
        invalid(field,
                QStringLiteral("must be an image reference such as debian:12 or registry:5000/name:tag"));
    return image;
}

QString parseStartupCommand(const QString &command)
{
    if (command.contains(QChar(0)) || command.size() > 16384)
        invalid(keys::StartupCommand, QStringLiteral("must be at most 16384 characters without NUL"));
    return command;
}

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

QRegularExpression startPatternRegex(const QString &pattern)
{
    return QRegularExpression(
        QStringLiteral("(*LIMIT_MATCH=%1)(*LIMIT_DEPTH=%2)").arg(kPatternMatchLimit).arg(1000) + pattern);
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
            http::fields::allowOnly(
                o, {keys::Ip, keys::Port, keys::HostPort, keys::ContainerPort, keys::Protocol});
            if (o.contains(keys::HostPort) && o.contains(keys::Port) &&
                o.value(keys::Port) != o.value(keys::HostPort))
                http::fields::invalid(keys::Port, QStringLiteral("must equal host_port when both are given"));
            if (o.contains(keys::HostPort)) { // {"container_port","host_port","protocol"[,"ip"]}
                b.hostPort = int(http::fields::requireInt(o, keys::HostPort, 1, 65535));
                b.containerPort =
                    int(http::fields::optionalInt(o, keys::ContainerPort, 1, 65535).value_or(b.hostPort));
                QJsonObject pool{{keys::Ip, o.value(keys::Ip).toString(QStringLiteral("0.0.0.0"))},
                                 {keys::Port, b.hostPort},
                                 {keys::Protocol, o.value(keys::Protocol).toString(QStringLiteral("tcp"))}};
                const PortDto p = network::PortPool::validated(pool, false);
                b.ip = p.ip;
                b.protocol = p.protocol;
            } else { // {"ip","port","protocol"[,"container_port"]}
                const PortDto p = network::PortPool::validated(o, false);
                b.ip = p.ip;
                b.hostPort = p.port;
                b.protocol = p.protocol;
                b.containerPort =
                    int(http::fields::optionalInt(o, keys::ContainerPort, 1, 65535).value_or(p.port));
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
    http::fields::allowOnly(limits, {keys::Memory, keys::Cpu});
    LimitsDto l;
    const auto memory = limits.value(keys::Memory);
    if (!memory.isUndefined() && !memory.isNull()) {
        const double m = memory.toDouble();
        if (!memory.isDouble() || m != double(qint64(m)) ||
            (m != 0 && (m < 4.0 * 1024 * 1024 || m > 1024.0 * 1024 * 1024 * 1024)))
            invalid(QLatin1StringView("limits.memory"),
                    QStringLiteral("must be 0 (unlimited) or bytes between 4 MiB and 1 TiB"));
        l.memory = qint64(m);
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
    http::fields::allowOnly(body, {keys::InternalId, keys::Image, keys::VolumeId, keys::StartupCommand,
                                   keys::StartPattern, keys::Ports, keys::Limits, keys::Mount,
                                   keys::InstallScript, keys::Env});
    ContainerRecord r;
    r.dto.internalId = http::fields::requireString(body, keys::InternalId);
    if (!isValidInternalId(r.dto.internalId))
        invalid(keys::InternalId, QStringLiteral("must match ^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    r.dto.image = parseImage(http::fields::requireString(body, keys::Image), keys::Image);
    r.dto.volumeId = http::fields::requireString(body, keys::VolumeId);
    r.dto.startupCommand = parseStartupCommand(http::fields::requireString(body, keys::StartupCommand));
    r.dto.startPattern = parseStartPattern(body.value(keys::StartPattern));
    r.dto.ports = parsePorts(http::fields::optionalArray(body, keys::Ports).value_or(QJsonArray()));
    r.dto.limits = parseLimits(http::fields::optionalObject(body, keys::Limits).value_or(QJsonObject()));
    r.dto.mount =
        parseMounts(http::fields::optionalObject(body, keys::Mount).value_or(QJsonObject()), keys::Mount);
    r.dto.env = parseEnv(http::fields::optionalObject(body, keys::Env).value_or(QJsonObject()));
    r.installScript = http::fields::optionalString(body, keys::InstallScript).value_or(QString());
    if (r.installScript.size() > 1024 * 1024)
        invalid(keys::InstallScript, QStringLiteral("must be at most 1 MiB"));
    r.state = ContainerState::Installing;
    r.dto.installState = toString(r.state);
    r.dto.createdAt = r.dto.updatedAt = QDateTime::currentSecsSinceEpoch();
    return r;
}
} // namespace lightd::containers::spec
