#pragma once
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDocker) // lightd.docker: engine calls, stream lifecycles, engine errors
