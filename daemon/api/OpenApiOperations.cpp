#include "api/OpenApiOperations.h"

namespace lightd::api {
namespace {
constexpr const char *kBad = "400:invalid_json,invalid_field,missing_field";
constexpr const char *kVolumeErr =
    "400:invalid_json,invalid_field,missing_field,invalid_path 404:volume_not_found";

// One line per route of Routes.cpp. New route? Add its line here (same method and pattern).
const OperationDoc kOps[] = {
    {"GET", "/health", "node", "Liveness and version", "", "Health", 200, ""},
    {"GET", "/api/v1/public/ping", "node", "Liveness and version (alias of /health)", "", "Health", 200, ""},
    {"GET", "/openapi.json", "node", "This document", "", "OpenApiDocument", 200, ""},
    {"GET", "/metrics", "node", "Prometheus metrics (text exposition format 0.0.4)", "", "@text", 200, ""},
    {"GET", "/system/metrics", "node", "Daemon figures as JSON (streams held, viewers, RSS)", "",
     "SystemMetrics", 200, ""},
    {"GET", "/system/info", "node", "Daemon and engine version", "", "SystemInfo", 200, "", true},

    {"POST", "/auth/tokens", "tokens", "Create a scoped token (master token only)", "TokenCreate",
     "TokenCreated", 201, kBad},
    {"GET", "/auth/tokens", "tokens", "List scoped tokens (master token only)", "", "TokenList", 200, ""},
    {"DELETE", "/auth/tokens/:id", "tokens", "Revoke a scoped token (master token only)", "", "Message", 200,
     "404:token_not_found"},

    {"POST", "/network/ports", "network", "Add a port to the pool", "PortAdd", "PortAdded", 201,
     "400:invalid_json,invalid_field,missing_field 409:port_exists"},
    {"GET", "/network/ports", "network", "List the port pool", "", "PortList", 200, ""},
    {"GET", "/network/ports/random", "network", "A free port of the pool (not marked)", "", "Port", 200,
     "400:invalid_field 404:no_available_ports"},
    {"POST", "/network/ports/bulk", "network", "Add several ports", "PortBulk", "BulkAdded", 200, kBad},
    {"POST", "/network/ports/bulk-delete", "network", "Remove several ports", "PortBulk", "BulkDeleted", 200,
     "400:invalid_json,invalid_field,missing_field 409:port_in_use"},
    {"GET", "/network/ports/:ip/:port", "network", "One port of the pool", "", "Port", 200,
     "400:invalid_field 404:port_not_found"},
    {"DELETE", "/network/ports/:ip/:port", "network", "Remove a port from the pool", "", "Message", 200,
     "400:invalid_field 404:port_not_found 409:port_in_use"},
    {"PUT", "/network/ports/:ip/:port/use", "network", "Mark a port used or free", "PortUse", "Port", 200,
     "400:invalid_json,invalid_field,missing_field 404:port_not_found"},

    {"GET", "/network/ports/available", "network", "Free ports of the pool (alias, earlier daemon)", "",
     "PortList", 200, ""},
    {"GET", "/network/ports/:id", "network", "One port by its id (alias, earlier daemon)", "", "Port", 200,
     "404:port_not_found"},
    {"DELETE", "/network/ports/:id", "network", "Remove a port by its id (alias, earlier daemon)", "",
     "Message", 200, "404:port_not_found 409:port_in_use"},
    {"POST", "/network/ports/:id/use", "network",
     "Mark a port used or free by its id (alias, earlier daemon)", "PortUse", "Port", 200,
     "400:invalid_json,invalid_field,missing_field 404:port_not_found"},

    {"POST", "/volumes", "volumes", "Create a volume", "VolumeCreate", "Volume", 201, kBad},
    {"GET", "/volumes", "volumes", "List volumes", "", "VolumeList", 200, ""},
    {"GET", "/volumes/:id", "volumes", "One volume", "", "Volume", 200, "404:volume_not_found"},
    {"DELETE", "/volumes/:id", "volumes", "Delete a volume", "", "Message", 200,
     "404:volume_not_found 409:volume_in_use"},

    {"POST", "/containers", "containers", "Create a container (continues asynchronously)", "ContainerCreate",
     "ContainerAccepted", 201,
     "400:invalid_json,invalid_field,missing_field,port_not_in_pool 404:volume_not_found "
     "409:container_exists,port_in_use"},
    {"GET", "/containers", "containers", "List containers", "", "ContainerList", 200, ""},
    {"GET", "/containers/:id", "containers", "One container's record", "", "Container", 200,
     "404:container_not_found"},
    {"DELETE", "/containers/:id", "containers", "Delete a container (the volume is kept)", "", "Message", 200,
     "404:container_not_found 409:invalid_state", true},
    {"POST", "/containers/:id/start", "power", "Start", "", "ContainerAccepted", 202,
     "404:container_not_found 409:invalid_state,power_action_in_progress", true},
    {"POST", "/containers/:id/stop", "power", "Stop gracefully", "", "ContainerAccepted", 202,
     "404:container_not_found 409:invalid_state,power_action_in_progress", true},
    {"POST", "/containers/:id/kill", "power", "Kill (SIGKILL)", "", "ContainerAccepted", 202,
     "404:container_not_found 409:invalid_state,power_action_in_progress", true},
    {"POST", "/containers/:id/restart", "power", "Restart", "", "ContainerAccepted", 202,
     "404:container_not_found 409:invalid_state,power_action_in_progress", true},
    {"POST", "/containers/:id/suspend", "power", "Suspend (pause)", "", "ContainerAccepted", 202,
     "404:container_not_found 409:invalid_state,power_action_in_progress", true},
    {"POST", "/containers/:id/resume", "power", "Resume (unpause)", "", "ContainerAccepted", 202,
     "404:container_not_found 409:invalid_state,power_action_in_progress", true},
    {"POST", "/containers/:id/reinstall", "containers", "Reinstall (volume data kept)", "Reinstall",
     "ContainerAccepted", 202, "400:invalid_json,invalid_field 404:container_not_found 409:invalid_state",
     true},
    {"POST", "/containers/:id/rebind-network", "containers", "Replace the container's ports", "Rebind",
     "ContainerAccepted", 202,
     "400:invalid_json,invalid_field,missing_field,port_not_in_pool 404:container_not_found "
     "409:invalid_state,port_in_use",
     true},
    {"POST", "/containers/:id/command", "containers", "Write a line to the server's stdin", "Command",
     "ContainerAccepted", 202,
     "400:invalid_json,invalid_field,missing_field 404:container_not_found 409:invalid_state"},
    {"GET", "/containers/:id/logs", "containers", "Console history", "", "Logs", 200,
     "400:invalid_field 404:container_not_found"},
    {"POST", "/containers/:id/resources", "containers", "Update limits live", "ResourcesUpdate",
     "ResourcesUpdated", 200, "400:invalid_json,invalid_field 404:container_not_found 409:invalid_state",
     true},
    {"GET", "/containers/:id/resources", "containers", "Limits as the engine reports them", "", "Resources",
     200, "404:container_not_found", true},
    {"POST", "/containers/:id/startup", "containers", "Change the startup command", "Startup", "Message", 200,
     "400:invalid_json,invalid_field,missing_field 404:container_not_found"},
    {"POST", "/containers/:id/start-pattern", "containers", "Change the start pattern", "StartPattern",
     "Message", 200, "400:invalid_json,invalid_field,missing_field 404:container_not_found"},
    {"POST", "/containers/:id/volumes", "containers", "Change custom mounts (next recreate)", "Mounts",
     "Message", 200, "400:invalid_json,invalid_field,missing_field 404:container_not_found"},

    {"GET", "/containers/:id/status", "containers", "State of a container (alias, earlier daemon)", "",
     "ContainerStatus", 200, "404:container_not_found"},
    {"GET", "/containers/:id/validate", "containers",
     "Compare the record with the engine (alias, earlier daemon)", "", "ContainerValidation", 200,
     "404:container_not_found", true},
    {"POST", "/containers/:id/repair", "containers",
     "Recreate from the record, volume kept (alias, earlier daemon)", "", "ContainerAccepted", 202,
     "404:container_not_found 409:invalid_state", true},

    {"POST", "/containers/:id/sftp/credentials", "sftp", "Set or generate the SFTP login",
     "SftpCredentialsRequest", "SftpCredentials", 200,
     "400:invalid_json,invalid_field 404:container_not_found 409:username_taken"},
    {"POST", "/containers/:id/sftp/keys", "sftp", "Add an SSH public key", "SftpKeyAdd", "SftpKeyAdded", 201,
     "400:invalid_json,invalid_field,missing_field 404:container_not_found 409:conflict"},
    {"GET", "/containers/:id/sftp/keys", "sftp", "List SSH public keys", "", "SftpKeyList", 200,
     "404:container_not_found"},
    {"DELETE", "/containers/:id/sftp/keys/:fingerprint", "sftp", "Remove an SSH public key", "", "Message",
     200, "404:container_not_found,not_found"},
    {"GET", "/containers/:id/sftp/info", "sftp", "SFTP login details (never the password)", "", "SftpInfo",
     200, "404:container_not_found,sftp_not_configured"},

    {"GET", "/volumes/:id/files", "files", "List a directory", "", "FileList", 200,
     "400:invalid_path 404:volume_not_found,file_not_found 409:not_a_directory"},
    {"POST", "/volumes/:id/files", "files", "Write a text file (atomic)", "FileWrite", "PathMessage", 200,
     "400:invalid_json,invalid_field,missing_field,invalid_path 404:volume_not_found 409:is_a_directory "
     "507:quota_exceeded,disk_full"},
    {"DELETE", "/volumes/:id/files", "files", "Delete a file or a directory tree", "", "Message", 200,
     "400:invalid_path 404:volume_not_found,file_not_found"},
    {"GET", "/volumes/:id/files/content", "files", "Download a file's bytes", "", "@raw", 200,
     "400:invalid_path 404:volume_not_found,file_not_found 409:is_a_directory"},
    {"PUT", "/volumes/:id/files/content", "files", "Upload raw bytes (streamed)", "@raw", "PathMessage", 200,
     "400:invalid_path 404:volume_not_found 409:is_a_directory 413:payload_too_large "
     "507:quota_exceeded,disk_full"},
    {"POST", "/volumes/:id/folders", "files", "Create a folder", "PathBody", "PathMessage", 201,
     "400:invalid_json,invalid_field,missing_field,invalid_path 404:volume_not_found 409:file_exists"},
    {"POST", "/volumes/:id/copy", "files", "Copy a file or tree", "SourceDestination",
     "SourceDestinationMessage", 200,
     "400:invalid_json,invalid_field,missing_field,invalid_path 404:volume_not_found,file_not_found "
     "409:file_exists 507:quota_exceeded"},
    {"POST", "/volumes/:id/rename", "files", "Rename or move", "SourceDestination",
     "SourceDestinationMessage", 200,
     "400:invalid_json,invalid_field,missing_field,invalid_path 404:volume_not_found,file_not_found "
     "409:file_exists"},
    {"POST", "/volumes/:id/chmod", "files", "Change a file's mode", "Chmod", "Message", 200,
     "400:invalid_json,invalid_field,missing_field,invalid_path 404:volume_not_found,file_not_found"},
    {"POST", "/volumes/:id/compress", "files", "Make an archive", "Compress", "Compressed", 200,
     "400:invalid_json,invalid_field,missing_field,invalid_path 404:volume_not_found,file_not_found "
     "507:quota_exceeded,disk_full"},
    {"POST", "/volumes/:id/decompress", "files", "Extract an archive", "Decompress", "Decompressed", 200,
     "400:invalid_json,invalid_field,missing_field,invalid_path,invalid_archive "
     "404:volume_not_found,file_not_found "
     "507:quota_exceeded,disk_full"},
    {"GET", "/volumes/:id/quota", "volumes", "Quota and usage", "", "Quota", 200, "404:volume_not_found"},
    {"POST", "/volumes/:id/resize", "volumes", "Change the quota", "Resize", "Quota", 200, kVolumeErr},
    {"POST", "/volumes/:id/write", "files", "Write a file (alias, earlier daemon)", "LegacyWrite",
     "PathMessage", 200,
     "400:invalid_json,invalid_field,missing_field,invalid_path 404:volume_not_found 409:is_a_directory "
     "507:quota_exceeded,disk_full"},
    {"POST", "/volumes/:id/create-folder", "files", "Create a folder (alias, earlier daemon)", "LegacyFolder",
     "PathMessage", 201,
     "400:invalid_json,invalid_field,missing_field,invalid_path 404:volume_not_found 409:file_exists"},
    {"GET", "/volumes/:id/files/detailed", "files", "List a directory, earlier daemon's shape (alias)", "",
     "FileListDetailed", 200, "400:invalid_path 404:volume_not_found,file_not_found 409:not_a_directory"},
};
} // namespace

const OperationDoc *operationDocs(int &count)
{
    count = int(sizeof kOps / sizeof kOps[0]);
    return kOps;
}
} // namespace lightd::api
