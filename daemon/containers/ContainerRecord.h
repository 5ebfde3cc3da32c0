#pragma once
#include "lightd/ContainerDto.h"
#include "lightd/ContainerState.h"
#include "storage/ContainerTable.h"

#include <optional>

namespace lightd::containers {
// Everything the daemon keeps about one managed container (the containers table row).
struct ContainerRecord
{
    ContainerDto dto; // wire fields; dto.installState mirrors state
    ContainerState state = ContainerState::Installing;
    QString installScript;
    std::optional<int> exitCode;
    bool oomKilled = false;

    QString dockerName() const { return QStringLiteral("lightd-") + dto.internalId; }

    // The containers table row and back: storage keeps columns, the domain keeps types.
    storage::ContainerRow toRow() const;
    static ContainerRecord fromRow(const storage::ContainerRow &row);
};
} // namespace lightd::containers
