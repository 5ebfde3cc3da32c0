#include "billing/CgroupReader.h"

#include <QFileInfo>
#include <QList>
#include <algorithm>
#include <fcntl.h>
#include <functional>
#include <unistd.h>

namespace lightd::billing {
namespace {
// These files are small and read every tick for every container: plain read(2), no Qt file object.
std::optional<QByteArray> slurp(const QByteArray &path)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    QByteArray out;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0)
            break;
        out.append(buf, n);
    }
    ::close(fd);
    return out;
}

bool readable(const QByteArray &path)
{
    return ::access(path.constData(), R_OK) == 0;
}

enum FileIndex { Usage, Stat, Cpu, Net };

const QByteArray &pathOf(const CgroupFiles &files, int index)
{
    switch (index) {
    case Usage:
        return files.memoryUsage;
    case Stat:
        return files.memoryStat;
    case Cpu:
        return files.cpuUsage;
    default:
        return files.netDev;
    }
}

// The counters from the four files, each asked for and parsed in turn (the reader may hand out
// the same buffer every time).
std::optional<Counters> countersFrom(bool v2, const std::function<std::optional<QByteArray>(int)> &read)
{
    Counters c;
    const auto usage = read(Usage);
    if (!usage)
        return std::nullopt;
    bool ok = false;
    const qint64 used = QByteArrayView(*usage).trimmed().toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    const auto stat = read(Stat);
    if (!stat)
        return std::nullopt;
    const qint64 inactive = parseStatValue(*stat, v2 ? "inactive_file" : "total_inactive_file").value_or(0);
    c.memoryBytes = inactive < used ? used - inactive : used;
    const auto cpu = read(Cpu);
    if (!cpu)
        return std::nullopt;
    if (v2) {
        const auto usec = parseStatValue(*cpu, "usage_usec");
        if (!usec)
            return std::nullopt;
        c.cpuTotalNs = *usec * 1000;
    } else {
        c.cpuTotalNs = QByteArrayView(*cpu).trimmed().toLongLong(&ok);
        if (!ok)
            return std::nullopt;
    }
    const auto net = read(Net);
    if (!net)
        return std::nullopt;
    c.txTotal = parseNetDevTx(*net);
    return c;
}
} // namespace

std::optional<qint64> parseStatValue(const QByteArray &text, const QByteArray &key)
{
    qsizetype at = 0;
    while (at < text.size()) {
        qsizetype end = text.indexOf('\n', at);
        if (end < 0)
            end = text.size();
        const QByteArrayView line(text.constData() + at, end - at);
        if (line.startsWith(key) && line.size() > key.size() && line.at(key.size()) == ' ') {
            bool ok = false;
            const qint64 v = line.sliced(key.size() + 1).trimmed().toLongLong(&ok);
            if (ok)
                return v;
        }
        at = end + 1;
    }
    return std::nullopt;
}

// Read every tick: no allocation, the line and its columns are views into the text.
qint64 parseNetDevTx(const QByteArray &text)
{
    qint64 total = 0;
    qsizetype at = 0;
    for (int lineNo = 0; at < text.size(); ++lineNo) {
        qsizetype end = text.indexOf('\n', at);
        if (end < 0)
            end = text.size();
        const QByteArrayView line(text.constData() + at, end - at);
        at = end + 1;
        const qsizetype colon = line.indexOf(':');
        if (lineNo < 2 || colon < 0 || line.first(colon).trimmed() == "lo") // two header lines
            continue;
        QByteArrayView rest = line.sliced(colon + 1);
        for (int col = 0; col < 9; ++col) { // receive: 8 columns, then transmit bytes
            rest = rest.trimmed();
            qsizetype space = rest.indexOf(' ');
            if (space < 0)
                space = rest.size();
            if (col == 8 && !rest.isEmpty())
                total += rest.first(space).toLongLong();
            rest = rest.sliced(space);
        }
    }
    return total;
}

std::optional<CgroupFiles> resolveCgroup(qint64 pid, const QString &procRoot, const QString &cgroupRoot)
{
    const QByteArray proc = procRoot.toUtf8() + '/' + QByteArray::number(pid);
    const auto membership = slurp(proc + "/cgroup");
    if (!membership)
        return std::nullopt;
    const QByteArray root = cgroupRoot.toUtf8();
    CgroupFiles f;
    f.netDev = proc + "/net/dev";
    QByteArray unifiedPath;
    for (const QByteArray &line : membership->split('\n')) {
        const QList<QByteArray> parts = line.split(':');
        if (parts.size() < 3)
            continue;
        const QByteArray path = line.mid(parts[0].size() + parts[1].size() + 2);
        if (parts[0] == "0" && parts[1].isEmpty()) {
            unifiedPath = path;
            continue;
        }
        // v1: the hierarchy is mounted under its controller list ("cpu,cpuacct") or one of its names
        QList<QByteArray> dirs{root + '/' + parts[1] + path};
        for (const QByteArray &c : parts[1].split(','))
            dirs.append(root + '/' + c + path);
        for (const QByteArray &c : parts[1].split(',')) {
            for (const QByteArray &dir : dirs) {
                if (c == "memory" && f.memoryUsage.isEmpty() && readable(dir + "/memory.usage_in_bytes")) {
                    f.memoryUsage = dir + "/memory.usage_in_bytes";
                    f.memoryStat = dir + "/memory.stat";
                }
                if (c == "cpuacct" && f.cpuUsage.isEmpty() && readable(dir + "/cpuacct.usage"))
                    f.cpuUsage = dir + "/cpuacct.usage";
            }
        }
    }
    if (!f.memoryUsage.isEmpty() && !f.cpuUsage.isEmpty())
        return f;
    if (!unifiedPath.isNull()) {
        const QByteArray dir = root + unifiedPath;
        if (readable(dir + "/memory.current") && readable(dir + "/cpu.stat")) {
            f.v2 = true;
            f.memoryUsage = dir + "/memory.current";
            f.memoryStat = dir + "/memory.stat";
            f.cpuUsage = dir + "/cpu.stat";
            return f;
        }
    }
    return std::nullopt;
}

std::optional<Counters> readCounters(const CgroupFiles &files)
{
    return countersFrom(files.v2, [&](int index) { return slurp(pathOf(files, index)); });
}

CounterFiles::CounterFiles(const CgroupFiles &paths) : m_paths(paths)
{
    for (int i = 0; i < int(m_fds.size()); ++i)
        m_fds[i] = ::open(pathOf(m_paths, i).constData(), O_RDONLY | O_CLOEXEC);
    m_scratch.resize(4096);
}

CounterFiles::~CounterFiles()
{
    for (int fd : m_fds) {
        if (fd >= 0)
            ::close(fd);
    }
}

int CounterFiles::openDescriptors() const
{
    return int(std::count_if(m_fds.begin(), m_fds.end(), [](int fd) { return fd >= 0; }));
}

std::optional<QByteArray> CounterFiles::readOne(int index)
{
    const int fd = m_fds[index];
    if (fd < 0)
        return slurp(pathOf(m_paths, index));
    for (;;) {
        const ssize_t n = ::pread(fd, m_scratch.data(), size_t(m_scratch.size()), 0);
        if (n < 0)
            return std::nullopt; // the cgroup or the process is gone
        if (n < m_scratch.size())
            return QByteArray::fromRawData(m_scratch.constData(), n);
        if (m_scratch.size() >= (1 << 20))
            return std::nullopt;                // not a counter file
        m_scratch.resize(m_scratch.size() * 2); // it may not have fit: read it whole again
    }
}

std::optional<Counters> CounterFiles::read()
{
    return countersFrom(m_paths.v2, [this](int index) { return readOne(index); });
}
} // namespace lightd::billing
