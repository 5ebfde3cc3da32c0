#pragma once
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApp) // lightd.app

namespace lightd {
// Timestamped, category-tagged lines on stderr, written without per-line flush storms.
void installLogHandler();
} // namespace lightd
