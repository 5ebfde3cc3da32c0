#include "lightd/ApiClient.h"

#include "lightd/JsonUtil.h"
#include "lightd/Keys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace lightd {
namespace {
const QByteArray kVendorAccept = QByteArrayLiteral("Application/vnd.pkglatv1+json");

template <typename T>
QList<T> parseList(const QJsonObject &o, QLatin1StringView key)
{
    QList<T> list;
    const auto array = o.value(key).toArray();
    list.reserve(array.size());
    for (const auto &v : array)
        list.append(T::fromJson(v.toObject()));
    return list;
}

QJsonArray portsArray(const QList<PortDto> &ports)
{
    QJsonArray a;
    for (const auto &p : ports)
        a.append(QJsonObject{{keys::Ip, p.ip}, {keys::Port, p.port}, {keys::Protocol, p.protocol}});
    return a;
}
} // namespace

ApiClient::ApiClient(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this)) {}

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
}

void ApiClient::setToken(const QString &token)
{
    m_token = token;
}

QString ApiClient::encodeSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

QNetworkReply *ApiClient::send(const QByteArray &method, const QString &path, const QByteArray &body)
{
    QUrl url = m_baseUrl;
    const auto query = path.indexOf(QLatin1Char('?'));
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path.left(query),
                QUrl::TolerantMode);
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    req.setRawHeader("Accept", kVendorAccept);
    req.setTransferTimeout(m_timeoutMs);
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return m_nam->sendCustomRequest(req, method, body);
}

template <typename T, typename Parse>
void ApiClient::call(const QByteArray &method, const QString &path, const QByteArray &body, Parse parse,
                     Callback<T> done)
{
    QNetworkReply *reply = send(method, path, body);
    connect(reply, &QNetworkReply::finished, this, [reply, parse, done = std::move(done)] {
        reply->deleteLater();
        ApiResult<T> result;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        QJsonParseError perr{};
        const QJsonDocument doc = QJsonDocument::fromJson(data, &perr);
        if (status >= 200 && status < 300) {
            if constexpr (std::is_same_v<T, QByteArray>)
                result.value = data;
            else
                result.value = parse(doc.object());
        } else {
            result.error.status = status;
            if (status == 0) {
                result.error.code = QStringLiteral("network_error");
                result.error.message = reply->errorString();
            } else {
                result.error.code = doc.object().value(keys::Code).toString();
                result.error.message = doc.object().value(keys::Error).toString(reply->errorString());
            }
        }
        done(result);
    });
}

void ApiClient::request(const QByteArray &method, const QString &path, const QJsonObject &body,
                        JsonCallback done)
{
    call<QJsonObject>(method, path, body.isEmpty() ? QByteArray() : json::encode(body),
                      [](const QJsonObject &o) { return o; }, std::move(done));
}

void ApiClient::request(const QByteArray &method, const QString &path, JsonCallback done)
{
    request(method, path, QJsonObject(), std::move(done));
}

void ApiClient::health(JsonCallback done)
{
    request("GET", QStringLiteral("/health"), std::move(done));
}

void ApiClient::createToken(const QString &ttl, bool removeOnUse, const QStringList &scopes,
                            Callback<CreatedTokenDto> done)
{
    QJsonObject body{{keys::Ttl, ttl}, {keys::RemoveOnUse, removeOnUse}};
    if (!scopes.isEmpty())
        body.insert(keys::Scopes, json::fromStringList(scopes));
    call<CreatedTokenDto>("POST", QStringLiteral("/auth/tokens"), json::encode(body), &CreatedTokenDto::fromJson,
                          std::move(done));
}

void ApiClient::listTokens(Callback<QList<TokenInfoDto>> done)
{
    call<QList<TokenInfoDto>>(
        "GET", QStringLiteral("/auth/tokens"), {},
        [](const QJsonObject &o) { return parseList<TokenInfoDto>(o, keys::Tokens); }, std::move(done));
}

void ApiClient::revokeToken(const QString &id, JsonCallback done)
{
    request("DELETE", QStringLiteral("/auth/tokens/") + encodeSegment(id), std::move(done));
}

void ApiClient::listPorts(Callback<QList<PortDto>> done)
{
    call<QList<PortDto>>(
        "GET", QStringLiteral("/network/ports"), {},
        [](const QJsonObject &o) { return parseList<PortDto>(o, keys::Ports); }, std::move(done));
}

void ApiClient::getPort(const QString &ip, int port, Callback<PortDto> done)
{
    call<PortDto>("GET", QStringLiteral("/network/ports/%1/%2").arg(encodeSegment(ip)).arg(port), {},
                  &PortDto::fromJson, std::move(done));
}

void ApiClient::addPort(const PortDto &port, JsonCallback done)
{
    request("POST", QStringLiteral("/network/ports"),
            QJsonObject{{keys::Ip, port.ip}, {keys::Port, port.port}, {keys::Protocol, port.protocol}},
            std::move(done));
}

void ApiClient::addPorts(const QList<PortDto> &ports, JsonCallback done)
{
    request("POST", QStringLiteral("/network/ports/bulk"), QJsonObject{{keys::Ports, portsArray(ports)}},
            std::move(done));
}

void ApiClient::deletePort(const QString &ip, int port, JsonCallback done)
{
    request("DELETE", QStringLiteral("/network/ports/%1/%2").arg(encodeSegment(ip)).arg(port), std::move(done));
}

void ApiClient::deletePorts(const QList<PortDto> &ports, JsonCallback done)
{
    request("POST", QStringLiteral("/network/ports/bulk-delete"), QJsonObject{{keys::Ports, portsArray(ports)}},
            std::move(done));
}

void ApiClient::randomPort(const QString &protocol, Callback<PortDto> done)
{
    QString path = QStringLiteral("/network/ports/random");
    if (!protocol.isEmpty())
        path += QStringLiteral("?protocol=") + encodeSegment(protocol);
    call<PortDto>("GET", path, {}, &PortDto::fromJson, std::move(done));
}

void ApiClient::setPortInUse(const QString &ip, int port, bool inUse, JsonCallback done)
{
    request("PUT", QStringLiteral("/network/ports/%1/%2/use").arg(encodeSegment(ip)).arg(port),
            QJsonObject{{keys::InUse, inUse}}, std::move(done));
}

void ApiClient::listVolumes(Callback<QList<VolumeDto>> done)
{
    call<QList<VolumeDto>>(
        "GET", QStringLiteral("/volumes"), {},
        [](const QJsonObject &o) { return parseList<VolumeDto>(o, keys::Volumes); }, std::move(done));
}

void ApiClient::getVolume(const QString &id, Callback<VolumeDto> done)
{
    call<VolumeDto>("GET", QStringLiteral("/volumes/") + encodeSegment(id), {}, &VolumeDto::fromJson,
                    std::move(done));
}

void ApiClient::createVolume(std::optional<qint64> quotaMb, Callback<VolumeDto> done)
{
    QJsonObject body;
    if (quotaMb)
        body.insert(keys::SizeMb, *quotaMb);
    call<VolumeDto>("POST", QStringLiteral("/volumes"), body.isEmpty() ? QByteArray() : json::encode(body),
                    &VolumeDto::fromJson, std::move(done));
}

void ApiClient::deleteVolume(const QString &id, JsonCallback done)
{
    request("DELETE", QStringLiteral("/volumes/") + encodeSegment(id), std::move(done));
}

void ApiClient::listContainers(Callback<QList<ContainerSummaryDto>> done)
{
    call<QList<ContainerSummaryDto>>(
        "GET", QStringLiteral("/containers"), {},
        [](const QJsonObject &o) { return parseList<ContainerSummaryDto>(o, keys::Containers); },
        std::move(done));
}

void ApiClient::getContainer(const QString &internalId, Callback<ContainerDto> done)
{
    call<ContainerDto>("GET", QStringLiteral("/containers/") + encodeSegment(internalId), {},
                       &ContainerDto::fromJson, std::move(done));
}

void ApiClient::createContainer(const QJsonObject &body, JsonCallback done)
{
    request("POST", QStringLiteral("/containers"), body, std::move(done));
}

void ApiClient::deleteContainer(const QString &internalId, JsonCallback done)
{
    request("DELETE", QStringLiteral("/containers/") + encodeSegment(internalId), std::move(done));
}

void ApiClient::power(const QString &internalId, const QString &verb, JsonCallback done)
{
    request("POST", QStringLiteral("/containers/%1/%2").arg(encodeSegment(internalId), verb), std::move(done));
}

void ApiClient::sendCommand(const QString &internalId, const QString &command, JsonCallback done)
{
    request("POST", QStringLiteral("/containers/%1/command").arg(encodeSegment(internalId)),
            QJsonObject{{keys::Command, command}}, std::move(done));
}

void ApiClient::consoleLines(const QString &internalId, int lines, Callback<QStringList> done)
{
    call<QStringList>(
        "GET", QStringLiteral("/containers/%1/logs?lines=%2").arg(encodeSegment(internalId)).arg(lines), {},
        [](const QJsonObject &o) { return json::toStringList(o.value(keys::Lines).toArray()); },
        std::move(done));
}
} // namespace lightd
