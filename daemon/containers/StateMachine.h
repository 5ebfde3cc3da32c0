#pragma once
#include "lightd/ContainerState.h"

#include <QString>

namespace lightd::containers {
enum class PowerAction { Start, Stop, Kill, Restart, Suspend, Resume };

QString toString(PowerAction action);
std::optional<PowerAction> powerActionFromString(const QString &verb);

// The one place that says which state changes are legal (API.md section 3):
// installing -> ready | failed; ready -> starting | installing; starting -> running | stopping |
// ready (crash) | suspended; running -> stopping | ready (crash) | suspended | starting;
// stopping -> ready | starting; suspended -> running | starting | ready | stopping (resume, crash,
// stop of a paused server); failed -> installing | ready (after a successful reinstall or
// recreate). Any state may become failed when an operation fails. tests/unit/containers holds the
// full table.
bool canTransition(ContainerState from, ContainerState to);

// Whether a power action may begin in a state; kill is accepted whenever a process may exist.
bool canBegin(PowerAction action, ContainerState state);
} // namespace lightd::containers
