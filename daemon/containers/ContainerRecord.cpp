#include "containers/ContainerRecord.h"

#include "lightd/JsonUtil.h"

namespace lightd::containers {
storage::ContainerRow ContainerRecord::toRow() const
{
    storage::ContainerRow r;
    r.internalId = dto.internalId;
    r.containerId = dto.containerId;
    r.volumeId = dto.volumeId;
    r.image = dto.image;
    r.startupCommand = dto.startupCommand;
    r.startPattern = dto.startPattern;
    r.installScript = installScript;
    r.state = toString(state);
    r.error = dto.error;
    for (const auto &p : dto.ports)
        r.ports.append(p.toJson());
    r.limits = dto.limits.toJson();
    r.mount = json::fromStringMap(dto.mount);
    r.env = json::fromStringMap(dto.env);
    r.exitCode = exitCode;
    r.oomKilled = oomKilled;
    r.createdAt = dto.createdAt;
    r.updatedAt = dto.updatedAt;
    return r;
}

ContainerRecord ContainerRecord::fromRow(const storage::ContainerRow &row)
{
    ContainerRecord r;
    r.dto.internalId = row.internalId;
    r.dto.containerId = row.containerId;
    r.dto.volumeId = row.volumeId;
    r.dto.image = row.image;
    r.dto.startupCommand = row.startupCommand;
    r.dto.startPattern = row.startPattern;
    r.installScript = row.installScript;
    r.state = containerStateFromString(row.state).value_or(ContainerState::Failed);
    r.dto.installState = toString(r.state);
    r.dto.error = row.error;
    for (const auto &v : row.ports)
        r.dto.ports.append(PortBindingDto::fromJson(v.toObject()));
    r.dto.limits = LimitsDto::fromJson(row.limits);
    r.dto.mount = json::toStringMap(row.mount);
    r.dto.env = json::toStringMap(row.env);
    r.exitCode = row.exitCode;
    r.oomKilled = row.oomKilled;
    r.dto.createdAt = row.createdAt;
    r.dto.updatedAt = row.updatedAt;
    return r;
}
} // namespace lightd::containers
