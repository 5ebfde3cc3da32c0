#include "config/Config.h"

#include "config/JsonPath.h"
#include "config/PlatformDefaults.h"
#include "lightd/JsonUtil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace lightd::config {
using jsonpath::assign;
using jsonpath::lookup;
using jsonpath::merge;

namespace {
enum class Kind { Bool, Int, Number, String, StringList, Token };
struct Key
{
    const char *path;
    Kind kind;
    double min = 0;
    double max = 0;
};

// Every key config.json may hold, with its type and range: validation, unknown-key warnings and
// the typed Config are all derived from this one table.
const Key kKeys[] = {
    {"server.host", Kind::String},
    {"server.port", Kind::Int, 0, 65535}, // 0: any free port (tests)
    {"server.tls.cert", Kind::String},
    {"server.tls.key", Kind::String},
    {"server.allowed_origins", Kind::StringList},
    {"server.max_body_mb", Kind::Int, 1, 4096},
    {"server.max_header_kb", Kind::Int, 1, 1024},
    {"server.idle_timeout_s", Kind::Int, 1, 86400},
    {"server.access_log", Kind::Bool},
    {"server.metrics_token", Kind::String}, // empty: none; else a read-only token for GET /metrics alone
    {"server.max_connections_per_ip", Kind::Int, 1, 1000000},
    {"authorization.enabled", Kind::Bool},
    {"authorization.token", Kind::Token},
    {"authorization.max_failures", Kind::Int, 1, 100000},
    {"authorization.failure_window_s", Kind::Int, 1, 86400},
    {"authorization.max_tokens", Kind::Int, 1, 10000000},
    {"docker.socket_path", Kind::String},
    {"docker.host", Kind::String},
    {"docker.timeout_s", Kind::Int, 1, 3600},
    {"docker.max_concurrent_calls", Kind::Int, 0, 1024}, // 0: automatic, 4 per core
    {"docker.tls_ca", Kind::String},                     // PEM files for docker.host = tcp://...
    {"docker.tls_cert", Kind::String},
    {"docker.tls_key", Kind::String},
    {"storage.base_path", Kind::String},
    {"storage.volumes_path", Kind::String},
    {"storage.containers_path", Kind::String},
    {"storage.database", Kind::String},
    {"network.manage_firewall", Kind::Bool},
    {"network.chain", Kind::String},
    {"containers.stop_timeout_s", Kind::Int, 1, 3600},
    {"containers.crash_restart", Kind::Bool},
    {"containers.crash_window_s", Kind::Int, 1, 86400},
    {"containers.allowed_mounts", Kind::StringList},
    {"containers.log_max_mb", Kind::Int, 1, 10240},
    {"containers.log_max_files", Kind::Int, 1, 100},
    {"containers.pids_limit", Kind::Int, 16, 4194304},
    {"console.history_lines", Kind::Int, 10, 1000000},
    {"console.throttle_lines", Kind::Int, 1, 10000000},
    {"console.throttle_interval_ms", Kind::Int, 1, 60000},
    {"websocket.history_lines", Kind::Int, 0, 1000000},
    {"websocket.max_message_kb", Kind::Int, 1, 16384},
    {"websocket.send_queue_frames", Kind::Int, 16, 1000000},
    {"websocket.max_messages", Kind::Int, 1, 100000},
    {"websocket.message_window_ms", Kind::Int, 10, 60000},
    {"websocket.max_viewers_per_container", Kind::Int, 1, 100000},
    {"websocket.stats_linger_ms", Kind::Int, 0, 3600000},
    {"files.upload_limit_mb", Kind::Int, 1, 1048576},
    {"volumes.quota_check_s", Kind::Int, 1, 86400},
    {"volumes.max_count", Kind::Int, 1, 10000000},
    {"monitoring.enabled", Kind::Bool},
    {"monitoring.interval_ms", Kind::Int, 1000, 86400000},
    {"monitoring.retention_days", Kind::Int, 1, 3650},
    {"monitoring.billing.memory_per_gb_hour", Kind::Number, 0, 1e9},
    {"monitoring.billing.cpu_per_vcpu_hour", Kind::Number, 0, 1e9},
    {"monitoring.billing.storage_per_gb_hour", Kind::Number, 0, 1e9},
    {"monitoring.billing.egress_per_gb", Kind::Number, 0, 1e9},
    {"remote.enabled", Kind::Bool},
    {"remote.url", Kind::String},
    {"remote.token", Kind::String},
    {"remote.node_id", Kind::String},
    {"remote.outbox_max_events", Kind::Int, 100, 100000000},
    {"sftp.enabled", Kind::Bool},
    {"sftp.host", Kind::String},
    {"sftp.port", Kind::Int, 0, 65535}, // 0: any free port (tests)
    {"sftp.public_host", Kind::String},
    {"sftp.max_sessions", Kind::Int, 1, 10000},
    {"sftp.idle_timeout_s", Kind::Int, 1, 86400},
};

const char *const kSecretKeys[] = {"authorization.token", "remote.token", "server.tls.key",
                                   "server.metrics_token"};

void collectUnknown(const QJsonObject &o, const QString &prefix, QStringList &out)
{
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        bool known = false, isPrefix = false;
        for (const auto &k : kKeys) {
            const auto kp = QLatin1StringView(k.path);
            known = known || kp == path;
            isPrefix = isPrefix || kp.startsWith(path + QLatin1Char('.'));
        }
        if (known)
            continue;
        if (isPrefix && it.value().isObject())
            collectUnknown(it.value().toObject(), path, out);
        else
            out.append(path);
    }
}

QString check(const Key &k, const QJsonValue &v)
{
    switch (k.kind) {
    case Kind::Bool:
        return v.isBool() ? QString() : QStringLiteral("must be true or false");
    case Kind::Int: {
        const auto n = json::exactInt64(v);
        if (!n || double(*n) < k.min || double(*n) > k.max)
            return QStringLiteral("must be an integer between %1 and %2").arg(k.min).arg(k.max);
        return {};
    }
    case Kind::Number:
        if (!v.isDouble() || v.toDouble() < k.min || v.toDouble() > k.max)
            return QStringLiteral("must be a number between %1 and %2").arg(k.min).arg(k.max);
        return {};
    case Kind::String:
        return v.isString() ? QString() : QStringLiteral("must be a string");
    case Kind::StringList:
        if (!v.isArray())
            return QStringLiteral("must be an array of strings");
        for (const auto &e : v.toArray()) {
            if (!e.isString())
                return QStringLiteral("must be an array of strings");
        }
        return {};
    case Kind::Token: {
        const QString t = v.toString();
        if (!v.isString() || !t.startsWith(QLatin1StringView("lightd_")) || t.size() < 20)
            return QStringLiteral("must be a string starting with lightd_ and at least 20 characters long");
        return {};
    }
    }
    return {};
}

QString absoluteFrom(const QString &dir, const QString &path)
{
    return QDir::cleanPath(QDir(dir).absoluteFilePath(path));
}

QString absoluteOrEmpty(const QString &dir, const QString &path)
{
    return path.isEmpty() ? path : absoluteFrom(dir, path);
}

// docker.host: empty (docker.socket_path), unix:///path, or tcp://host:port (TLS when the three
// docker.tls_* files are given; all three or none).
QString checkDockerHost(const Config::Docker &d)
{
    const int tlsFiles = int(!d.tlsCa.isEmpty()) + int(!d.tlsCert.isEmpty()) + int(!d.tlsKey.isEmpty());
    if (tlsFiles != 0 && tlsFiles != 3)
        return QStringLiteral("docker.tls_ca, docker.tls_cert, docker.tls_key: give all three or none");
    if (d.host.isEmpty())
        return tlsFiles ? QStringLiteral("docker.tls_*: only used with docker.host = tcp://host:port")
                        : QString();
    if (d.host.startsWith(QLatin1StringView("npipe://"))) // Windows: Docker Desktop's named pipe
        return tlsFiles ? QStringLiteral("docker.tls_*: only used with docker.host = tcp://host:port")
                        : QString();
    if (d.host.startsWith(QLatin1StringView("unix://"))) {
        if (d.host.size() <= 7 || d.host.at(7) != QLatin1Char('/'))
            return QStringLiteral(
                "docker.host: unix:// needs an absolute path, e.g. unix:///run/podman/podman.sock");
        return tlsFiles ? QStringLiteral("docker.tls_*: only used with docker.host = tcp://host:port")
                        : QString();
    }
    if (d.host.startsWith(QLatin1StringView("tcp://"))) {
        const QString rest = d.host.mid(6);
        const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const int port = colon > 0 ? rest.mid(colon + 1).toInt(&ok) : 0;
        if (!ok || port < 1 || port > 65535)
            return QStringLiteral("docker.host: tcp:// needs host:port, e.g. tcp://10.0.0.5:2376");
        return {};
    }
    return QStringLiteral("docker.host: must be empty, unix:///path, npipe://name or tcp://host:port");
}
} // namespace

QString generateToken()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QString hex;
    for (quint32 w : words)
        hex += QStringLiteral("%1").arg(w, 8, 16, QLatin1Char('0'));
    return QStringLiteral("lightd_") + hex;
}

QStringList keyNames()
{
    QStringList names;
    for (const auto &k : kKeys)
        names.append(QLatin1StringView(k.path));
    return names;
}

QJsonObject defaults(const QString &configDir)
{
    Q_UNUSED(configDir)
    const PlatformDefaults platform = hostDefaults();
    return QJsonObject{
        {QStringLiteral("server"),
         QJsonObject{{QStringLiteral("host"), QStringLiteral("0.0.0.0")},
                     {QStringLiteral("port"), 8070},
                     {QStringLiteral("tls"),
                      QJsonObject{{QStringLiteral("cert"), QString()}, {QStringLiteral("key"), QString()}}},
                     {QStringLiteral("allowed_origins"), QJsonArray()},
                     {QStringLiteral("max_body_mb"), 10},
                     {QStringLiteral("max_header_kb"), 16},
                     {QStringLiteral("idle_timeout_s"), 60},
                     {QStringLiteral("access_log"), true},
                     {QStringLiteral("metrics_token"), QString()},
                     {QStringLiteral("max_connections_per_ip"), 512}}},
        {QStringLiteral("authorization"), QJsonObject{{QStringLiteral("enabled"), true},
                                                      {QStringLiteral("token"), generateToken()},
                                                      {QStringLiteral("max_failures"), 10},
                                                      {QStringLiteral("failure_window_s"), 60},
                                                      {QStringLiteral("max_tokens"), 1000}}},
        {QStringLiteral("docker"), QJsonObject{{QStringLiteral("socket_path"), platform.dockerSocket},
                                               {QStringLiteral("host"), QString()},
                                               {QStringLiteral("timeout_s"), 30},
                                               {QStringLiteral("max_concurrent_calls"), 0},
                                               {QStringLiteral("tls_ca"), QString()},
                                               {QStringLiteral("tls_cert"), QString()},
                                               {QStringLiteral("tls_key"), QString()}}},
        {QStringLiteral("storage"), QJsonObject{{QStringLiteral("base_path"), QStringLiteral("data")},
                                                {QStringLiteral("volumes_path"), QString()},
                                                {QStringLiteral("containers_path"), QString()},
                                                {QStringLiteral("database"), QString()}}},
        {QStringLiteral("network"), QJsonObject{{QStringLiteral("manage_firewall"), platform.manageFirewall},
                                                {QStringLiteral("chain"), QStringLiteral("LIGHTD-INPUT")}}},
        {QStringLiteral("containers"), QJsonObject{{QStringLiteral("stop_timeout_s"), 30},
                                                   {QStringLiteral("crash_restart"), true},
                                                   {QStringLiteral("crash_window_s"), 60},
                                                   {QStringLiteral("allowed_mounts"), QJsonArray()},
                                                   {QStringLiteral("log_max_mb"), 10},
                                                   {QStringLiteral("log_max_files"), 3},
                                                   {QStringLiteral("pids_limit"), 512}}},
        {QStringLiteral("console"), QJsonObject{{QStringLiteral("history_lines"), 1000},
                                                {QStringLiteral("throttle_lines"), 2000},
                                                {QStringLiteral("throttle_interval_ms"), 100}}},
        {QStringLiteral("websocket"), QJsonObject{{QStringLiteral("history_lines"), 100},
                                                  {QStringLiteral("max_message_kb"), 64},
                                                  {QStringLiteral("send_queue_frames"), 4096},
                                                  {QStringLiteral("max_messages"), 10},
                                                  {QStringLiteral("message_window_ms"), 200},
                                                  {QStringLiteral("max_viewers_per_container"), 30},
                                                  {QStringLiteral("stats_linger_ms"), 10000}}},
        {QStringLiteral("files"), QJsonObject{{QStringLiteral("upload_limit_mb"), 1024}}},
        {QStringLiteral("volumes"),
         QJsonObject{{QStringLiteral("quota_check_s"), 30}, {QStringLiteral("max_count"), 1000}}},
        {QStringLiteral("monitoring"),
         QJsonObject{{QStringLiteral("enabled"), true},
                     {QStringLiteral("interval_ms"), 60000},
                     {QStringLiteral("retention_days"), 35},
                     {QStringLiteral("billing"), QJsonObject{{QStringLiteral("memory_per_gb_hour"), 0.005},
                                                             {QStringLiteral("cpu_per_vcpu_hour"), 0.01},
                                                             {QStringLiteral("storage_per_gb_hour"), 0.0001},
                                                             {QStringLiteral("egress_per_gb"), 0.05}}}}},
        {QStringLiteral("remote"), QJsonObject{{QStringLiteral("enabled"), false},
                                               {QStringLiteral("url"), QString()},
                                               {QStringLiteral("token"), QString()},
                                               {QStringLiteral("node_id"), QString()},
                                               {QStringLiteral("outbox_max_events"), 100000}}},
        {QStringLiteral("sftp"), QJsonObject{{QStringLiteral("enabled"), true},
                                             {QStringLiteral("host"), QStringLiteral("0.0.0.0")},
                                             {QStringLiteral("port"), 2022},
                                             {QStringLiteral("public_host"), QString()},
                                             {QStringLiteral("max_sessions"), 64},
                                             {QStringLiteral("idle_timeout_s"), 300}}},
    };
}

ConfigResult fromJson(const QJsonObject &json, const QString &path)
{
    ConfigResult result;
    const QString dir = QFileInfo(path).absolutePath();
    collectUnknown(json, QString(), result.warnings);
    const QJsonObject merged = merge(defaults(dir), json);
    for (const auto &k : kKeys) {
        const QString err = check(k, lookup(merged, QLatin1StringView(k.path)));
        if (!err.isEmpty()) {
            result.error = QStringLiteral("%1: %2").arg(QLatin1StringView(k.path), err);
            return result;
        }
    }
    auto s = [&](const char *key) { return lookup(merged, QLatin1StringView(key)).toString(); };
    auto i = [&](const char *key) { return lookup(merged, QLatin1StringView(key)).toInt(); };
    auto b = [&](const char *key) { return lookup(merged, QLatin1StringView(key)).toBool(); };
    auto d = [&](const char *key) { return lookup(merged, QLatin1StringView(key)).toDouble(); };

    Config c;
    c.filePath = QFileInfo(path).absoluteFilePath();
    c.raw = merged;
    c.server.host = s("server.host");
    c.server.port = i("server.port");
    c.server.tlsCert = s("server.tls.cert");
    c.server.tlsKey = s("server.tls.key");
    for (const auto &o : lookup(merged, QStringLiteral("server.allowed_origins")).toArray())
        c.server.allowedOrigins.append(o.toString());
    c.server.maxBodyMb = i("server.max_body_mb");
    c.server.maxHeaderKb = i("server.max_header_kb");
    c.server.idleTimeoutS = i("server.idle_timeout_s");
    c.server.accessLog = b("server.access_log");
    c.server.metricsToken = s("server.metrics_token");
    c.server.maxConnectionsPerIp = i("server.max_connections_per_ip");
    c.authorization.enabled = b("authorization.enabled");
    c.authorization.token = s("authorization.token");
    c.authorization.maxFailures = i("authorization.max_failures");
    c.authorization.failureWindowS = i("authorization.failure_window_s");
    c.authorization.maxTokens = i("authorization.max_tokens");
    c.docker.socketPath = s("docker.socket_path");
    c.docker.host = s("docker.host");
    c.docker.timeoutS = i("docker.timeout_s");
    c.docker.maxConcurrentCalls = i("docker.max_concurrent_calls");
    c.docker.tlsCa = absoluteOrEmpty(dir, s("docker.tls_ca"));
    c.docker.tlsCert = absoluteOrEmpty(dir, s("docker.tls_cert"));
    c.docker.tlsKey = absoluteOrEmpty(dir, s("docker.tls_key"));
    c.storage.basePath = absoluteFrom(dir, s("storage.base_path"));
    auto under = [&](const char *key, const char *fallback) {
        const QString v = s(key);
        return absoluteFrom(c.storage.basePath, v.isEmpty() ? QLatin1StringView(fallback) : v);
    };
    c.storage.volumesPath = under("storage.volumes_path", "volumes");
    c.storage.containersPath = under("storage.containers_path", "containers");
    c.storage.database = under("storage.database", "lightd.db");
    c.network.manageFirewall = b("network.manage_firewall");
    c.network.chain = s("network.chain");
    c.containers.stopTimeoutS = i("containers.stop_timeout_s");
    c.containers.crashRestart = b("containers.crash_restart");
    c.containers.crashWindowS = i("containers.crash_window_s");
    for (const auto &m : lookup(merged, QStringLiteral("containers.allowed_mounts")).toArray()) {
        const QString mountDir = m.toString();
        if (!mountDir.startsWith(QLatin1Char('/')) || mountDir.contains(QLatin1Char(':'))) {
            result.error =
                QStringLiteral("containers.allowed_mounts: '%1' must be an absolute path without ':'")
                    .arg(mountDir);
            return result;
        }
        c.containers.allowedMounts.append(QDir::cleanPath(mountDir));
    }
    c.containers.logMaxMb = i("containers.log_max_mb");
    c.containers.logMaxFiles = i("containers.log_max_files");
    c.containers.pidsLimit = i("containers.pids_limit");
    c.console.historyLines = i("console.history_lines");
    c.console.throttleLines = i("console.throttle_lines");
    c.console.throttleIntervalMs = i("console.throttle_interval_ms");
    c.websocket.historyLines = i("websocket.history_lines");
    c.websocket.maxMessageKb = i("websocket.max_message_kb");
    c.websocket.sendQueueFrames = i("websocket.send_queue_frames");
    c.websocket.maxMessages = i("websocket.max_messages");
    c.websocket.messageWindowMs = i("websocket.message_window_ms");
    c.websocket.maxViewersPerContainer = i("websocket.max_viewers_per_container");
    c.websocket.statsLingerMs = i("websocket.stats_linger_ms");
    c.files.uploadLimitMb = i("files.upload_limit_mb");
    c.volumes.quotaCheckS = i("volumes.quota_check_s");
    c.volumes.maxCount = i("volumes.max_count");
    c.monitoring.enabled = b("monitoring.enabled");
    c.monitoring.intervalMs = i("monitoring.interval_ms");
    c.monitoring.retentionDays = i("monitoring.retention_days");
    c.monitoring.billing = {
        d("monitoring.billing.memory_per_gb_hour"), d("monitoring.billing.cpu_per_vcpu_hour"),
        d("monitoring.billing.storage_per_gb_hour"), d("monitoring.billing.egress_per_gb")};
    c.remote.enabled = b("remote.enabled");
    c.remote.url = s("remote.url");
    c.remote.token = s("remote.token");
    c.remote.nodeId = s("remote.node_id");
    c.remote.outboxMaxEvents = i("remote.outbox_max_events");
    c.sftp.enabled = b("sftp.enabled");
    c.sftp.host = s("sftp.host");
    c.sftp.port = i("sftp.port");
    c.sftp.publicHost = s("sftp.public_host");
    c.sftp.maxSessions = i("sftp.max_sessions");
    c.sftp.idleTimeoutS = i("sftp.idle_timeout_s");
    if (!c.server.metricsToken.isEmpty() && c.server.metricsToken.size() < 16) {
        result.error = QStringLiteral("server.metrics_token: must be empty or at least 16 characters long");
        return result;
    }
    if (const QString e = checkDockerHost(c.docker); !e.isEmpty()) {
        result.error = e;
        return result;
    }
    if (c.remote.enabled && !c.remote.url.startsWith(QLatin1StringView("http://")) &&
        !c.remote.url.startsWith(QLatin1StringView("https://"))) {
        result.error =
            QStringLiteral("remote.url: must be an http:// or https:// URL when remote.enabled is true");
        return result;
    }
    if (c.network.chain.isEmpty() || c.network.chain.size() > 28) {
        result.error = QStringLiteral("network.chain: must be 1 to 28 characters");
        return result;
    }
    result.config = std::move(c);
    return result;
}

QJsonObject redacted(const QJsonObject &json)
{
    QJsonObject out = json;
    for (const char *key : kSecretKeys) {
        const QString k = QLatin1StringView(key);
        if (lookup(out, k).isString() && !lookup(out, k).toString().isEmpty())
            out = assign(out, k.split(QLatin1Char('.')), QStringLiteral("***"));
    }
    return out;
}
} // namespace lightd::config
