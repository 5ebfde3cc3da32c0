#pragma once
#include "docker/DockerTypes.h"

#include <QString>

namespace lightd::containers {
// What a client is told when the engine fails a step: a clean reason only. The engine's own text can
// name internal hosts, resolver addresses or host paths, so it goes to the log (with `context` and the
// container's id), never into a record's `error` or a console message.
QString engineFailure(const QString &internalId, const QString &context, const docker::DockerError &error);
// True when the engine may have done what was asked though no answer came: a timeout, a dropped
// connection, an unreadable answer. Such an outcome is "unknown" until the container is inspected.
bool outcomeUnknown(const docker::DockerError &error);
// A start refused because containerd still holds a task of this container id: Docker 20.10 killed
// while it created a task leaves one behind, and refuses every later start of the same id with
// HTTP 500 "task <id>: already exists" until that task's shim goes (minutes, in tst_engine_kill).
bool staleEngineTask(const docker::DockerError &error);
} // namespace lightd::containers
