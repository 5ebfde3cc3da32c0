#pragma once
#include "config/Config.h"
#include "docker/DockerClient.h"

namespace lightd {
// docker.socket_path / docker.host (unix:///path or tcp://host:port) / docker.tls_* as the client's
// options. Throws std::runtime_error naming the key when a TLS file cannot be read.
docker::DockerClient::Options engineOptions(const Config::Docker &config);
} // namespace lightd
