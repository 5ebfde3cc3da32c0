#include "api/NetworkController.h"

#include "http/ApiError.h"
#include "http/JsonFields.h"
#include "lightd/ErrorCodes.h"
#include "lightd/Keys.h"

#include <QJsonArray>

namespace lightd::api {
using namespace http;

namespace {
// Every entry of a bulk body validated before anything is changed; errors name the index.
template <typename Fn> void eachEntry(const QJsonArray &entries, Fn fn)
{
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!entries[i].isObject())
            fields::invalid(keys::Ports, QStringLiteral("entry %1 must be an object").arg(i));
        try {
            fn(entries[i].toObject());
        } catch (const ApiError &e) {
            throw ApiError(e.status(), QLatin1StringView(e.code().toLatin1()),
                           QStringLiteral("ports[%1]: %2").arg(i).arg(e.message()));
        }
    }
}
} // namespace

int NetworkController::portParam(const HttpRequest &req) const
{
    bool ok = false;
    const int port = req.param(QStringLiteral("port")).toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        throw ApiError::badRequest(codes::InvalidField,
                                   QStringLiteral("Port must be an integer between 1 and 65535"));
    return port;
}

HttpResponse NetworkController::add(const HttpRequest &req)
{
    const PortDto p = m_pool.add(network::PortPool::validated(req.jsonBody(), true));
    QJsonObject o{{keys::Message, QStringLiteral("Port added to pool")},
                  {keys::Ip, p.ip},
                  {keys::Port, p.port},
                  {keys::Protocol, p.protocol}};
    return HttpResponse::json(201, o);
}

HttpResponse NetworkController::list(const HttpRequest &)
{
    return HttpResponse::raw(200, QByteArrayLiteral("application/json"), m_pool.listJson());
}

HttpResponse NetworkController::get(const HttpRequest &req)
{
    return HttpResponse::json(200, m_pool.get(req.param(QStringLiteral("ip")), portParam(req)).toJson());
}

HttpResponse NetworkController::random(const HttpRequest &req)
{
    const QString protocol = req.queryValue(QStringLiteral("protocol")).toLower();
    if (!protocol.isEmpty() && protocol != QLatin1StringView("tcp") && protocol != QLatin1StringView("udp"))
        throw ApiError::badRequest(codes::InvalidField,
                                   QStringLiteral("Query 'protocol' must be tcp or udp"));
    return HttpResponse::json(200, m_pool.random(protocol).toJson());
}

HttpResponse NetworkController::setUse(const HttpRequest &req)
{
    const bool inUse = fields::requireBool(req.jsonBody(), keys::InUse);
    const PortDto p = m_pool.setInUse(req.param(QStringLiteral("ip")), portParam(req), inUse);
    return HttpResponse::json(200, QJsonObject{{keys::Message, QStringLiteral("Port usage updated")},
                                               {keys::Ip, p.ip},
                                               {keys::Port, p.port},
                                               {keys::InUse, p.inUse}});
}

HttpResponse NetworkController::remove(const HttpRequest &req)
{
    m_pool.remove(req.param(QStringLiteral("ip")), portParam(req));
    return HttpResponse::message(200, QStringLiteral("Port deleted from pool"));
}

HttpResponse NetworkController::addBulk(const HttpRequest &req)
{
    QList<PortDto> ports;
    eachEntry(fields::requireArray(req.jsonBody(), keys::Ports),
              [&](const QJsonObject &o) { ports.append(network::PortPool::validated(o, true)); });
    const int added = m_pool.addMany(ports);
    return HttpResponse::json(
        201, QJsonObject{{keys::Message, QStringLiteral("Added %1 ports to pool").arg(added)},
                         {keys::AddedCount, added}});
}

HttpResponse NetworkController::removeBulk(const HttpRequest &req)
{
    QList<network::PortPool::Key> keys;
    eachEntry(fields::requireArray(req.jsonBody(), keys::Ports), [&](const QJsonObject &o) {
        const PortDto p = network::PortPool::validated(o, false);
        keys.append({p.ip, p.port});
    });
    const int n = m_pool.removeMany(keys);
    return HttpResponse::json(
        200, QJsonObject{{keys::Message, QStringLiteral("Deleted %1 ports from pool").arg(n)},
                         {keys::DeletedCount, n}});
}
} // namespace lightd::api
