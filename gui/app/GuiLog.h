#pragma once
#include <QLoggingCategory>

namespace lightd::gui {
Q_DECLARE_LOGGING_CATEGORY(lcGui)
}
