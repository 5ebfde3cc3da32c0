#include "lightd/PortDto.h"

#include "lightd/Keys.h"

namespace lightd {
QJsonObject PortDto::toJson() const
{
    return QJsonObject{
        {keys::Id, id},       {keys::Ip, ip},
        {keys::Port, port},   {keys::Protocol, protocol},
        {keys::InUse, inUse}, {keys::Container, container.isEmpty() ? QJsonValue() : QJsonValue(container)}};
}

PortDto PortDto::fromJson(const QJsonObject &o)
{
    PortDto p;
    p.ip = o.value(keys::Ip).toString();
    p.port = o.value(keys::Port).toInt();
    p.protocol = o.value(keys::Protocol).toString(QStringLiteral("tcp"));
    p.inUse = o.value(keys::InUse).toBool();
    p.container = o.value(keys::Container).toString();
    p.id = o.value(keys::Id).toInteger();
    return p;
}
} // namespace lightd
