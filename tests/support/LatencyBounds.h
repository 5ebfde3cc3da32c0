#pragma once
// The factor a test's latency bound is multiplied by, one rule for every suite that measures REST p99
// beside an attack or a load (abuse, SFTP load and brute force).
#include "DaemonProcess.h"

#include <QFile>
#include <QThread>
#include <algorithm>

namespace lightd::test {
// 1 on a machine that is not oversubscribed. When other work keeps the 1-minute load average above
// 1.5 per core the daemon is starved of CPU by others, not by the attack: 4x, and a warning says so.
// The sanitizer build (tests/sanitize/run.sh: ASan, UBSan and the fuzzer's coverage counters) is
// 2-4x slower than the release build: another 4x there.
inline double latencyBoundFactor()
{
    double factor = 1.0;
    QFile f(QStringLiteral("/proc/loadavg"));
    const double load = f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').first().toDouble() : 0;
    const int cores = std::max(1, QThread::idealThreadCount());
    if (load > 1.5 * cores) {
        qWarning("load average %.1f on %d cores: latency bounds relaxed 4x", load, cores);
        factor *= 4.0;
    }
    if (!DaemonProcess::memoryBoundsApply()) {
        qInfo("sanitizer build of the daemon: latency bounds relaxed 4x");
        factor *= 4.0;
    }
    return factor;
}
} // namespace lightd::test
