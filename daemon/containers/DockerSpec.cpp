#include "containers/DockerSpec.h"

#include <QJsonArray>

namespace lightd::containers::dockerspec {
namespace {
QJsonObject labels(const ContainerRecord &r, const char *role)
{
    return QJsonObject{{QStringLiteral("lightd.managed"), QStringLiteral("true")},
                       {QStringLiteral("lightd.internal_id"), r.dto.internalId},
                       {QStringLiteral("lightd.role"), QLatin1StringView(role)}};
}

QJsonArray envList(const ContainerRecord &r)
{
    QJsonArray env;
    for (auto it = r.dto.env.cbegin(); it != r.dto.env.cend(); ++it)
        env.append(it.key() + QLatin1Char('=') + it.value());
    env.append(QStringLiteral("HOME=/home/container"));
    return env;
}

QJsonArray binds(const ContainerPaths &paths, bool withCustom)
{
    QJsonArray b{paths.volume + QStringLiteral(":/home/container"),
                 paths.dataDir + QStringLiteral(":/app/data:ro")}; // scripts the daemon writes
    if (withCustom) {
        for (auto it = paths.mounts.cbegin(); it != paths.mounts.cend(); ++it)
            b.append(it.value() + QLatin1Char(':') + it.key());
    }
    return b;
}

QJsonObject hostLimits(const ContainerRecord &r, const HostPolicy &policy)
{
    QJsonObject h{
        {QStringLiteral("Privileged"), false},
        {QStringLiteral("CapAdd"), QJsonArray()},
        {QStringLiteral("CapDrop"),
         QJsonArray{QStringLiteral("NET_RAW"), QStringLiteral("MKNOD"), QStringLiteral("AUDIT_WRITE")}},
        {QStringLiteral("SecurityOpt"), QJsonArray{QStringLiteral("no-new-privileges")}},
        {QStringLiteral("NetworkMode"), QStringLiteral("bridge")},
        {QStringLiteral("IpcMode"), QStringLiteral("private")},
        {QStringLiteral("CgroupnsMode"), QStringLiteral("private")},
        {QStringLiteral("PidsLimit"), policy.pidsLimit},
        // Bounded engine logs: the console history is ours, the engine's file must not fill the disk.
        {QStringLiteral("LogConfig"),
         QJsonObject{{QStringLiteral("Type"), policy.logDriver},
                     {QStringLiteral("Config"),
                      QJsonObject{{QStringLiteral("max-size"), QStringLiteral("%1m").arg(policy.logMaxMb)},
                                  {QStringLiteral("max-file"), QString::number(policy.logMaxFiles)}}}}},
    };
    if (r.dto.limits.memory > 0) {
        h.insert(QStringLiteral("Memory"), r.dto.limits.memory);
        h.insert(QStringLiteral("MemorySwap"), r.dto.limits.memory); // no swap beyond the limit
    }
    if (r.dto.limits.cpu > 0)
        h.insert(QStringLiteral("NanoCpus"), qint64(r.dto.limits.cpu * 1e9));
    return h;
}
} // namespace

QJsonObject serverConfig(const ContainerRecord &r, const ContainerPaths &paths, const HostPolicy &policy)
{
    QJsonObject exposed, bindings;
    for (const auto &p : r.dto.ports) {
        const QString key = QStringLiteral("%1/%2").arg(p.containerPort).arg(p.protocol);
        exposed.insert(key, QJsonObject());
        QJsonArray list = bindings.value(key).toArray();
        list.append(QJsonObject{{QStringLiteral("HostIp"), p.ip},
                                {QStringLiteral("HostPort"), QString::number(p.hostPort)}});
        bindings.insert(key, list);
    }
    QJsonObject host = hostLimits(r, policy);
    host.insert(QStringLiteral("Binds"), binds(paths, true));
    host.insert(QStringLiteral("PortBindings"), bindings);
    host.insert(QStringLiteral("RestartPolicy"), QJsonObject{{QStringLiteral("Name"), QStringLiteral("no")}});
    host.insert(QStringLiteral("Init"), true); // a real PID 1 reaps zombies and forwards SIGTERM
    return QJsonObject{
        {QStringLiteral("Image"), r.dto.image},
        {QStringLiteral("Entrypoint"),
         QJsonArray{QStringLiteral("/bin/sh"), QStringLiteral("/app/data/entrypoint.sh")}},
        {QStringLiteral("Cmd"), QJsonArray()},
        {QStringLiteral("WorkingDir"), QStringLiteral("/home/container")},
        {QStringLiteral("Env"), envList(r)},
        {QStringLiteral("Labels"), labels(r, "server")},
        {QStringLiteral("ExposedPorts"), exposed},
        {QStringLiteral("Tty"), false},
        {QStringLiteral("OpenStdin"), true},
        {QStringLiteral("StdinOnce"), false},
        {QStringLiteral("AttachStdin"), true},
        {QStringLiteral("AttachStdout"), true},
        {QStringLiteral("AttachStderr"), true},
        {QStringLiteral("HostConfig"), host},
    };
}

QJsonObject installConfig(const ContainerRecord &r, const ContainerPaths &paths, const HostPolicy &policy)
{
    QJsonObject host = hostLimits(r, policy);
    host.insert(QStringLiteral("Binds"), binds(paths, false));
    host.insert(QStringLiteral("Init"), true);
    // bash when the image has it, else sh: the install script is usually written for bash.
    const QString run = QStringLiteral(
        "cd /home/container && if command -v bash >/dev/null 2>&1; then exec bash /app/data/install.sh; "
        "else exec sh /app/data/install.sh; fi");
    return QJsonObject{
        {QStringLiteral("Image"), r.dto.image},
        {QStringLiteral("Entrypoint"), QJsonArray{QStringLiteral("/bin/sh"), QStringLiteral("-c"), run}},
        {QStringLiteral("Cmd"), QJsonArray()},
        {QStringLiteral("WorkingDir"), QStringLiteral("/home/container")},
        {QStringLiteral("Env"), envList(r)},
        {QStringLiteral("Labels"), labels(r, "install")},
        {QStringLiteral("Tty"), false},
        {QStringLiteral("AttachStdout"), true},
        {QStringLiteral("AttachStderr"), true},
        {QStringLiteral("HostConfig"), host},
    };
}

QString installContainerName(const ContainerRecord &r)
{
    return QStringLiteral("lightd_install-") + r.dto.internalId;
}

QString legacyInstallContainerName(const ContainerRecord &r)
{
    return QStringLiteral("lightd-install-") + r.dto.internalId;
}

QByteArray entrypointScript()
{
    return "#!/bin/sh\n"
           "# Written by lightd: runs the server's startup command in its volume.\n"
           "cd /home/container || exit 1\n"
           "exec /bin/sh /app/data/startup.sh\n";
}

QByteArray startupScript(const QString &startupCommand)
{
    return startupCommand.toUtf8() + '\n';
}

QByteArray installScript(const QString &script)
{
    return script.toUtf8() + '\n';
}
} // namespace lightd::containers::dockerspec
