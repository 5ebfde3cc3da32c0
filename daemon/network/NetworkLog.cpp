#include "network/NetworkLog.h"

Q_LOGGING_CATEGORY(lcNetwork, "lightd.network")
