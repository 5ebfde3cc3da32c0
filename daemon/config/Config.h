#pragma once
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace lightd {
// config.json (API.md section 10), validated and with every default filled in. Paths are absolute.
struct Config
{
    struct Server
    {
        QString host;
        int port = 8070;
        QString tlsCert, tlsKey;
        QStringList allowedOrigins;
        int maxBodyMb = 10;
        int maxHeaderKb = 16;
        int idleTimeoutS = 60;
        bool accessLog = true;
        QString metricsToken; // empty: none
        int maxConnectionsPerIp = 512;
    } server;
    struct Authorization
    {
        bool enabled = true;
        QString token;
        int maxFailures = 10;
        int failureWindowS = 60;
        int maxTokens = 1000; // live scoped tokens
    } authorization;
    struct Docker
    {
        QString socketPath;
        QString host; // empty: socketPath; unix:///path or tcp://host:port
        int timeoutS = 30;
        int maxConcurrentCalls = 0;     // heavy engine calls at once; 0: automatic (4 per core)
        QString tlsCa, tlsCert, tlsKey; // client TLS for tcp:// (absolute paths)
    } docker;
    struct Storage
    {
        QString basePath, volumesPath, containersPath, database;
    } storage;
    struct Network
    {
        bool manageFirewall = true;
        QString chain;
    } network;
    struct Containers
    {
        int stopTimeoutS = 30;
        bool crashRestart = true;
        int crashWindowS = 60;
        QStringList allowedMounts; // custom mounts only from beneath these (empty: none)
        int logMaxMb = 10;         // engine log per container: max-size of one file...
        int logMaxFiles = 3;       // ...and how many files it keeps
        int pidsLimit = 512;       // processes per container (a fork bomb stays inside)
    } containers;
    struct Console
    {
        int historyLines = 1000;
        int throttleLines = 2000;
        int throttleIntervalMs = 100;
    } console;
    struct WebSocket
    {
        int historyLines = 100;
        int maxMessageKb = 64;
        int sendQueueFrames = 4096;
        int maxMessages = 10; // per viewer and messageWindowMs
        int messageWindowMs = 200;
        int maxViewersPerContainer = 30;
        int statsLingerMs = 10000; // the stats stream outlives the last viewer by this much
    } websocket;
    struct Files
    {
        int uploadLimitMb = 1024;
    } files;
    struct Volumes
    {
        int quotaCheckS = 30;
        int maxCount = 1000;
    } volumes;
    struct Billing
    {
        double memoryPerGbHour = 0, cpuPerVcpuHour = 0, storagePerGbHour = 0, egressPerGb = 0;
    };
    struct Monitoring
    {
        bool enabled = true;
        int intervalMs = 60000;
        int retentionDays = 35;
        Billing billing;
    } monitoring;
    struct Remote
    {
        bool enabled = false;
        QString url, token, nodeId;
        int outboxMaxEvents = 100000;
    } remote;
    struct Sftp
    {
        bool enabled = true;
        QString host;
        int port = 2022;
        QString publicHost; // what credentials/info report; empty: the address the request came in on
        int maxSessions = 64;
        int idleTimeoutS = 300;
    } sftp;

    QString filePath; // where it was read from
    QJsonObject raw;  // the merged JSON it was built from
};

struct ConfigResult
{
    std::optional<Config> config;
    QString error;        // names the key, e.g. "server.port: must be an integer between 1 and 65535"
    QStringList warnings; // unknown keys
};

namespace config {
QString generateToken();
QJsonObject defaults(const QString &configDir);
// Every key config.json may hold, dotted ("server.port"), in schema order; docs/config.md documents each.
QStringList keyNames();
// Reads path (creating it with defaults and a fresh token when absent) and validates every key.
ConfigResult load(const QString &path, bool createIfMissing = true);
// Validates a JSON document without touching the disk.
ConfigResult fromJson(const QJsonObject &json, const QString &path);
// Rewrites one key (dotted path) of the file in place, atomically.
QString setValue(const QString &path, const QString &dottedKey, const QJsonValue &value);
// The config with every secret replaced by "***" (for GET /remote/config and logs).
QJsonObject redacted(const QJsonObject &json);
} // namespace config
} // namespace lightd
