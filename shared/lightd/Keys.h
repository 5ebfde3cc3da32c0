#pragma once
// JSON keys of the wire contract (../shared/spec/API.md), spelled once for daemon, GUI and tests.
#include <QLatin1StringView>

namespace lightd::keys {
using K = QLatin1StringView;
inline constexpr K Error{"error"};
inline constexpr K Code{"code"};
inline constexpr K Message{"message"};
inline constexpr K Status{"status"};
inline constexpr K Version{"version"};

// tokens
inline constexpr K Token{"token"};
inline constexpr K Tokens{"tokens"};
inline constexpr K Id{"id"};
inline constexpr K Ttl{"ttl"};
inline constexpr K RemoveOnUse{"remove_on_use"};
inline constexpr K Scopes{"scopes"};
inline constexpr K ExpiresAt{"expires_at"};
inline constexpr K CreatedAt{"created_at"};
inline constexpr K UpdatedAt{"updated_at"};

// network
inline constexpr K Ip{"ip"};
inline constexpr K Port{"port"};
inline constexpr K Ports{"ports"};
inline constexpr K Protocol{"protocol"};
inline constexpr K InUse{"in_use"};
inline constexpr K Container{"container"};
inline constexpr K ContainerPort{"container_port"};
inline constexpr K HostPort{"host_port"};
inline constexpr K AddedCount{"added_count"};
inline constexpr K DeletedCount{"deleted_count"};

// volumes
inline constexpr K VolumeId{"volume_id"};
inline constexpr K Volumes{"volumes"};
inline constexpr K Path{"path"};
inline constexpr K SizeMb{"size_mb"};
inline constexpr K QuotaMb{"quota_mb"};
inline constexpr K UsedBytes{"used_bytes"};

// containers
inline constexpr K InternalId{"internal_id"};
inline constexpr K ContainerId{"container_id"};
inline constexpr K Containers{"containers"};
inline constexpr K Image{"image"};
inline constexpr K StartupCommand{"startup_command"};
inline constexpr K StartPattern{"start_pattern"};
inline constexpr K InstallState{"install_state"};
inline constexpr K InstallScript{"install_script"};
inline constexpr K State{"state"};
inline constexpr K Limits{"limits"};
inline constexpr K Memory{"memory"};
inline constexpr K Cpu{"cpu"};
inline constexpr K Mount{"mount"};
inline constexpr K Env{"env"};
inline constexpr K Command{"command"};
inline constexpr K Lines{"lines"};
inline constexpr K FirstSeq{"first_seq"};
inline constexpr K ExitCode{"exit_code"};
inline constexpr K OomKilled{"oom_killed"};

// files inside volumes
inline constexpr K Files{"files"};
inline constexpr K Name{"name"};
inline constexpr K Type{"type"};
inline constexpr K Size{"size"};
inline constexpr K Mode{"mode"};
inline constexpr K ModifiedAt{"modified_at"};
inline constexpr K Mimetype{"mimetype"};
inline constexpr K Content{"content"};
inline constexpr K Source{"source"};
inline constexpr K Destination{"destination"};
inline constexpr K Paths{"paths"};
inline constexpr K Format{"format"};
inline constexpr K OutputName{"output_name"};
// aliases of the earlier daemon's clients (API.md section 12)
inline constexpr K Filename{"filename"};
inline constexpr K Root{"root"};
inline constexpr K Sources{"sources"};
inline constexpr K Output{"output"};
inline constexpr K Ids{"ids"};
inline constexpr K ArchivePath{"archive_path"};
inline constexpr K UsedMb{"used_mb"};
inline constexpr K AvailableMb{"available_mb"};
inline constexpr K PercentageUsed{"percentage_used"};
} // namespace lightd::keys
