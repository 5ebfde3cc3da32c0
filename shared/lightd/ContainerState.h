#pragma once
#include <QString>
#include <optional>

namespace lightd {
// Container states of API.md section 3; the wire names are the only spelling clients see.
enum class ContainerState { Installing, Ready, Starting, Running, Stopping, Suspended, Failed };

QString toString(ContainerState state);
std::optional<ContainerState> containerStateFromString(const QString &name);
} // namespace lightd
