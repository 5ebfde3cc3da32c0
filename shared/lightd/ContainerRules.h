#pragma once
// Which operation may begin on a container, in which state (API.md section 3). The daemon refuses
// with these rules and the GUI enables its buttons with the same ones: there is no other copy.
#include "lightd/ContainerState.h"

#include <QLatin1StringView>
#include <QString>
#include <QStringList>
#include <optional>

namespace lightd {
enum class Operation { Start, Stop, Kill, Restart, Suspend, Resume, Reinstall, Rebind, Command };

QString toString(Operation operation);
// The six power verbs only (start, stop, kill, restart, suspend, resume).
std::optional<Operation> powerVerbFromString(const QString &verb);
QStringList powerVerbs();

enum class Refusal { None, WrongState, Busy };

// busy: a power action, install or recreate of this container is in flight. Kill and command are
// accepted while busy (kill ends whatever runs; a command goes to a process that is starting).
// The state is judged first, so "installing" reads as the wrong state, not as busy.
Refusal canBegin(Operation operation, ContainerState state, bool busy);
// The one code of each refusal: invalid_state, or power_action_in_progress for every busy case.
QLatin1StringView refusalCode(Refusal refusal);

// For clients holding wire names (the GUI): whether verb may begin in state, ignoring busy.
bool powerAllowed(const QString &state, const QString &verb);
} // namespace lightd
