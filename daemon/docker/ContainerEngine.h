#pragma once
#include "docker/DockerTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <functional>

class QObject;

namespace lightd::docker {

class DockerStream;

// What the rest of the daemon needs from a container engine. DockerClient talks to the real
// Docker engine; tests of higher-level logic implement this with a fake.
//
// Calls: the callback runs once, later on the caller's thread (never inside the call), unless ctx
// is destroyed first, which also abandons the request. Streams: the returned handle is owned by
// parent; deleting or close()-ing it closes the connection. Container ids and names are
// interchangeable wherever the engine accepts both.
class ContainerEngine
{
  public:
    using ProgressCallback = std::function<void(const QJsonObject &progress)>;

    virtual ~ContainerEngine() = default;

    // Engine liveness; the value is the engine's API version header.
    virtual void ping(QObject *ctx, DockerCallback<QString> done) = 0;
    // GET /version body.
    virtual void version(QObject *ctx, DockerCallback<QJsonObject> done) = 0;

    // Image inspect body; a missing image is Http 404.
    virtual void inspectImage(const QString &reference, QObject *ctx, DockerCallback<QJsonObject> done) = 0;
    // Pulls reference (name:tag or name@digest). Each progress line goes to progress; an
    // {"error": ...} line fails the pull with that message (Http, status from errorDetail.code or
    // 500). registryAuth is the base64url X-Registry-Auth value, or empty.
    virtual void pullImage(const QString &reference, const QByteArray &registryAuth, QObject *ctx,
                           ProgressCallback progress, DockerCallback<void> done) = 0;

    // config is the engine's create body (Image, Cmd, Env, HostConfig, ...).
    virtual void createContainer(const QString &name, const QJsonObject &config, QObject *ctx,
                                 DockerCallback<CreatedContainer> done) = 0;
    // Already running counts as success.
    virtual void startContainer(const QString &id, QObject *ctx, DockerCallback<void> done) = 0;
    // Already stopped counts as success. timeoutSeconds < 0 uses the container's own StopTimeout.
    virtual void stopContainer(const QString &id, int timeoutSeconds, QObject *ctx,
                               DockerCallback<void> done) = 0;
    // signal: "SIGKILL", "SIGTERM", "9", ...
    virtual void killContainer(const QString &id, const QString &signal, QObject *ctx,
                               DockerCallback<void> done) = 0;
    virtual void restartContainer(const QString &id, int timeoutSeconds, QObject *ctx,
                                  DockerCallback<void> done) = 0;
    virtual void pauseContainer(const QString &id, QObject *ctx, DockerCallback<void> done) = 0;
    virtual void unpauseContainer(const QString &id, QObject *ctx, DockerCallback<void> done) = 0;
    // removeVolumes removes anonymous volumes (the engine's v=1).
    virtual void removeContainer(const QString &id, bool force, bool removeVolumes, QObject *ctx,
                                 DockerCallback<void> done) = 0;
    virtual void inspectContainer(const QString &id, QObject *ctx, DockerCallback<QJsonObject> done) = 0;
    // Containers (running or not) matching filters, e.g. {"label":["lightd.internal_id=x"]}: the
    // engine's list entries (Id, Names, Labels, State, ...).
    virtual void listContainers(const QJsonObject &filters, QObject *ctx,
                                DockerCallback<QJsonArray> done) = 0;
    // resources is the engine's update body (Memory, MemorySwap, NanoCpus, CpuShares, ...);
    // the value is the engine's warnings.
    virtual void updateContainer(const QString &id, const QJsonObject &resources, QObject *ctx,
                                 DockerCallback<QStringList> done) = 0;
    // Waits (without a whole-call deadline) until the condition holds; value carries StatusCode.
    virtual void waitContainer(const QString &id, WaitCondition condition, QObject *ctx,
                               DockerCallback<WaitResult> done) = 0;

    // Log output as data(streamType, bytes); with follow, runs until the container stops.
    virtual DockerStream *logs(const QString &id, const LogsOptions &options, QObject *parent) = 0;
    // Hijacked attach: output as data(streamType, bytes); write() feeds stdin.
    virtual DockerStream *attach(const QString &id, const AttachOptions &options, QObject *parent) = 0;
    // One jsonObject() per stats sample (about one a second while streaming).
    virtual DockerStream *stats(const QString &id, bool stream, QObject *parent) = 0;
    // One jsonObject() per engine event matching options.filters.
    virtual DockerStream *events(const EventsOptions &options, QObject *parent) = 0;
};

} // namespace lightd::docker
