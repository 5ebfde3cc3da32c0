#pragma once
#include "containers/ContainerRecord.h"

#include <QJsonObject>

namespace lightd::containers {
// Host paths a container is built from.
struct ContainerPaths
{
    QString volume;                // mounted at /home/container
    QString dataDir;               // mounted read-only at /app/data: entrypoint.sh, startup.sh, install.sh
    QMap<QString, QString> mounts; // custom mounts: target -> resolved real host path (MountPolicy)
};

// What every container lightd creates gets from the node's config (containers.*).
struct HostPolicy
{
    int logMaxMb = 10;   // the engine's log of one container: `local` driver, files of this size...
    int logMaxFiles = 3; // ...this many of them
    int pidsLimit = 512; // processes: a fork bomb stays inside its container
    QString logDriver = QStringLiteral("local"); // json-file on Podman, which has no `local`
};

// Turns a record into the engine's create bodies. Pure functions: unit-tested without an engine.
// No container is privileged, gets capabilities added or shares a namespace with the host.
namespace dockerspec {
QJsonObject serverConfig(const ContainerRecord &r, const ContainerPaths &paths,
                         const HostPolicy &policy = {});
QJsonObject installConfig(const ContainerRecord &r, const ContainerPaths &paths,
                          const HostPolicy &policy = {});
// Helpers' names start "lightd_" where servers' start "lightd-": no id can make them equal.
QString installContainerName(const ContainerRecord &r);
// What earlier versions named the install container (it could equal another server's name).
QString legacyInstallContainerName(const ContainerRecord &r);
// The scripts written into the data dir.
QByteArray entrypointScript();
QByteArray startupScript(const QString &startupCommand);
QByteArray installScript(const QString &script);
} // namespace dockerspec
} // namespace lightd::containers
