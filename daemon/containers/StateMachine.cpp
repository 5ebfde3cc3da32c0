#include "containers/StateMachine.h"

namespace lightd::containers {
using S = ContainerState;

bool canTransition(ContainerState from, ContainerState to)
{
    if (to == S::Failed)
        return true;
    switch (from) {
    case S::Installing:
        return to == S::Ready;
    case S::Ready:
        return to == S::Starting || to == S::Installing;
    case S::Starting:
        return to == S::Running || to == S::Stopping || to == S::Ready || to == S::Suspended;
    case S::Running:
        return to == S::Stopping || to == S::Ready || to == S::Suspended || to == S::Starting;
    case S::Stopping:
        return to == S::Ready || to == S::Starting;
    case S::Suspended:
        return to == S::Running || to == S::Starting || to == S::Ready || to == S::Stopping;
    case S::Failed:
        return to == S::Installing || to == S::Ready;
    }
    return false;
}

std::optional<DomainError> refusal(Operation operation, ContainerState state, bool busy)
{
    const Refusal r = lightd::canBegin(operation, state, busy);
    if (r == Refusal::None)
        return std::nullopt;
    if (r == Refusal::Busy)
        return DomainError(refusalCode(r), QStringLiteral("Another power action is in progress"));
    switch (operation) {
    case Operation::Reinstall:
        return DomainError(refusalCode(r),
                           QStringLiteral("Cannot reinstall while the container is %1").arg(toString(state)));
    case Operation::Rebind:
        return DomainError(
            refusalCode(r),
            QStringLiteral("Cannot rebind network while container is %1").arg(toString(state)));
    case Operation::Command:
        return DomainError(
            refusalCode(r),
            QStringLiteral("Cannot send a command to a container that is %1").arg(toString(state)));
    default:
        return DomainError(
            refusalCode(r),
            QStringLiteral("Cannot %1 a container that is %2").arg(toString(operation), toString(state)));
    }
}
} // namespace lightd::containers
