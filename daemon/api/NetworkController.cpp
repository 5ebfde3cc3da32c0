#include "api/NetworkController.h"

#include "api/PortParser.h"
#include "http/JsonFields.h"
#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "lightd/JsonUtil.h"
#include "lightd/Keys.h"

#include <QJsonArray>

namespace lightd::api {
using namespace http;

namespace {
// Every entry of a bulk body validated before anything is changed; errors name the index.
template <typename Fn> void eachEntry(const QJsonArray &entries, QLatin1StringView field, Fn fn)
{
    for (qsizetype i = 0; i < entries.size(); ++i) {
        try {
            fn(entries[i]);
        } catch (const DomainError &e) {
            throw DomainError(QLatin1StringView(e.code().toLatin1()),
                              QStringLiteral("%1[%2]: %3").arg(field).arg(i).arg(e.message()));
        }
    }
}

// {"ip","port","protocol"}: protocol defaults to tcp (API.md section 12); nothing else is taken.
PortDto portEntry(const QJsonValue &v)
{
    if (!v.isObject())
        throw DomainError(codes::InvalidField, QStringLiteral("entry must be an object"));
    const QJsonObject o = v.toObject();
    fields::allowOnly(o, {keys::Ip, keys::Port, keys::Protocol});
    return parsePort(o, false);
}

// `?protocol=` of the :ip/:port routes: tcp unless told udp.
QString protocolQuery(const HttpRequest &req)
{
    const QString protocol = req.queryValue(QStringLiteral("protocol")).toLower();
    if (!protocol.isEmpty() && protocol != QLatin1StringView("tcp") && protocol != QLatin1StringView("udp"))
        throw DomainError(codes::InvalidField, QStringLiteral("Query 'protocol' must be tcp or udp"));
    return protocol;
}

QJsonObject usageAnswer(const PortDto &p)
{
    // the seed's shape, exactly (004: message, ip, port, in_use)
    return QJsonObject{{keys::Message, QStringLiteral("Port usage updated")},
                       {keys::Ip, p.ip},
                       {keys::Port, p.port},
                       {keys::InUse, p.inUse}};
}
} // namespace

int NetworkController::portParam(const HttpRequest &req) const
{
    bool ok = false;
    const int port = req.param(QStringLiteral("port")).toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        throw DomainError(codes::InvalidField, QStringLiteral("Port must be an integer between 1 and 65535"));
    return port;
}

PortDto NetworkController::byAddress(const HttpRequest &req) const
{
    return m_pool.get(req.param(QStringLiteral("ip")), portParam(req), protocolQuery(req));
}

PortDto NetworkController::byId(const HttpRequest &req) const
{
    bool ok = false;
    const qint64 id = req.param(QStringLiteral("id")).toLongLong(&ok);
    if (!ok || id < 1)
        throw DomainError(codes::PortNotFound, QStringLiteral("Port not found in pool"));
    return m_pool.get(id);
}

HttpResponse NetworkController::add(const HttpRequest &req)
{
    const PortDto p = m_pool.add(portEntry(req.jsonBody()));
    QJsonObject o{{keys::Message, QStringLiteral("Port added to pool")},
                  {keys::Id, p.id},
                  {keys::Ip, p.ip},
                  {keys::Port, p.port},
                  {keys::Protocol, p.protocol}};
    return HttpResponse::json(201, o);
}

HttpResponse NetworkController::list(const HttpRequest &)
{
    return HttpResponse::raw(200, QByteArrayLiteral("application/json"), m_pool.listJson());
}

HttpResponse NetworkController::available(const HttpRequest &)
{
    QJsonArray a;
    for (const auto &p : m_pool.available())
        a.append(p.toJson());
    return HttpResponse::json(200, QJsonObject{{keys::Ports, a}});
}

HttpResponse NetworkController::get(const HttpRequest &req)
{
    return HttpResponse::json(200, byAddress(req).toJson());
}

HttpResponse NetworkController::getById(const HttpRequest &req)
{
    return HttpResponse::json(200, byId(req).toJson());
}

HttpResponse NetworkController::random(const HttpRequest &req)
{
    return HttpResponse::json(200, m_pool.random(protocolQuery(req)).toJson());
}

HttpResponse NetworkController::setUse(const HttpRequest &req)
{
    const QJsonObject o = req.jsonBody();
    fields::allowOnly(o, {keys::InUse});
    const bool inUse = fields::requireBool(o, keys::InUse);
    return HttpResponse::json(200, usageAnswer(m_pool.setInUse(byAddress(req), inUse)));
}

HttpResponse NetworkController::setUseById(const HttpRequest &req)
{
    const QJsonObject o = req.jsonBody();
    fields::allowOnly(o, {keys::InUse});
    const bool inUse = fields::requireBool(o, keys::InUse);
    return HttpResponse::json(200, usageAnswer(m_pool.setInUse(byId(req), inUse)));
}

HttpResponse NetworkController::remove(const HttpRequest &req)
{
    m_pool.remove(byAddress(req));
    return HttpResponse::message(200, QStringLiteral("Port deleted from pool"));
}

HttpResponse NetworkController::removeById(const HttpRequest &req)
{
    m_pool.remove(byId(req));
    return HttpResponse::message(200, QStringLiteral("Port deleted from pool"));
}

HttpResponse NetworkController::addBulk(const HttpRequest &req)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(body, {keys::Ports});
    QList<PortDto> ports;
    eachEntry(fields::requireArray(body, keys::Ports), keys::Ports,
              [&](const QJsonValue &v) { ports.append(portEntry(v)); });
    const int added = m_pool.addMany(ports);
    return HttpResponse::json(
        201, QJsonObject{{keys::Message, QStringLiteral("Added %1 ports to pool").arg(added)},
                         {keys::AddedCount, added}});
}

// {"ports":[{ip,port,protocol?}...]} (the seeds) or {"ids":[...]} (the earlier daemon's clients).
HttpResponse NetworkController::removeBulk(const HttpRequest &req)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(body, {keys::Ports, keys::Ids});
    if (body.contains(keys::Ports) == body.contains(keys::Ids))
        throw DomainError(codes::MissingField, QStringLiteral("Give one of 'ports' or 'ids'"));
    int n = 0;
    if (body.contains(keys::Ids)) {
        QList<qint64> ids;
        eachEntry(fields::requireArray(body, keys::Ids), keys::Ids, [&](const QJsonValue &v) {
            const auto id = json::exactInt64(v);
            if (!id || *id < 1)
                throw DomainError(codes::InvalidField, QStringLiteral("must be a port id"));
            ids.append(*id);
        });
        n = m_pool.removeIds(ids);
    } else {
        QList<network::PortPool::Key> keys;
        eachEntry(fields::requireArray(body, keys::Ports), keys::Ports, [&](const QJsonValue &v) {
            const PortDto p = portEntry(v);
            keys.append({p.ip, p.port, p.protocol});
            // No protocol: the entry names "the port", as the seeds' clients meant it before the
            // pool held both protocols; its udp twin goes too.
            if (!v.toObject().contains(keys::Protocol))
                keys.append({p.ip, p.port, QStringLiteral("udp")});
        });
        n = m_pool.removeMany(keys);
    }
    return HttpResponse::json(
        200, QJsonObject{{keys::Message, QStringLiteral("Deleted %1 ports from pool").arg(n)},
                         {keys::DeletedCount, n}});
}
} // namespace lightd::api
