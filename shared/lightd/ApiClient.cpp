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

template <typename T> QList<T> parseList(const QJsonObject &o, QLatin1StringView key)
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
// /network/ports/:ip/:port[suffix][?protocol=]: the pool holds tcp and udp entries at one ip:port.
QString portPath(const QString &ip, int port, const QString &suffix, const QString &protocol)
{
    QString path =
        QStringLiteral("/network/ports/%1/%2").arg(ApiClient::encodeSegment(ip)).arg(port) + suffix;
    if (!protocol.isEmpty())
        path += QStringLiteral("?protocol=") + ApiClient::encodeSegment(protocol);
    return path;
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

QNetworkReply *ApiClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                               const QByteArray &contentType)
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
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    return m_nam->sendCustomRequest(req, method, body);
}

template <typename T, typename Parse>
QNetworkReply *ApiClient::call(const QByteArray &method, const QString &path, const QByteArray &body,
                               Parse parse, Callback<T> done, const QByteArray &contentType)
{
    QNetworkReply *reply = send(method, path, body, contentType);
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
                // TLS failures get their own code so a client can tell "wrong certificate" from "down".
                const bool tls = reply->error() == QNetworkReply::SslHandshakeFailedError;
                result.error.code = tls ? QStringLiteral("tls_error") : QStringLiteral("network_error");
                result.error.message = reply->errorString();
            } else {
                result.error.code = doc.object().value(keys::Code).toString();
                result.error.message = doc.object().value(keys::Error).toString(reply->errorString());
            }
        }
        done(result);
    });
    return reply;
}

void ApiClient::request(const QByteArray &method, const QString &path, const QJsonObject &body,
                        JsonCallback done)
{
    call<QJsonObject>(
        method, path, body.isEmpty() ? QByteArray() : json::encode(body),
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
    call<CreatedTokenDto>("POST", QStringLiteral("/auth/tokens"), json::encode(body),
                          &CreatedTokenDto::fromJson, std::move(done));
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

void ApiClient::getPort(const QString &ip, int port, Callback<PortDto> done, const QString &protocol)
{
    call<PortDto>("GET", portPath(ip, port, {}, protocol), {}, &PortDto::fromJson, std::move(done));
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

void ApiClient::deletePort(const QString &ip, int port, JsonCallback done, const QString &protocol)
{
    request("DELETE", portPath(ip, port, {}, protocol), std::move(done));
}

void ApiClient::deletePorts(const QList<PortDto> &ports, JsonCallback done)
{
    request("POST", QStringLiteral("/network/ports/bulk-delete"),
            QJsonObject{{keys::Ports, portsArray(ports)}}, std::move(done));
}

void ApiClient::randomPort(const QString &protocol, Callback<PortDto> done)
{
    QString path = QStringLiteral("/network/ports/random");
    if (!protocol.isEmpty())
        path += QStringLiteral("?protocol=") + encodeSegment(protocol);
    call<PortDto>("GET", path, {}, &PortDto::fromJson, std::move(done));
}

void ApiClient::setPortInUse(const QString &ip, int port, bool inUse, JsonCallback done,
                             const QString &protocol)
{
    request("PUT", portPath(ip, port, QStringLiteral("/use"), protocol), QJsonObject{{keys::InUse, inUse}},
            std::move(done));
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
    request("POST", QStringLiteral("/containers/%1/%2").arg(encodeSegment(internalId), verb),
            std::move(done));
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

void ApiClient::consoleLog(const QString &internalId, int lines, Callback<ConsoleLogDto> done)
{
    call<ConsoleLogDto>(
        "GET", QStringLiteral("/containers/%1/logs?lines=%2").arg(encodeSegment(internalId)).arg(lines), {},
        [](const QJsonObject &o) {
            return ConsoleLogDto{json::toStringList(o.value(keys::Lines).toArray()),
                                 o.value(keys::FirstSeq).toInteger(-1)};
        },
        std::move(done));
}

void ApiClient::reinstallContainer(const QString &internalId, const std::optional<QString> &image,
                                   const std::optional<QString> &installScript, JsonCallback done)
{
    QJsonObject body;
    if (image)
        body.insert(keys::Image, *image);
    if (installScript)
        body.insert(keys::InstallScript, *installScript);
    // Always a JSON body, also when empty: the route reads one.
    call<QJsonObject>(
        "POST", QStringLiteral("/containers/%1/reinstall").arg(encodeSegment(internalId)), json::encode(body),
        [](const QJsonObject &o) { return o; }, std::move(done));
}

void ApiClient::rebindNetwork(const QString &internalId, const QList<PortBindingDto> &ports,
                              JsonCallback done)
{
    QJsonArray array;
    for (const PortBindingDto &p : ports)
        array.append(p.toJson());
    call<QJsonObject>(
        "POST", QStringLiteral("/containers/%1/rebind-network").arg(encodeSegment(internalId)),
        json::encode(QJsonObject{{keys::Ports, array}}), [](const QJsonObject &o) { return o; },
        std::move(done));
}

void ApiClient::containerResources(const QString &internalId, Callback<ResourcesDto> done)
{
    call<ResourcesDto>("GET", QStringLiteral("/containers/%1/resources").arg(encodeSegment(internalId)), {},
                       &ResourcesDto::fromJson, std::move(done));
}

void ApiClient::updateResources(const QString &internalId, const ResourcesDto &resources, JsonCallback done)
{
    call<QJsonObject>(
        "POST", QStringLiteral("/containers/%1/resources").arg(encodeSegment(internalId)),
        json::encode(resources.toJson()), [](const QJsonObject &o) { return o; }, std::move(done));
}

void ApiClient::setStartupCommand(const QString &internalId, const QString &command, JsonCallback done)
{
    request("POST", QStringLiteral("/containers/%1/startup").arg(encodeSegment(internalId)),
            QJsonObject{{keys::StartupCommand, command}}, std::move(done));
}

void ApiClient::setStartPattern(const QString &internalId, const std::optional<QString> &pattern,
                                JsonCallback done)
{
    request("POST", QStringLiteral("/containers/%1/start-pattern").arg(encodeSegment(internalId)),
            QJsonObject{{keys::StartPattern, pattern ? QJsonValue(*pattern) : QJsonValue(QJsonValue::Null)}},
            std::move(done));
}

void ApiClient::sftpInfo(const QString &internalId, Callback<SftpInfoDto> done)
{
    call<SftpInfoDto>("GET", QStringLiteral("/containers/%1/sftp/info").arg(encodeSegment(internalId)), {},
                      &SftpInfoDto::fromJson, std::move(done));
}

void ApiClient::setSftpCredentials(const QString &internalId, const std::optional<QString> &username,
                                   const std::optional<QString> &password, Callback<SftpCredentialsDto> done)
{
    QJsonObject body;
    if (username)
        body.insert(QLatin1StringView("username"), *username);
    if (password)
        body.insert(QLatin1StringView("password"), *password);
    call<SftpCredentialsDto>("POST",
                             QStringLiteral("/containers/%1/sftp/credentials").arg(encodeSegment(internalId)),
                             json::encode(body), &SftpCredentialsDto::fromJson, std::move(done));
}

void ApiClient::sftpKeys(const QString &internalId, Callback<QList<SftpKeyDto>> done)
{
    call<QList<SftpKeyDto>>(
        "GET", QStringLiteral("/containers/%1/sftp/keys").arg(encodeSegment(internalId)), {},
        [](const QJsonObject &o) { return parseList<SftpKeyDto>(o, QLatin1StringView("keys")); },
        std::move(done));
}

void ApiClient::addSftpKey(const QString &internalId, const QString &publicKey, Callback<QString> done)
{
    call<QString>(
        "POST", QStringLiteral("/containers/%1/sftp/keys").arg(encodeSegment(internalId)),
        json::encode(QJsonObject{{QLatin1StringView("public_key"), publicKey}}),
        [](const QJsonObject &o) { return o.value(QLatin1StringView("fingerprint")).toString(); },
        std::move(done));
}

void ApiClient::removeSftpKey(const QString &internalId, const QString &fingerprint, JsonCallback done)
{
    request("DELETE",
            QStringLiteral("/containers/%1/sftp/keys/%2")
                .arg(encodeSegment(internalId), encodeSegment(fingerprint)),
            std::move(done));
}

QString ApiClient::volumePath(const QString &volumeId, const QString &tail)
{
    return QStringLiteral("/volumes/") + encodeSegment(volumeId) + tail;
}

void ApiClient::listFiles(const QString &volumeId, const QString &path, Callback<FileListDto> done)
{
    call<FileListDto>("GET", volumePath(volumeId, QStringLiteral("/files?path=")) + encodeSegment(path), {},
                      &FileListDto::fromJson, std::move(done));
}

void ApiClient::readFile(const QString &volumeId, const QString &path, Callback<QByteArray> done,
                         ProgressCallback progress)
{
    QNetworkReply *reply = call<QByteArray>(
        "GET", volumePath(volumeId, QStringLiteral("/files/content?path=")) + encodeSegment(path), {},
        [](const QJsonObject &) { return QByteArray(); }, std::move(done));
    if (progress)
        connect(reply, &QNetworkReply::downloadProgress, this, progress);
}

void ApiClient::writeFile(const QString &volumeId, const QString &path, const QString &content,
                          JsonCallback done)
{
    request("POST", volumePath(volumeId, QStringLiteral("/files")),
            QJsonObject{{keys::Path, path}, {QLatin1StringView("content"), content}}, std::move(done));
}

void ApiClient::uploadFile(const QString &volumeId, const QString &path, const QByteArray &data,
                           JsonCallback done, ProgressCallback progress)
{
    QNetworkReply *reply = call<QJsonObject>(
        "PUT", volumePath(volumeId, QStringLiteral("/files/content?path=")) + encodeSegment(path), data,
        [](const QJsonObject &o) { return o; }, std::move(done),
        QByteArrayLiteral("application/octet-stream"));
    if (progress)
        connect(reply, &QNetworkReply::uploadProgress, this, progress);
}

void ApiClient::deleteFile(const QString &volumeId, const QString &path, JsonCallback done)
{
    request("DELETE", volumePath(volumeId, QStringLiteral("/files?path=")) + encodeSegment(path),
            std::move(done));
}

void ApiClient::createFolder(const QString &volumeId, const QString &path, JsonCallback done)
{
    request("POST", volumePath(volumeId, QStringLiteral("/folders")), QJsonObject{{keys::Path, path}},
            std::move(done));
}

void ApiClient::renameFile(const QString &volumeId, const QString &source, const QString &destination,
                           JsonCallback done)
{
    request(
        "POST", volumePath(volumeId, QStringLiteral("/rename")),
        QJsonObject{{QLatin1StringView("source"), source}, {QLatin1StringView("destination"), destination}},
        std::move(done));
}

void ApiClient::chmodFile(const QString &volumeId, const QString &path, const QString &mode,
                          JsonCallback done)
{
    request("POST", volumePath(volumeId, QStringLiteral("/chmod")),
            QJsonObject{{keys::Path, path}, {keys::Mode, mode}}, std::move(done));
}

void ApiClient::copyFile(const QString &volumeId, const QString &source, const QString &destination,
                         JsonCallback done)
{
    request(
        "POST", volumePath(volumeId, QStringLiteral("/copy")),
        QJsonObject{{QLatin1StringView("source"), source}, {QLatin1StringView("destination"), destination}},
        std::move(done));
}

void ApiClient::compressFiles(const QString &volumeId, const QStringList &paths, const QString &format,
                              const QString &outputName, JsonCallback done)
{
    request("POST", volumePath(volumeId, QStringLiteral("/compress")),
            QJsonObject{{QLatin1StringView("paths"), json::fromStringList(paths)},
                        {QLatin1StringView("format"), format},
                        {QLatin1StringView("output_name"), outputName}},
            std::move(done));
}

void ApiClient::decompressFile(const QString &volumeId, const QString &archivePath,
                               const QString &destination, JsonCallback done)
{
    request("POST", volumePath(volumeId, QStringLiteral("/decompress")),
            QJsonObject{{QLatin1StringView("archive_path"), archivePath},
                        {QLatin1StringView("destination"), destination}},
            std::move(done));
}

void ApiClient::volumeQuota(const QString &volumeId, Callback<QuotaDto> done)
{
    call<QuotaDto>("GET", volumePath(volumeId, QStringLiteral("/quota")), {}, &QuotaDto::fromJson,
                   std::move(done));
}

void ApiClient::resizeVolume(const QString &volumeId, qint64 sizeMb, JsonCallback done)
{
    request("POST", volumePath(volumeId, QStringLiteral("/resize")), QJsonObject{{keys::SizeMb, sizeMb}},
            std::move(done));
}

void ApiClient::billingRates(Callback<BillingRatesDto> done)
{
    call<BillingRatesDto>("GET", QStringLiteral("/billing/rates"), {}, &BillingRatesDto::fromJson,
                          std::move(done));
}

void ApiClient::billingEstimate(const EstimateRequestDto &request, Callback<BillingEstimateDto> done)
{
    call<BillingEstimateDto>("POST", QStringLiteral("/billing/estimate"), json::encode(request.toJson()),
                             &BillingEstimateDto::fromJson, std::move(done));
}

void ApiClient::billingUsage(const QString &internalId, const QString &period, Callback<UsageDto> done)
{
    call<UsageDto>(
        "GET", QStringLiteral("/billing/usage/%1/%2").arg(encodeSegment(internalId), encodeSegment(period)),
        {}, &UsageDto::fromJson, std::move(done));
}

void ApiClient::billingContainers(Callback<QStringList> done)
{
    call<QStringList>(
        "GET", QStringLiteral("/billing/containers"), {},
        [](const QJsonObject &o) { return json::toStringList(o.value(keys::Containers).toArray()); },
        std::move(done));
}

void ApiClient::billingSeries(const QString &internalId, const QString &period, Callback<UsageSeriesDto> done)
{
    call<UsageSeriesDto>(
        "GET",
        QStringLiteral("/billing/usage/%1/%2/series").arg(encodeSegment(internalId), encodeSegment(period)),
        {}, &UsageSeriesDto::fromJson, std::move(done));
}
} // namespace lightd
