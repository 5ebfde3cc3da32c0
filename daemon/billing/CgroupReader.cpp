#include "billing/CgroupReader.h"

#include <QFileInfo>
#include <QList>
#include <fcntl.h>
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

qint64 parseNetDevTx(const QByteArray &text)
{
    qint64 total = 0;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 2; i < lines.size(); ++i) { // two header lines
        const qsizetype colon = lines[i].indexOf(':');
        if (colon < 0)
            continue;
        if (lines[i].left(colon).trimmed() == "lo")
            continue;
        const QList<QByteArray> cols = lines[i].mid(colon + 1).simplified().split(' ');
        if (cols.size() >= 9)
            total += cols[8].toLongLong(); // receive: 8 columns, then transmit bytes
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
    const auto usage = slurp(files.memoryUsage);
    const auto stat = slurp(files.memoryStat);
    const auto cpu = slurp(files.cpuUsage);
    const auto net = slurp(files.netDev);
    if (!usage || !stat || !cpu || !net)
        return std::nullopt;
    Counters c;
    bool ok = false;
    const qint64 used = usage->trimmed().toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    const qint64 inactive =
        parseStatValue(*stat, files.v2 ? "inactive_file" : "total_inactive_file").value_or(0);
    c.memoryBytes = inactive < used ? used - inactive : used;
    if (files.v2) {
        const auto usec = parseStatValue(*cpu, "usage_usec");
        if (!usec)
            return std::nullopt;
        c.cpuTotalNs = *usec * 1000;
    } else {
        c.cpuTotalNs = cpu->trimmed().toLongLong(&ok);
        if (!ok)
            return std::nullopt;
    }
    c.txTotal = parseNetDevTx(*net);
    return c;
}
} // namespace lightd::billing
