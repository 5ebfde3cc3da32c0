#pragma once
#include <Qt>

namespace lightd::gui {
// Extra data roles the delegates and the sort proxy read.
enum Roles {
    SortRole = Qt::UserRole + 1, // raw value to sort by (numbers as numbers)
    KeyRole,                     // the row's key (port "ip:port/proto", volume id, internal id, file name)
    StateRole,                   // container state wire name, for the badge delegate
    UsedBytesRole,               // volumes: used bytes, for the quota bar
    QuotaBytesRole,              // volumes: quota in bytes, 0 when unlimited
    IsDirectoryRole,             // files
};
} // namespace lightd::gui
