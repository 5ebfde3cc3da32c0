#pragma once
#include "containers/ContainerRecord.h"

#include <QJsonObject>

namespace lightd::containers {
// Host paths a container is built from.
struct ContainerPaths
{
    QString volume;  // mounted at /home/container
    QString dataDir; // mounted at /app/data: entrypoint.sh, startup.sh, install.sh
};

// Turns a record into the engine's create bodies. Pure functions: unit-tested without an engine.
namespace dockerspec {
QJsonObject serverConfig(const ContainerRecord &r, const ContainerPaths &paths);
QJsonObject installConfig(const ContainerRecord &r, const ContainerPaths &paths);
QString installContainerName(const ContainerRecord &r);
// The scripts written into the data dir.
QByteArray entrypointScript();
QByteArray startupScript(const QString &startupCommand);
QByteArray installScript(const QString &script);
} // namespace dockerspec
} // namespace lightd::containers
