#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace lightd::sftp {
// Where argon2id runs (64 MiB and tens of ms of CPU per password): never on the event loop, and not
// as many at once as there are logins. A few worker threads at a lower CPU priority (nice +10: the
// event loop and the transfers go first when the CPU is short) take jobs from a bounded queue; a
// login that finds the queue full is refused at once without hashing, so a flood of logins costs a
// fixed amount of memory and CPU, never a backlog.
class HashPool final
{
  public:
    explicit HashPool(int workers = 2, int maxQueued = 32);
    ~HashPool(); // queued jobs are dropped (their waiters told), running ones finish

    // Runs job on a worker and waits for it. False (job not run) when maxQueued jobs already wait or
    // the pool is stopping.
    bool runBounded(const std::function<void()> &job);
    // Queues job whatever the queue's length (an operator's request, not a login) and returns;
    // `cancelled` runs instead when the pool stops first.
    void post(std::function<void()> job, std::function<void()> cancelled = {});

    int queued() const;

  private:
    struct Job
    {
        std::function<void()> run;
        std::function<void()> cancelled;
    };
    void work();

    const int m_maxQueued;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    bool m_stopping = false;
    std::vector<std::thread> m_workers;
};
} // namespace lightd::sftp
