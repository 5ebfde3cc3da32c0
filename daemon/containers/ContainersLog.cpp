#include "containers/ContainersLog.h"

Q_LOGGING_CATEGORY(lcContainers, "lightd.containers")
