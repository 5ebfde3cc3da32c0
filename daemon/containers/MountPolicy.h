#pragma once
#include "config/Config.h"

#include <QMap>
#include <QString>

namespace lightd::containers::mounts {
// Custom mounts (API.md section 3 `mount`), the way Wings allows them: a host path is accepted only
// from beneath a directory of `containers.allowed_mounts` (empty: none), checked on the real path —
// resolved beneath the allowed directory without following any link (openat2 RESOLVE_NO_SYMLINKS,
// else an O_NOFOLLOW walk) — and never the daemon's data, config, scripts or volumes directories (or
// an ancestor of one, or the engine's socket). Records keep what the client asked; the engine gets
// the resolved path.

// The real host path to bind for `source`, or an empty string with *why set.
QString resolve(const Config &config, const QString &source, QString *why);
// All of a mount map resolved (target -> real source); throws 400 mount_not_allowed naming the field.
QMap<QString, QString> resolveAll(const Config &config, const QMap<QString, QString> &asked,
                                  QLatin1StringView field);
} // namespace lightd::containers::mounts
