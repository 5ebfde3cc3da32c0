#pragma once
#include "lightd/ApiResult.h"
#include "lightd/BillingDto.h"
#include "lightd/ContainerDto.h"
#include "lightd/FileDto.h"
#include "lightd/NodeSummaryDto.h"
#include "lightd/PortDto.h"
#include "lightd/ResourcesDto.h"
#include "lightd/SftpDto.h"
#include "lightd/TokenDto.h"
#include "lightd/VolumeDto.h"

#include <QList>
#include <QObject>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace lightd {
// GET /containers/:id/logs: the lines and the console sequence number of the first (-1 when the
// daemon does not send one).
struct ConsoleLogDto
{
    QStringList lines;
    qint64 firstSeq = -1;
};

// Typed asynchronous client of the lightd REST API. Every call answers once through its callback,
// on the client's thread; the GUI, the integration tests and the benchmarks all use it.
class ApiClient final : public QObject
{
    Q_OBJECT
  public:
    template <typename T> using Callback = std::function<void(const ApiResult<T> &)>;
    using JsonCallback = Callback<QJsonObject>;
    // Bytes moved so far and the total (-1 while unknown), for long uploads and downloads.
    using ProgressCallback = std::function<void(qint64 done, qint64 total)>;

    explicit ApiClient(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token);
    QString token() const { return m_token; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Generic call: any route, JSON in and out. body may be empty.
    void request(const QByteArray &method, const QString &path, const QJsonObject &body, JsonCallback done);
    void request(const QByteArray &method, const QString &path, JsonCallback done);

    void health(JsonCallback done);
    // GET /system/containers: every container's figures and the host's in one answer
    // (ApiClientNode.cpp); a node without the route answers 404 route_not_found.
    void nodeSummary(Callback<NodeSummaryDto> done);

    void createToken(const QString &ttl, bool removeOnUse, const QStringList &scopes,
                     Callback<CreatedTokenDto> done);
    void listTokens(Callback<QList<TokenInfoDto>> done);
    void revokeToken(const QString &id, JsonCallback done);

    void listPorts(Callback<QList<PortDto>> done);
    // protocol empty: the tcp entry (or the udp one when that is all there is at ip:port)
    void getPort(const QString &ip, int port, Callback<PortDto> done, const QString &protocol = {});
    void addPort(const PortDto &port, JsonCallback done);
    void addPorts(const QList<PortDto> &ports, JsonCallback done);
    void deletePort(const QString &ip, int port, JsonCallback done, const QString &protocol = {});
    void deletePorts(const QList<PortDto> &ports, JsonCallback done);
    void randomPort(const QString &protocol, Callback<PortDto> done);
    void setPortInUse(const QString &ip, int port, bool inUse, JsonCallback done,
                      const QString &protocol = {});

    void listVolumes(Callback<QList<VolumeDto>> done);
    void getVolume(const QString &id, Callback<VolumeDto> done);
    void createVolume(std::optional<qint64> quotaMb, Callback<VolumeDto> done);
    void deleteVolume(const QString &id, JsonCallback done);

    void listContainers(Callback<QList<ContainerSummaryDto>> done);
    void getContainer(const QString &internalId, Callback<ContainerDto> done);
    void createContainer(const QJsonObject &body, JsonCallback done);
    void deleteContainer(const QString &internalId, JsonCallback done);
    // verb: start, stop, kill, restart, suspend, resume
    void power(const QString &internalId, const QString &verb, JsonCallback done);
    void sendCommand(const QString &internalId, const QString &command, JsonCallback done);
    void consoleLines(const QString &internalId, int lines, Callback<QStringList> done);
    void consoleLog(const QString &internalId, int lines, Callback<ConsoleLogDto> done);
    // Rebuilds and live changes of one container; unset optionals are left out of the body.
    void reinstallContainer(const QString &internalId, const std::optional<QString> &image,
                            const std::optional<QString> &installScript, JsonCallback done);
    void rebindNetwork(const QString &internalId, const QList<PortBindingDto> &ports, JsonCallback done);
    void containerResources(const QString &internalId, Callback<ResourcesDto> done);
    void updateResources(const QString &internalId, const ResourcesDto &resources, JsonCallback done);
    void setStartupCommand(const QString &internalId, const QString &command, JsonCallback done);
    // nullopt clears the pattern (the container counts as running as soon as it starts).
    void setStartPattern(const QString &internalId, const std::optional<QString> &pattern, JsonCallback done);
    // API.md section 9; a node without SFTP answers 404 route_not_found.
    void sftpInfo(const QString &internalId, Callback<SftpInfoDto> done);
    // Unset fields let the node choose (username = internal id, 24 random password characters).
    void setSftpCredentials(const QString &internalId, const std::optional<QString> &username,
                            const std::optional<QString> &password, Callback<SftpCredentialsDto> done);
    void sftpKeys(const QString &internalId, Callback<QList<SftpKeyDto>> done);
    // Answers the new key's fingerprint ("SHA256:...").
    void addSftpKey(const QString &internalId, const QString &publicKey, Callback<QString> done);
    void removeSftpKey(const QString &internalId, const QString &fingerprint, JsonCallback done);

    // files inside a volume (API.md section 4); paths are relative to the volume root
    void listFiles(const QString &volumeId, const QString &path, Callback<FileListDto> done);
    void readFile(const QString &volumeId, const QString &path, Callback<QByteArray> done,
                  ProgressCallback progress = {});
    void writeFile(const QString &volumeId, const QString &path, const QString &content, JsonCallback done);
    void uploadFile(const QString &volumeId, const QString &path, const QByteArray &data, JsonCallback done,
                    ProgressCallback progress = {});
    void deleteFile(const QString &volumeId, const QString &path, JsonCallback done);
    void createFolder(const QString &volumeId, const QString &path, JsonCallback done);
    void renameFile(const QString &volumeId, const QString &source, const QString &destination,
                    JsonCallback done);
    void copyFile(const QString &volumeId, const QString &source, const QString &destination,
                  JsonCallback done);
    // mode: octal permissions as text, "0644"
    void chmodFile(const QString &volumeId, const QString &path, const QString &mode, JsonCallback done);
    // format: zip, tar or tar.gz
    void compressFiles(const QString &volumeId, const QStringList &paths, const QString &format,
                       const QString &outputName, JsonCallback done);
    void decompressFile(const QString &volumeId, const QString &archivePath, const QString &destination,
                        JsonCallback done);
    void volumeQuota(const QString &volumeId, Callback<QuotaDto> done);
    void resizeVolume(const QString &volumeId, qint64 sizeMb, JsonCallback done);

    // billing (API.md section 7); period: hourly, daily or monthly
    void billingRates(Callback<BillingRatesDto> done);
    void billingEstimate(const EstimateRequestDto &request, Callback<BillingEstimateDto> done);
    void billingUsage(const QString &internalId, const QString &period, Callback<UsageDto> done);
    void billingContainers(Callback<QStringList> done);
    void billingSeries(const QString &internalId, const QString &period, Callback<UsageSeriesDto> done);

    static QString encodeSegment(const QString &segment);

  private:
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body,
                        const QByteArray &contentType = QByteArrayLiteral("application/json"));
    template <typename T, typename Parse>
    QNetworkReply *call(const QByteArray &method, const QString &path, const QByteArray &body, Parse parse,
                        Callback<T> done,
                        const QByteArray &contentType = QByteArrayLiteral("application/json"));
    static QString volumePath(const QString &volumeId, const QString &tail);

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 30000;
};
} // namespace lightd
