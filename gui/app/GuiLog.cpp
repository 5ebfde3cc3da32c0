#include "app/GuiLog.h"

namespace lightd::gui {
Q_LOGGING_CATEGORY(lcGui, "lightd.gui")
}
