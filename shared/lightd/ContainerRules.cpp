#include "lightd/ContainerRules.h"

#include "lightd/ErrorCodes.h"

namespace lightd {
using S = ContainerState;

QString toString(Operation operation)
{
    switch (operation) {
    case Operation::Start:
        return QStringLiteral("start");
    case Operation::Stop:
        return QStringLiteral("stop");
    case Operation::Kill:
        return QStringLiteral("kill");
    case Operation::Restart:
        return QStringLiteral("restart");
    case Operation::Suspend:
        return QStringLiteral("suspend");
    case Operation::Resume:
        return QStringLiteral("resume");
    case Operation::Reinstall:
        return QStringLiteral("reinstall");
    case Operation::Rebind:
        return QStringLiteral("rebind");
    case Operation::Command:
        return QStringLiteral("command");
    }
    return {};
}

std::optional<Operation> powerVerbFromString(const QString &verb)
{
    for (auto o : {Operation::Start, Operation::Stop, Operation::Kill, Operation::Restart, Operation::Suspend,
                   Operation::Resume}) {
        if (toString(o) == verb)
            return o;
    }
    return std::nullopt;
}

QStringList powerVerbs()
{
    return {QStringLiteral("start"), QStringLiteral("stop"),    QStringLiteral("restart"),
            QStringLiteral("kill"),  QStringLiteral("suspend"), QStringLiteral("resume")};
}

namespace {
bool stateAllows(Operation operation, ContainerState state)
{
    switch (operation) {
    case Operation::Start:
        return state == S::Ready;
    case Operation::Stop:
        return state == S::Starting || state == S::Running || state == S::Suspended;
    case Operation::Kill:
        return state == S::Starting || state == S::Running || state == S::Stopping || state == S::Suspended;
    case Operation::Restart:
        return state == S::Starting || state == S::Running || state == S::Ready;
    case Operation::Suspend:
        return state == S::Starting || state == S::Running;
    case Operation::Resume:
        return state == S::Suspended;
    case Operation::Reinstall:
    case Operation::Rebind:
        return state != S::Installing;
    case Operation::Command:
        return state == S::Running || state == S::Starting;
    }
    return false;
}
} // namespace

Refusal canBegin(Operation operation, ContainerState state, bool busy)
{
    if (!stateAllows(operation, state))
        return Refusal::WrongState;
    if (busy && operation != Operation::Kill && operation != Operation::Command)
        return Refusal::Busy;
    return Refusal::None;
}

QLatin1StringView refusalCode(Refusal refusal)
{
    return refusal == Refusal::Busy ? codes::PowerLocked : codes::InvalidState;
}

bool powerAllowed(const QString &state, const QString &verb)
{
    const auto s = containerStateFromString(state);
    const auto o = powerVerbFromString(verb);
    return s && o && canBegin(*o, *s, false) == Refusal::None;
}
} // namespace lightd
