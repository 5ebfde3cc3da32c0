#include "http/HttpLog.h"

Q_LOGGING_CATEGORY(lcApi, "lightd.api")
Q_LOGGING_CATEGORY(lcHttp, "lightd.http")
