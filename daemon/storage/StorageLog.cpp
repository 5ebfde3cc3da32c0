#include "storage/StorageLog.h"

Q_LOGGING_CATEGORY(lcStorage, "lightd.storage")
