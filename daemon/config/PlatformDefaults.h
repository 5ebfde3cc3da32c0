#pragma once
#include <QString>

namespace lightd::config {
// Defaults that differ between Unix and Windows. The choice is a pure function of its inputs so the
// Windows values are unit-tested on Linux too; hostDefaults() feeds it this machine's values.
enum class Os { Unix, Windows };

struct PlatformDefaults
{
    QString configFile;   // --config when none is given
    QString dockerSocket; // docker.socket_path
    bool manageFirewall;  // network.manage_firewall: only root on Linux has iptables to manage
};

// programData: %ProgramData% (Windows; empty means C:/ProgramData). isRoot: effective uid 0 (Unix).
PlatformDefaults platformDefaults(Os os, const QString &programData, bool isRoot);
Os hostOs();
PlatformDefaults hostDefaults();
} // namespace lightd::config
