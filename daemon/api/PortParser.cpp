#include "api/PortParser.h"

#include "http/JsonFields.h"
#include "lightd/Keys.h"
#include "network/PortPool.h"

namespace lightd::api {
PortDto parsePort(const QJsonObject &o, bool requireProtocol)
{
    PortDto p;
    const QString ip = http::fields::requireString(o, keys::Ip);
    p.ip = network::PortPool::normalisedIp(ip);
    if (p.ip.isEmpty())
        http::fields::invalid(keys::Ip, QStringLiteral("must be an IPv4 or IPv6 address"));
    p.port = int(http::fields::requireInt(o, keys::Port, 1, 65535));
    const auto proto = requireProtocol ? std::optional(http::fields::requireString(o, keys::Protocol))
                                       : http::fields::optionalString(o, keys::Protocol);
    p.protocol = proto.value_or(QStringLiteral("tcp")).toLower();
    if (p.protocol != QLatin1StringView("tcp") && p.protocol != QLatin1StringView("udp"))
        http::fields::invalid(keys::Protocol, QStringLiteral("must be tcp or udp"));
    return p;
}
} // namespace lightd::api
