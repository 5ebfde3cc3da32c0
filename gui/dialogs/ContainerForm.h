#pragma once
#include "lightd/CreateContainerDto.h"

#include <QStringList>

namespace lightd::gui {
// Client-side checks mirroring the API's (section 3), so the dialog explains problems before the
// request; the daemon still has the last word. Returns one message per problem, empty when valid.
QStringList validateContainer(const CreateContainerDto &form);
bool isValidInternalId(const QString &id);
} // namespace lightd::gui
