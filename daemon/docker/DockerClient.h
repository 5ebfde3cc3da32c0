#pragma once
#include "docker/ContainerEngine.h"
#include "docker/DockerConnection.h"
#include "docker/DockerRequest.h"

#include <QObject>

namespace lightd::docker {

// The Docker Engine API (v1.41) over the engine's unix socket, or TCP/TLS (docker.host).
//
// Every call and every stream opens its own connection and closes it when done; there is no
// keep-alive pool. Connecting to a local socket costs microseconds, and a fresh connection per
// call means an engine restart can never leave a stale pooled socket behind: the first call after
// the engine is back simply works.
class DockerClient final : public QObject, public ContainerEngine
{
    Q_OBJECT
  public:
    struct Options
    {
        QString socketPath = defaultSocketPath();
        // docker.host = tcp://host:port: used instead of socketPath (TLS when tls is set).
        QString tcpHost;
        quint16 tcpPort = 0;
        std::shared_ptr<const QSslConfiguration> tls;
        QByteArray apiVersion = "v1.41";
        int connectTimeoutMs = 5000;
        int callTimeoutMs = 30000;      // whole call; for streams, until the response head
        qint64 maxBodyBytes = 64 << 20; // a buffered response larger than this is a Protocol error
    };

    explicit DockerClient(QObject *parent = nullptr);
    explicit DockerClient(Options options, QObject *parent = nullptr);
    ~DockerClient() override;

    // $DOCKER_HOST if it is a unix:// address, else /var/run/docker.sock.
    static QString defaultSocketPath();
    const Options &options() const { return m_options; }
    EngineEndpoint address() const;

    void ping(QObject *ctx, DockerCallback<QString> done) override;
    void version(QObject *ctx, DockerCallback<QJsonObject> done) override;
    void inspectImage(const QString &reference, QObject *ctx, DockerCallback<QJsonObject> done) override;
    void pullImage(const QString &reference, const QByteArray &registryAuth, QObject *ctx,
                   ProgressCallback progress, DockerCallback<void> done) override;
    void createContainer(const QString &name, const QJsonObject &config, QObject *ctx,
                         DockerCallback<CreatedContainer> done) override;
    void startContainer(const QString &id, QObject *ctx, DockerCallback<void> done) override;
    void stopContainer(const QString &id, int timeoutSeconds, QObject *ctx,
                       DockerCallback<void> done) override;
    void killContainer(const QString &id, const QString &signal, QObject *ctx,
                       DockerCallback<void> done) override;
    void restartContainer(const QString &id, int timeoutSeconds, QObject *ctx,
                          DockerCallback<void> done) override;
    void pauseContainer(const QString &id, QObject *ctx, DockerCallback<void> done) override;
    void unpauseContainer(const QString &id, QObject *ctx, DockerCallback<void> done) override;
    void removeContainer(const QString &id, bool force, bool removeVolumes, QObject *ctx,
                         DockerCallback<void> done) override;
    void inspectContainer(const QString &id, QObject *ctx, DockerCallback<QJsonObject> done) override;
    void listContainers(const QJsonObject &filters, QObject *ctx, DockerCallback<QJsonArray> done) override;
    void updateContainer(const QString &id, const QJsonObject &resources, QObject *ctx,
                         DockerCallback<QStringList> done) override;
    void waitContainer(const QString &id, WaitCondition condition, QObject *ctx,
                       DockerCallback<WaitResult> done) override;

    DockerStream *logs(const QString &id, const LogsOptions &options, QObject *parent) override;
    DockerStream *attach(const QString &id, const AttachOptions &options, QObject *parent) override;
    DockerStream *stats(const QString &id, bool stream, QObject *parent) override;
    DockerStream *events(const EventsOptions &options, QObject *parent) override;

  private:
    struct Response
    {
        HttpResponseHead head;
        QByteArray body;
    };
    using ResponseHandler = std::function<void(const DockerError &, const Response &)>;

    DockerRequest request(const QByteArray &method, const QByteArray &path) const;
    DockerConnection::Timeouts timeouts(int extraMs = 0) const;
    DockerConnection::Timeouts streamTimeouts() const;
    // Runs a buffered call; HTTP >= 400 arrives as an Http error.
    void call(DockerRequest req, DockerConnection::Timeouts t, QObject *ctx, ResponseHandler handler);
    void callVoid(DockerRequest req, DockerConnection::Timeouts t, QObject *ctx, DockerCallback<void> done);
    void callObject(DockerRequest req, QObject *ctx, DockerCallback<QJsonObject> done);

    Options m_options;
};

} // namespace lightd::docker
