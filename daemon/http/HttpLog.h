#pragma once
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApi)  // lightd.api: one access line per request
Q_DECLARE_LOGGING_CATEGORY(lcHttp) // lightd.http: connection guard decisions
