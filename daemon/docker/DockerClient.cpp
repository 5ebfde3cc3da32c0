#include "docker/DockerClient.h"

#include "config/PlatformDefaults.h"
#include "docker/DockerLog.h"
#include "docker/EngineStream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QUrl>
#include <memory>

namespace lightd::docker {
namespace {

QByteArray containerPath(const QString &id, const char *suffix = "")
{
    return "/containers/" + encodePathSegment(id) + suffix;
}

QJsonObject parseObject(const QByteArray &body, DockerError &error)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (!doc.isObject())
        error = DockerError::protocol(
            QStringLiteral("engine sent a non-object JSON body: %1").arg(err.errorString()));
    return doc.object();
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toString());
    return out;
}

} // namespace

DockerClient::DockerClient(QObject *parent) : DockerClient(Options(), parent) {}

DockerClient::DockerClient(Options options, QObject *parent) : QObject(parent), m_options(std::move(options))
{}

DockerClient::~DockerClient() = default;

EngineEndpoint DockerClient::address() const
{
    if (m_options.tcpHost.isEmpty())
        return EngineEndpoint(m_options.socketPath);
    return EngineEndpoint::tcp(m_options.tcpHost, m_options.tcpPort, m_options.tls);
}

QString DockerClient::defaultSocketPath()
{
    const QString host = qEnvironmentVariable("DOCKER_HOST");
    if (host.startsWith(QLatin1StringView("unix://")))
        return host.mid(7);
    if (host.startsWith(QLatin1StringView("npipe://")))
        return host; // DockerConnection turns it into a pipe name
    return config::hostDefaults().dockerSocket;
}

DockerRequest DockerClient::request(const QByteArray &method, const QByteArray &path) const
{
    DockerRequest r;
    r.method = method;
    r.path = '/' + m_options.apiVersion + path;
    return r;
}

DockerConnection::Timeouts DockerClient::timeouts(int extraMs) const
{
    const int total = m_options.callTimeoutMs > 0 ? m_options.callTimeoutMs + extraMs : 0;
    return {m_options.connectTimeoutMs, total, total};
}

DockerConnection::Timeouts DockerClient::streamTimeouts() const
{
    return {m_options.connectTimeoutMs, m_options.callTimeoutMs, 0};
}

void DockerClient::call(DockerRequest req, DockerConnection::Timeouts t, QObject *ctx,
                        ResponseHandler handler)
{
    Q_ASSERT(ctx);
    auto *conn = new DockerConnection(address(), std::move(req), t, this);
    auto response = std::make_shared<Response>();
    const qint64 maxBody = m_options.maxBodyBytes;
    connect(conn, &DockerConnection::headReceived, conn,
            [response](const HttpResponseHead &head) { response->head = head; });
    connect(conn, &DockerConnection::bodyData, conn, [conn, response, maxBody](const QByteArray &bytes) {
        if (response->body.size() + bytes.size() > maxBody) {
            conn->abort();
            Q_EMIT conn->finished(
                DockerError::protocol(QStringLiteral("engine response exceeds %1 bytes").arg(maxBody)));
            return;
        }
        response->body += bytes;
    });
    // Handler runs only while ctx lives; an abandoned call is aborted with its context.
    connect(conn, &DockerConnection::finished, ctx, [response, handler](const DockerError &error) {
        if (!error.ok()) {
            handler(error, *response);
        } else if (response->head.status >= 400) {
            handler(httpErrorFromBody(response->head.status, response->body), *response);
        } else {
            handler({}, *response);
        }
    });
    connect(conn, &DockerConnection::finished, conn, &QObject::deleteLater);
    connect(ctx, &QObject::destroyed, conn, [conn] {
        conn->abort();
        conn->deleteLater();
    });
    conn->start();
}

void DockerClient::callVoid(DockerRequest req, DockerConnection::Timeouts t, QObject *ctx,
                            DockerCallback<void> done)
{
    call(std::move(req), t, ctx, [done](const DockerError &error, const Response &) { done({error}); });
}

void DockerClient::callObject(DockerRequest req, QObject *ctx, DockerCallback<QJsonObject> done)
{
    call(std::move(req), timeouts(), ctx, [done](const DockerError &error, const Response &resp) {
        DockerResult<QJsonObject> result;
        result.error = error;
        if (error.ok())
            result.value = parseObject(resp.body, result.error);
        done(result);
    });
}

void DockerClient::ping(QObject *ctx, DockerCallback<QString> done)
{
    call(request("GET", "/_ping"), timeouts(), ctx, [done](const DockerError &error, const Response &resp) {
        done({QString::fromLatin1(resp.head.header("Api-Version")), error});
    });
}

void DockerClient::version(QObject *ctx, DockerCallback<QJsonObject> done)
{
    callObject(request("GET", "/version"), ctx, std::move(done));
}

void DockerClient::inspectImage(const QString &reference, QObject *ctx, DockerCallback<QJsonObject> done)
{
    callObject(request("GET", "/images/" + encodePathSegment(reference) + "/json"), ctx, std::move(done));
}

void DockerClient::pullImage(const QString &reference, const QByteArray &registryAuth, QObject *ctx,
                             ProgressCallback progress, DockerCallback<void> done)
{
    Q_ASSERT(ctx);
    // fromImage takes the whole reference; the engine splits off a tag or digest itself, and an
    // untagged name would otherwise pull every tag.
    QString image = reference;
    const qsizetype slash = reference.lastIndexOf(QLatin1Char('/'));
    const bool hasTag =
        reference.indexOf(QLatin1Char(':'), slash + 1) >= 0 || reference.contains(QLatin1Char('@'));
    if (!hasTag)
        image += QStringLiteral(":latest");
    DockerRequest req = request("POST", "/images/create");
    req.addQuery("fromImage", image);
    if (!registryAuth.isEmpty())
        req.headers.append({"X-Registry-Auth", registryAuth});
    // A pull may run for many minutes: only the connect and response-head deadlines apply.
    auto *conn = new DockerConnection(address(), std::move(req), streamTimeouts());
    auto *stream = new EngineStream(conn, EngineStream::Framing::JsonLines, ctx);
    auto pullError = std::make_shared<DockerError>();
    connect(stream, &DockerStream::jsonObject, stream,
            [stream, pullError, progress](const QJsonObject &line) {
                const QJsonValue err = line.value(QLatin1StringView("error"));
                if (!err.isUndefined()) {
                    const int code = line.value(QLatin1StringView("errorDetail"))
                                         .toObject()
                                         .value(QLatin1StringView("code"))
                                         .toInt();
                    *pullError = DockerError::http(code >= 400 ? code : 500, err.toString());
                    stream->close();
                    return;
                }
                if (progress)
                    progress(line);
            });
    connect(stream, &DockerStream::finished, stream, [stream, pullError, done](const DockerError &error) {
        stream->deleteLater();
        done({pullError->ok() ? error : *pullError});
    });
}

void DockerClient::createContainer(const QString &name, const QJsonObject &config, QObject *ctx,
                                   DockerCallback<CreatedContainer> done)
{
    DockerRequest req = request("POST", "/containers/create");
    if (!name.isEmpty())
        req.addQuery("name", name);
    req.contentType = "application/json";
    req.body = QJsonDocument(config).toJson(QJsonDocument::Compact);
    call(std::move(req), timeouts(), ctx, [done](const DockerError &error, const Response &resp) {
        DockerResult<CreatedContainer> result;
        result.error = error;
        if (error.ok()) {
            const QJsonObject obj = parseObject(resp.body, result.error);
            result.value.id = obj.value(QLatin1StringView("Id")).toString();
            result.value.warnings = stringList(obj.value(QLatin1StringView("Warnings")));
            if (result.error.ok() && result.value.id.isEmpty())
                result.error = DockerError::protocol(QStringLiteral("create answered without an Id"));
        }
        done(result);
    });
}

void DockerClient::startContainer(const QString &id, QObject *ctx, DockerCallback<void> done)
{
    // 304 (already started) parses as a success: it is below 400.
    callVoid(request("POST", containerPath(id, "/start")), timeouts(), ctx, std::move(done));
}

void DockerClient::stopContainer(const QString &id, int timeoutSeconds, QObject *ctx,
                                 DockerCallback<void> done)
{
    DockerRequest req = request("POST", containerPath(id, "/stop"));
    if (timeoutSeconds >= 0)
        req.addQuery("t", qint64(timeoutSeconds));
    // The engine waits up to t seconds before it kills: the call deadline must outlast that.
    callVoid(std::move(req), timeouts(qMax(timeoutSeconds, 10) * 1000), ctx, std::move(done));
}

void DockerClient::killContainer(const QString &id, const QString &signal, QObject *ctx,
                                 DockerCallback<void> done)
{
    DockerRequest req = request("POST", containerPath(id, "/kill"));
    if (!signal.isEmpty())
        req.addQuery("signal", signal);
    callVoid(std::move(req), timeouts(), ctx, std::move(done));
}

void DockerClient::restartContainer(const QString &id, int timeoutSeconds, QObject *ctx,
                                    DockerCallback<void> done)
{
    DockerRequest req = request("POST", containerPath(id, "/restart"));
    if (timeoutSeconds >= 0)
        req.addQuery("t", qint64(timeoutSeconds));
    callVoid(std::move(req), timeouts(qMax(timeoutSeconds, 10) * 1000), ctx, std::move(done));
}

void DockerClient::pauseContainer(const QString &id, QObject *ctx, DockerCallback<void> done)
{
    callVoid(request("POST", containerPath(id, "/pause")), timeouts(), ctx, std::move(done));
}

void DockerClient::unpauseContainer(const QString &id, QObject *ctx, DockerCallback<void> done)
{
    callVoid(request("POST", containerPath(id, "/unpause")), timeouts(), ctx, std::move(done));
}

void DockerClient::removeContainer(const QString &id, bool force, bool removeVolumes, QObject *ctx,
                                   DockerCallback<void> done)
{
    DockerRequest req = request("DELETE", containerPath(id));
    req.addQuery("force", force).addQuery("v", removeVolumes);
    callVoid(std::move(req), timeouts(), ctx, std::move(done));
}

void DockerClient::inspectContainer(const QString &id, QObject *ctx, DockerCallback<QJsonObject> done)
{
    callObject(request("GET", containerPath(id, "/json")), ctx, std::move(done));
}

void DockerClient::listContainers(const QJsonObject &filters, QObject *ctx, DockerCallback<QJsonArray> done)
{
    DockerRequest req = request("GET", "/containers/json");
    req.addQuery("all", true);
    req.addQuery("filters", QString::fromUtf8(QJsonDocument(filters).toJson(QJsonDocument::Compact)));
    call(std::move(req), timeouts(), ctx, [done](const DockerError &error, const Response &resp) {
        DockerResult<QJsonArray> result;
        result.error = error;
        if (error.ok()) {
            const QJsonDocument doc = QJsonDocument::fromJson(resp.body);
            if (!doc.isArray())
                result.error =
                    DockerError::protocol(QStringLiteral("engine sent a non-array container list"));
            result.value = doc.array();
        }
        done(result);
    });
}

void DockerClient::updateContainer(const QString &id, const QJsonObject &resources, QObject *ctx,
                                   DockerCallback<QStringList> done)
{
    DockerRequest req = request("POST", containerPath(id, "/update"));
    req.contentType = "application/json";
    req.body = QJsonDocument(resources).toJson(QJsonDocument::Compact);
    call(std::move(req), timeouts(), ctx, [done](const DockerError &error, const Response &resp) {
        DockerResult<QStringList> result;
        result.error = error;
        if (error.ok())
            result.value =
                stringList(parseObject(resp.body, result.error).value(QLatin1StringView("Warnings")));
        done(result);
    });
}

void DockerClient::waitContainer(const QString &id, WaitCondition condition, QObject *ctx,
                                 DockerCallback<WaitResult> done)
{
    DockerRequest req = request("POST", containerPath(id, "/wait"));
    switch (condition) {
    case WaitCondition::NotRunning:
        req.addQuery("condition", QStringLiteral("not-running"));
        break;
    case WaitCondition::NextExit:
        req.addQuery("condition", QStringLiteral("next-exit"));
        break;
    case WaitCondition::Removed:
        req.addQuery("condition", QStringLiteral("removed"));
        break;
    }
    // The engine sends the head at once and the body when the condition holds, so only the
    // head has a deadline.
    call(std::move(req), streamTimeouts(), ctx, [done](const DockerError &error, const Response &resp) {
        DockerResult<WaitResult> result;
        result.error = error;
        if (error.ok()) {
            const QJsonObject obj = parseObject(resp.body, result.error);
            const QJsonValue code = obj.value(QLatin1StringView("StatusCode"));
            if (result.error.ok() && !code.isDouble())
                result.error = DockerError::protocol(QStringLiteral("wait answered without a StatusCode"));
            result.value.statusCode = code.toInteger(-1);
            result.value.errorMessage = obj.value(QLatin1StringView("Error"))
                                            .toObject()
                                            .value(QLatin1StringView("Message"))
                                            .toString();
        }
        done(result);
    });
}

DockerStream *DockerClient::logs(const QString &id, const LogsOptions &options, QObject *parent)
{
    DockerRequest req = request("GET", containerPath(id, "/logs"));
    req.addQuery("follow", options.follow)
        .addQuery("stdout", options.stdoutStream)
        .addQuery("stderr", options.stderrStream)
        .addQuery("timestamps", options.timestamps);
    if (options.since > 0)
        req.addQuery("since", options.since);
    req.addQuery("tail", options.tail >= 0 ? QString::number(options.tail) : QStringLiteral("all"));
    auto *conn = new DockerConnection(address(), std::move(req), streamTimeouts());
    return new EngineStream(
        conn, options.tty ? EngineStream::Framing::Raw : EngineStream::Framing::Multiplexed, parent);
}

DockerStream *DockerClient::attach(const QString &id, const AttachOptions &options, QObject *parent)
{
    DockerRequest req = request("POST", containerPath(id, "/attach"));
    req.addQuery("stream", true)
        .addQuery("logs", options.logs)
        .addQuery("stdin", options.stdinStream)
        .addQuery("stdout", options.stdoutStream)
        .addQuery("stderr", options.stderrStream);
    req.upgrade = true;
    auto *conn = new DockerConnection(address(), std::move(req), streamTimeouts());
    return new EngineStream(
        conn, options.tty ? EngineStream::Framing::Raw : EngineStream::Framing::Multiplexed, parent);
}

DockerStream *DockerClient::stats(const QString &id, bool stream, QObject *parent)
{
    DockerRequest req = request("GET", containerPath(id, "/stats"));
    req.addQuery("stream", stream);
    auto *conn = new DockerConnection(address(), std::move(req), streamTimeouts());
    return new EngineStream(conn, EngineStream::Framing::JsonLines, parent);
}

DockerStream *DockerClient::events(const EventsOptions &options, QObject *parent)
{
    DockerRequest req = request("GET", "/events");
    if (!options.filters.isEmpty())
        req.addQuery("filters",
                     QString::fromUtf8(QJsonDocument(options.filters).toJson(QJsonDocument::Compact)));
    if (!options.since.isEmpty())
        req.addQuery("since", options.since);
    if (!options.until.isEmpty())
        req.addQuery("until", options.until);
    auto *conn = new DockerConnection(address(), std::move(req), streamTimeouts());
    return new EngineStream(conn, EngineStream::Framing::JsonLines, parent);
}

} // namespace lightd::docker
