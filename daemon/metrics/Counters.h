#pragma once
#include <atomic>
#include <cstdint>

namespace lightd::metrics {
// Monotonic event counters bumped from wherever the event happens (any module, any thread) and read
// by the Prometheus endpoint. Plain atomics: counting never takes a lock or allocates.
struct Counters
{
    std::atomic<std::uint64_t> consoleLinesIn{0};         // lines read from containers' consoles
    std::atomic<std::uint64_t> consoleLinesThrottled{0};  // not sent to viewers: over the throttle
    std::atomic<std::uint64_t> consoleLinesViewerDrop{0}; // dropped for one slow viewer
    std::atomic<std::uint64_t> fileBytesUp{0};            // written through the REST file routes
    std::atomic<std::uint64_t> fileBytesDown{0};          // served by file downloads
    std::atomic<std::uint64_t> quotaWalks{0};
    std::atomic<std::uint64_t> quotaWalkMicros{0}; // sum over all walks
    std::atomic<std::uint64_t> quotaWalkLastMicros{0};
    std::atomic<std::uint64_t> sftpSessions{0};  // SFTP sessions ended
    std::atomic<std::uint64_t> sftpBytesUp{0};   // written by SFTP clients (counted as a session ends)
    std::atomic<std::uint64_t> sftpBytesDown{0}; // read by SFTP clients (counted as a session ends)

    static void add(std::atomic<std::uint64_t> &c, std::uint64_t n = 1)
    {
        c.fetch_add(n, std::memory_order_relaxed);
    }
};

Counters &counters();
} // namespace lightd::metrics
