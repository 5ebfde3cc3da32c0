#pragma once
#include "lightd/ContainerRules.h"
#include "lightd/ContainerState.h"
#include "lightd/DomainError.h"

#include <QString>

namespace lightd::containers {
// Power actions are the power subset of the shared lightd::Operation (lightd/ContainerRules.h).
using PowerAction = lightd::Operation;
inline std::optional<PowerAction> powerActionFromString(const QString &verb)
{
    return powerVerbFromString(verb);
}

// The one place that says which state changes are legal (API.md section 3):
// installing -> ready | failed; ready -> starting | installing; starting -> running | stopping |
// ready (crash) | suspended; running -> stopping | ready (crash) | suspended | starting;
// stopping -> ready | starting; suspended -> running | starting | ready | stopping (resume, crash,
// stop of a paused server); failed -> installing | ready (after a successful reinstall or
// recreate). Any state may become failed when an operation fails. tests/unit/containers holds the
// full table.
bool canTransition(ContainerState from, ContainerState to);

// Whether a power action may begin in a state, the lock aside (lightd::canBegin decides).
inline bool canBegin(PowerAction action, ContainerState state)
{
    return lightd::canBegin(action, state, false) == Refusal::None;
}

// The refusal of an operation as the error callers are told (409 invalid_state, or 409
// power_action_in_progress whenever the container is busy, whatever the operation); nullopt when
// it may begin.
std::optional<DomainError> refusal(Operation operation, ContainerState state, bool busy);
} // namespace lightd::containers
