#pragma once
// Stable error codes: clients switch on these, never on the message text.
#include <QLatin1StringView>

namespace lightd::codes {
using C = QLatin1StringView;
inline constexpr C BadRequest{"bad_request"};
inline constexpr C InvalidJson{"invalid_json"};
inline constexpr C InvalidField{"invalid_field"};
inline constexpr C MissingField{"missing_field"};
inline constexpr C UnknownField{"unknown_field"};
inline constexpr C Unauthorized{"unauthorized"};
inline constexpr C InvalidVendor{"invalid_vendor"};
inline constexpr C Forbidden{"forbidden"};
inline constexpr C NotFound{"not_found"};
inline constexpr C RouteNotFound{"route_not_found"};
inline constexpr C MethodNotAllowed{"method_not_allowed"};
inline constexpr C Conflict{"conflict"};
inline constexpr C PayloadTooLarge{"payload_too_large"};
inline constexpr C HeadersTooLarge{"headers_too_large"};
inline constexpr C RateLimited{"rate_limited"};
inline constexpr C Internal{"internal_error"};
inline constexpr C DockerUnavailable{"docker_unavailable"};
inline constexpr C DockerError{"docker_error"};
inline constexpr C Timeout{"timeout"};

inline constexpr C TokenNotFound{"token_not_found"};
inline constexpr C PortExists{"port_exists"};
inline constexpr C PortNotFound{"port_not_found"};
inline constexpr C PortInUse{"port_in_use"};
inline constexpr C PortNotInPool{"port_not_in_pool"};
inline constexpr C NoAvailablePorts{"no_available_ports"};
inline constexpr C VolumeNotFound{"volume_not_found"};
inline constexpr C VolumeInUse{"volume_in_use"};
inline constexpr C ContainerNotFound{"container_not_found"};
inline constexpr C ContainerExists{"container_exists"};
inline constexpr C InvalidState{"invalid_state"};
inline constexpr C PowerLocked{"power_action_in_progress"};
inline constexpr C InvalidPath{"invalid_path"};
inline constexpr C QuotaExceeded{"quota_exceeded"};
inline constexpr C FileNotFound{"file_not_found"};
inline constexpr C NotADirectory{"not_a_directory"};
inline constexpr C IsADirectory{"is_a_directory"};
inline constexpr C FileExists{"file_exists"};
inline constexpr C InvalidArchive{"invalid_archive"};
inline constexpr C DiskFull{"disk_full"};
inline constexpr C MountNotAllowed{"mount_not_allowed"};
inline constexpr C SftpNotConfigured{"sftp_not_configured"};
inline constexpr C UsernameTaken{"username_taken"};
inline constexpr C KeyNotFound{"key_not_found"};
} // namespace lightd::codes
