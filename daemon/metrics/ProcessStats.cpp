#include "metrics/ProcessStats.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <sys/resource.h>
#include <unistd.h>

namespace lightd::metrics {
namespace {
QByteArray slurp(const char *path)
{
    QFile f(QString::fromLatin1(path));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

double bootTime()
{
    for (const auto &line : slurp("/proc/stat").split('\n')) {
        if (line.startsWith("btime "))
            return line.mid(6).trimmed().toDouble();
    }
    return 0;
}
} // namespace

ProcessStats ProcessStats::read()
{
    ProcessStats s;
    const double tick = double(sysconf(_SC_CLK_TCK));
    const QByteArray stat = slurp("/proc/self/stat");
    // fields after the parenthesised command name (which may hold spaces)
    const qsizetype close = stat.lastIndexOf(')');
    if (close > 0 && tick > 0) {
        const QList<QByteArray> f = stat.mid(close + 2).split(' ');
        // f[0] is field 3 (state): utime = field 14, stime = 15, threads = 20, starttime = 22, rss = 24
        if (f.size() > 22) {
            s.cpuSeconds = (f[11].toDouble() + f[12].toDouble()) / tick;
            s.threads = f[17].toDouble();
            s.startTimeSeconds = bootTime() + f[19].toDouble() / tick;
            s.residentBytes = f[21].toDouble() * double(sysconf(_SC_PAGESIZE));
        }
    }
    s.openFds = double(QDir(QStringLiteral("/proc/self/fd"))
                           .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)
                           .size());
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) == 0)
        s.maxFds = double(lim.rlim_cur);
    return s;
}

void ProcessStats::write(TextWriter &w) const
{
    w.family("lightd_process_resident_memory_bytes", "gauge", "Resident memory of the daemon in bytes.");
    w.sample("lightd_process_resident_memory_bytes", residentBytes);
    w.family("lightd_process_cpu_seconds_total", "counter",
             "User and system CPU time the daemon used, in seconds.");
    w.sample("lightd_process_cpu_seconds_total", cpuSeconds);
    w.family("lightd_process_open_fds", "gauge", "File descriptors the daemon holds open.");
    w.sample("lightd_process_open_fds", openFds);
    w.family("lightd_process_max_fds", "gauge", "The daemon's file descriptor limit.");
    w.sample("lightd_process_max_fds", maxFds);
    w.family("lightd_process_threads", "gauge", "Threads of the daemon process.");
    w.sample("lightd_process_threads", threads);
    w.family("lightd_process_start_time_seconds", "gauge",
             "Start time of the daemon since the unix epoch, in seconds.");
    w.sample("lightd_process_start_time_seconds", startTimeSeconds);
}
} // namespace lightd::metrics
