#pragma once
#include <QByteArray>
#include <QString>
#include <array>
#include <optional>

namespace lightd::billing {
// Where one running container's counters live, found once per container start from its init pid:
// the cgroup (v2 unified, or the v1 memory and cpuacct hierarchies) and its network namespace's
// /proc/<pid>/net/dev. Reading them costs a few small file reads and nothing of the engine.
struct CgroupFiles
{
    QByteArray memoryUsage; // memory.current | memory.usage_in_bytes
    QByteArray memoryStat;  // memory.stat (the page cache left out, as docker stats does)
    QByteArray cpuUsage;    // cpu.stat (usage_usec) | cpuacct.usage (ns)
    QByteArray netDev;      // /proc/<pid>/net/dev
    bool v2 = false;
};

struct Counters
{
    qint64 memoryBytes = 0; // usage without inactive page cache
    qint64 cpuTotalNs = 0;  // CPU time since the container started
    qint64 txTotal = 0;     // bytes sent on every interface but lo since the netns was made
};

// The same files kept open while the container runs: each read is a pread from offset 0, which
// makes the kernel generate the file afresh. Opening is most of the cost: for the four files of a
// cgroup v1 container, open+read+close took ~56 us and pread ~7 us (2 cores, load 7). A file that
// cannot be held open (no descriptor left) is read by its path instead. Closed with the object,
// which the meter drops when the container's state changes (the files then belong to a dead run).
class CounterFiles
{
  public:
    explicit CounterFiles(const CgroupFiles &paths);
    ~CounterFiles();
    CounterFiles(const CounterFiles &) = delete;
    CounterFiles &operator=(const CounterFiles &) = delete;

    std::optional<Counters> read();
    int openDescriptors() const;

  private:
    std::optional<QByteArray> readOne(int index);

    CgroupFiles m_paths;
    std::array<int, 4> m_fds{-1, -1, -1, -1};
    QByteArray m_scratch; // one file at a time: each is parsed before the next is read
};

// procRoot and cgroupRoot are "/proc" and "/sys/fs/cgroup" except in tests.
std::optional<CgroupFiles> resolveCgroup(qint64 pid, const QString &procRoot = QStringLiteral("/proc"),
                                         const QString &cgroupRoot = QStringLiteral("/sys/fs/cgroup"));
// nullopt when a file cannot be read (the process is gone: resolve again after the next inspect).
std::optional<Counters> readCounters(const CgroupFiles &files);

// Parsers, exposed for the unit tests.
std::optional<qint64> parseStatValue(const QByteArray &text, const QByteArray &key);
qint64 parseNetDevTx(const QByteArray &text);
} // namespace lightd::billing
