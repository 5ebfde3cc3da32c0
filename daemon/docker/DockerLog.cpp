#include "docker/DockerLog.h"

Q_LOGGING_CATEGORY(lcDocker, "lightd.docker")
