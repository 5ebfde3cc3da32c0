#pragma once
#include <QString>

namespace lightd::volumes {
// Turns an errno from a sandboxed call into the contract's error. `what` is the client's own path
// (never a host path: 500s and messages must not leak the layout of the host).
[[noreturn]] void throwErrno(int err, const QString &what);
[[noreturn]] void throwInvalidPath(const QString &why);
} // namespace lightd::volumes
