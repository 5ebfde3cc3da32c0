#include "sftp/HashPool.h"

#include <future>
#include <sys/resource.h>
#include <unistd.h>

namespace lightd::sftp {
namespace {
constexpr int kWorkerNice = 10;
}

HashPool::HashPool(int workers, int maxQueued) : m_maxQueued(maxQueued)
{
    for (int i = 0; i < workers; ++i)
        m_workers.emplace_back([this] { work(); });
}

HashPool::~HashPool()
{
    std::deque<Job> dropped;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        dropped.swap(m_queue);
    }
    m_wake.notify_all();
    for (auto &job : dropped)
        if (job.cancelled)
            job.cancelled();
    for (auto &t : m_workers)
        t.join();
}

int HashPool::queued() const
{
    std::lock_guard lock(m_mutex);
    return int(m_queue.size());
}

bool HashPool::runBounded(const std::function<void()> &job)
{
    auto done = std::make_shared<std::promise<bool>>();
    std::future<bool> result = done->get_future();
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || int(m_queue.size()) >= m_maxQueued)
            return false;
        m_queue.push_back(Job{[job, done] {
                                  job();
                                  done->set_value(true);
                              },
                              [done] { done->set_value(false); }});
    }
    m_wake.notify_one();
    return result.get();
}

void HashPool::post(std::function<void()> job, std::function<void()> cancelled)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping) {
            m_queue.push_back(Job{std::move(job), std::move(cancelled)});
            cancelled = nullptr;
        }
    }
    if (cancelled)
        cancelled();
    else
        m_wake.notify_one();
}

void HashPool::work()
{
    // Linux: a thread's nice value is its own (setpriority on its tid); raising it needs no privilege.
    setpriority(PRIO_PROCESS, id_t(gettid()), kWorkerNice);
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return;
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        job.run();
    }
}
} // namespace lightd::sftp
