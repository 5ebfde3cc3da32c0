#pragma once
#include "config/PlatformDefaults.h"

#include <QString>

namespace lightd::docker {
// docker.socket_path (or DOCKER_HOST) as QLocalSocket::connectToServer wants it. Unix: a socket path,
// "unix://" stripped. Windows: a named pipe as "\\.\pipe\<name>" — Qt only takes the name as given
// when it starts with exactly that, so "//./pipe/docker_engine", "npipe:////./pipe/docker_engine" and
// a bare "docker_engine" are rewritten to it.
QString localServerName(const QString &address, config::Os os);
} // namespace lightd::docker
