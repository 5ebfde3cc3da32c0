#pragma once
#include "metrics/TextWriter.h"

namespace lightd::metrics {
// The daemon's own cost from /proc/self: resident memory, CPU seconds, open and maximum fds, threads.
struct ProcessStats
{
    double residentBytes = 0;
    double cpuSeconds = 0;
    double openFds = 0;
    double maxFds = 0;
    double threads = 0;
    double startTimeSeconds = 0; // unix time

    static ProcessStats read();
    void write(TextWriter &w) const;
};
} // namespace lightd::metrics
