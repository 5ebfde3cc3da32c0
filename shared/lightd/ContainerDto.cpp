#include "lightd/ContainerDto.h"

#include "lightd/JsonUtil.h"
#include "lightd/Keys.h"

#include <QJsonArray>

namespace lightd {
QJsonObject PortBindingDto::toJson() const
{
    return QJsonObject{{keys::Ip, ip},
                       {keys::Port, hostPort}, // the {ip,port,protocol} shape's clients read this
                       {keys::HostPort, hostPort},
                       {keys::ContainerPort, containerPort},
                       {keys::Protocol, protocol}};
}

PortBindingDto PortBindingDto::fromJson(const QJsonObject &o)
{
    PortBindingDto b;
    b.ip = o.value(keys::Ip).toString(QStringLiteral("0.0.0.0"));
    b.hostPort = o.value(keys::HostPort).toInt(o.value(keys::Port).toInt());
    b.containerPort = o.value(keys::ContainerPort).toInt(b.hostPort);
    b.protocol = o.value(keys::Protocol).toString(QStringLiteral("tcp"));
    return b;
}

QJsonObject LimitsDto::toJson() const
{
    return QJsonObject{{keys::Memory, memory}, {keys::Cpu, cpu}};
}

LimitsDto LimitsDto::fromJson(const QJsonObject &o)
{
    return LimitsDto{o.value(keys::Memory).toInteger(), o.value(keys::Cpu).toDouble()};
}

QJsonObject ContainerSummaryDto::toJson() const
{
    return QJsonObject{{keys::InternalId, internalId},
                       {keys::ContainerId, containerId},
                       {keys::InstallState, installState},
                       {keys::Image, image}};
}

ContainerSummaryDto ContainerSummaryDto::fromJson(const QJsonObject &o)
{
    return ContainerSummaryDto{o.value(keys::InternalId).toString(), o.value(keys::ContainerId).toString(),
                               o.value(keys::InstallState).toString(), o.value(keys::Image).toString()};
}

QJsonObject ContainerDto::toJson() const
{
    QJsonArray portArray;
    for (const auto &p : ports)
        portArray.append(p.toJson());
    return QJsonObject{
        {keys::InternalId, internalId},
        {keys::ContainerId, containerId},
        {keys::VolumeId, volumeId},
        {keys::Image, image},
        {keys::StartupCommand, startupCommand},
        {keys::StartPattern, startPattern ? QJsonValue(*startPattern) : QJsonValue()},
        {keys::InstallState, installState},
        {keys::Error, error.isEmpty() ? QJsonValue() : QJsonValue(error)},
        {keys::Ports, portArray},
        {keys::Limits, limits.toJson()},
        {keys::Mount, json::fromStringMap(mount)},
        {keys::Env, json::fromStringMap(env)},
        {keys::CreatedAt, createdAt},
        {keys::UpdatedAt, updatedAt},
    };
}

ContainerDto ContainerDto::fromJson(const QJsonObject &o)
{
    ContainerDto c;
    c.internalId = o.value(keys::InternalId).toString();
    c.containerId = o.value(keys::ContainerId).toString();
    c.volumeId = o.value(keys::VolumeId).toString();
    c.image = o.value(keys::Image).toString();
    c.startupCommand = o.value(keys::StartupCommand).toString();
    if (o.value(keys::StartPattern).isString())
        c.startPattern = o.value(keys::StartPattern).toString();
    c.installState = o.value(keys::InstallState).toString();
    c.error = o.value(keys::Error).toString();
    for (const auto &v : o.value(keys::Ports).toArray())
        c.ports.append(PortBindingDto::fromJson(v.toObject()));
    c.limits = LimitsDto::fromJson(o.value(keys::Limits).toObject());
    c.mount = json::toStringMap(o.value(keys::Mount).toObject());
    c.env = json::toStringMap(o.value(keys::Env).toObject());
    c.createdAt = o.value(keys::CreatedAt).toInteger();
    c.updatedAt = o.value(keys::UpdatedAt).toInteger();
    if (o.value(keys::ExitCode).isDouble())
        c.exitCode = o.value(keys::ExitCode).toInt();
    c.oomKilled = o.value(keys::OomKilled).toBool();
    return c;
}

ContainerSummaryDto ContainerDto::summary() const
{
    return ContainerSummaryDto{internalId, containerId, installState, image};
}
} // namespace lightd
