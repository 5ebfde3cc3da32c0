#include "containers/StateMachine.h"

namespace lightd::containers {
using S = ContainerState;

QString toString(PowerAction action)
{
    switch (action) {
    case PowerAction::Start:
        return QStringLiteral("start");
    case PowerAction::Stop:
        return QStringLiteral("stop");
    case PowerAction::Kill:
        return QStringLiteral("kill");
    case PowerAction::Restart:
        return QStringLiteral("restart");
    case PowerAction::Suspend:
        return QStringLiteral("suspend");
    case PowerAction::Resume:
        return QStringLiteral("resume");
    }
    return {};
}

std::optional<PowerAction> powerActionFromString(const QString &verb)
{
    for (auto a : {PowerAction::Start, PowerAction::Stop, PowerAction::Kill, PowerAction::Restart,
                   PowerAction::Suspend, PowerAction::Resume}) {
        if (toString(a) == verb)
            return a;
    }
    return std::nullopt;
}

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

bool canBegin(PowerAction action, ContainerState state)
{
    switch (action) {
    case PowerAction::Start:
        return state == S::Ready;
    case PowerAction::Stop:
        return state == S::Starting || state == S::Running || state == S::Suspended;
    case PowerAction::Kill:
        return state == S::Starting || state == S::Running || state == S::Stopping || state == S::Suspended;
    case PowerAction::Restart:
        return state == S::Starting || state == S::Running || state == S::Ready;
    case PowerAction::Suspend:
        return state == S::Starting || state == S::Running;
    case PowerAction::Resume:
        return state == S::Suspended;
    }
    return false;
}
} // namespace lightd::containers
