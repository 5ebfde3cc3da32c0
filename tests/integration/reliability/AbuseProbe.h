#pragma once
// Tools of the abuse suite (issue 20): raw POSIX sockets from chosen loopback addresses (the daemon caps
// connections and failed logins per address, so each attack comes from addresses of its own and the
// well-behaved client from 127.0.0.1), the daemon's resource use from /proc, and the Prober: a
// well-behaved REST client on a thread of its own that times one request every 10 ms while an attack
// runs, so the attack's own work in the test's event loop never delays its measurements.
#include "LatencyBounds.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <dirent.h>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace lightd::test::abuse {

// A TCP connection to 127.0.0.1:port from `source` (any 127.x.y.z is loopback); -1 on failure.
inline int connectFrom(const char *source, quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in src{};
    src.sin_family = AF_INET;
    ::inet_pton(AF_INET, source, &src.sin_addr);
    sockaddr_in dst{};
    dst.sin_family = AF_INET;
    dst.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &dst.sin_addr);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&src), sizeof src) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr *>(&dst), sizeof dst) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Writes what the socket takes without blocking; the bytes written, -1 when the peer is gone.
inline qsizetype sendSome(int fd, const char *data, qsizetype size)
{
    const ssize_t n = ::send(fd, data, size_t(size), MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n < 0)
        return (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -1;
    return n;
}

// Writes everything (blocking for at most timeoutMs); false when the peer went away first.
inline bool sendAll(int fd, const QByteArray &bytes, int timeoutMs = 5000)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    qsizetype off = 0;
    while (off < bytes.size()) {
        const qsizetype n = sendSome(fd, bytes.constData() + off, bytes.size() - off);
        if (n < 0)
            return false;
        off += n;
        if (off < bytes.size()) {
            if (std::chrono::steady_clock::now() > deadline)
                return false;
            pollfd p{fd, POLLOUT, 0};
            ::poll(&p, 1, 50);
        }
    }
    return true;
}

// Reads what is there (waiting at most waitMs for the first byte); false once the peer closed.
inline bool readSome(int fd, QByteArray &into, int waitMs)
{
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, waitMs) <= 0)
        return true;
    char buf[65536];
    const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n > 0) {
        into.append(buf, n);
        return true;
    }
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

// Reads until the peer closes or the deadline passes; true when it closed.
inline bool readUntilClosed(int fd, QByteArray &into, int timeoutMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < deadline) {
        if (!readSome(fd, into, 50))
            return true;
    }
    return false;
}

// Connections an attack holds, closed when it ends (also when a check failed).
struct Sockets
{
    std::vector<int> fds;
    ~Sockets() { closeAll(); }
    void closeAll()
    {
        for (int fd : fds)
            ::close(fd);
        fds.clear();
    }
};

// The status of the first response in `bytes` (0 when there is none yet).
inline int statusOf(const QByteArray &bytes)
{
    return bytes.startsWith("HTTP/1.1 ") && bytes.size() >= 12 ? bytes.mid(9, 3).toInt() : 0;
}

inline QByteArray headerOf(const QByteArray &response, const QByteArray &name)
{
    const qsizetype end = response.indexOf("\r\n\r\n");
    for (const auto &line : response.left(end).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

inline QByteArray bodyOf(const QByteArray &response)
{
    const qsizetype end = response.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : response.mid(end + 4);
}

// The number of complete HTTP responses in what a connection received (status lines at a head start).
inline int responseCount(const QByteArray &bytes)
{
    return int(bytes.count("HTTP/1.1 "));
}

// What the daemon holds, from /proc/<pid>.
struct Usage
{
    qint64 rssKb = -1;
    int fds = -1;
    int threads = -1;
};
inline Usage usageOf(qint64 pid)
{
    Usage u;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const auto &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                u.rssKb = line.mid(6).trimmed().split(' ').first().toLongLong();
            else if (line.startsWith("Threads:"))
                u.threads = line.mid(8).trimmed().toInt();
        }
    }
    std::vector<char> name(64);
    const QByteArray dir = QStringLiteral("/proc/%1/fd").arg(pid).toLatin1();
    if (auto *d = ::opendir(dir.constData())) {
        u.fds = 0;
        while (auto *e = ::readdir(d)) {
            if (e->d_name[0] != '.')
                ++u.fds;
        }
        ::closedir(d);
    }
    return u;
}

// A well-behaved client: one request every 10 ms on a new connection from 127.0.0.1 (Connection:
// close), timed from connect to the end of the answer. A request unanswered within 5 s is a failure.
class Prober
{
  public:
    struct Result
    {
        int samples = 0;
        int failures = 0; // no answer, or not the expected status
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
        QString firstFailure;
    };

    Prober(quint16 port, QByteArray request, int expectStatus = 200)
        : m_port(port), m_request(std::move(request)), m_expect(expectStatus)
    {}
    ~Prober() { stop(); }

    void start()
    {
        stop();
        {
            std::lock_guard lock(m_mutex);
            m_us.clear();
            m_failures = 0;
            m_firstFailure.clear();
        }
        m_stop = false;
        m_thread = std::thread([this] { run(); });
    }
    int samples() const
    {
        std::lock_guard lock(m_mutex);
        return int(m_us.size());
    }
    Result stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        std::lock_guard lock(m_mutex);
        Result r;
        r.samples = int(m_us.size());
        r.failures = m_failures;
        r.firstFailure = m_firstFailure;
        if (m_us.empty())
            return r;
        std::vector<qint64> s = m_us;
        std::sort(s.begin(), s.end());
        auto at = [&](double q) {
            return double(s[std::min(s.size() - 1, size_t(q * double(s.size())))]) / 1000.0;
        };
        r.p50Ms = at(0.50);
        r.p99Ms = at(0.99);
        r.maxMs = double(s.back()) / 1000.0;
        return r;
    }

  private:
    void run()
    {
        using clock = std::chrono::steady_clock;
        auto next = clock::now();
        while (!m_stop) {
            const auto t0 = clock::now();
            QByteArray got;
            const int fd = connectFrom("127.0.0.1", m_port);
            bool ok = fd >= 0 && sendAll(fd, m_request) && readUntilClosed(fd, got, 5000);
            if (fd >= 0)
                ::close(fd);
            const qint64 us =
                std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - t0).count();
            ok = ok && statusOf(got) == m_expect;
            {
                std::lock_guard lock(m_mutex);
                m_us.push_back(us);
                if (!ok) {
                    ++m_failures;
                    if (m_firstFailure.isEmpty())
                        m_firstFailure = QString::fromLatin1(got.left(200));
                }
            }
            // pacing of the load, not synchronisation: one request per 10 ms
            next += std::chrono::milliseconds(10);
            if (next < clock::now())
                next = clock::now();
            std::this_thread::sleep_until(next);
        }
    }

    quint16 m_port;
    QByteArray m_request;
    int m_expect;
    std::thread m_thread;
    std::atomic<bool> m_stop{true};
    mutable std::mutex m_mutex;
    std::vector<qint64> m_us;
    int m_failures = 0;
    QString m_firstFailure;
};

// A client frame (RFC 6455 5.2), masked; `announced` >= 0 claims that payload length instead of the real one.
inline QByteArray clientFrame(quint8 firstByte, const QByteArray &payload, qint64 announced = -1)
{
    const quint64 len = announced >= 0 ? quint64(announced) : quint64(payload.size());
    QByteArray f;
    f.append(char(firstByte));
    if (len < 126) {
        f.append(char(0x80 | len));
    } else if (len <= 0xFFFF) {
        f.append(char(0x80 | 126));
        f.append(char(len >> 8));
        f.append(char(len & 0xFF));
    } else {
        f.append(char(0x80 | 127));
        for (int i = 7; i >= 0; --i)
            f.append(char((len >> (8 * i)) & 0xFF));
    }
    const char mask[4] = {0x11, 0x22, 0x33, 0x44};
    f.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        f.append(char(payload[i] ^ mask[i % 4]));
    return f;
}

// The close code in the server's frames (unmasked) in `bytes`, -1 when no close frame arrived.
inline int closeCodeIn(const QByteArray &bytes)
{
    qsizetype pos = 0;
    while (pos + 2 <= bytes.size()) {
        const quint8 op = quint8(bytes[pos]) & 0x0F;
        quint64 len = quint8(bytes[pos + 1]) & 0x7F;
        qsizetype off = pos + 2;
        if (len == 126) {
            if (off + 2 > bytes.size())
                return -1;
            len = (quint64(quint8(bytes[off])) << 8) | quint8(bytes[off + 1]);
            off += 2;
        } else if (len == 127) {
            if (off + 8 > bytes.size())
                return -1;
            len = 0;
            for (int i = 0; i < 8; ++i)
                len = (len << 8) | quint8(bytes[off + i]);
            off += 8;
        }
        if (off + qsizetype(len) > bytes.size())
            return -1;
        if (op == 0x8)
            return len >= 2 ? (quint8(bytes[off]) << 8) | quint8(bytes[off + 1]) : 1005;
        pos = off + qsizetype(len);
    }
    return -1;
}
} // namespace lightd::test::abuse
