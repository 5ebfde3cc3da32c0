#include "docker/DockerLog.h"

// Per-request lines are debug, off unless QT_LOGGING_RULES="lightd.docker.debug=true".
Q_LOGGING_CATEGORY(lcDocker, "lightd.docker", QtInfoMsg)
