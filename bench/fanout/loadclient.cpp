// Fan-out load client: V raw WebSocket viewers on one epoll loop (no library, so the client costs as
// little CPU as possible next to the server it measures). Console lines carry "t:<print time us> <seq>".
// Once every viewer is open, the window is the next SECONDS of print time: only lines printed in it
// count, so a backlog from before (viewers opened one after another, or a server catching up) does
// not. After the window the client reads on until every viewer has a line printed after it (at most
// GRACE more seconds). Per viewer: lines of the window received, lost = window lines it never got;
// latency = receipt - print time. Viewers are read while the others connect, never left to pile up.
//   loadclient HOST PORT PATH V SECONDS  ->  one line of key=value results on stdout
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {
constexpr long long kGraceUs = 5000000;

struct Viewer
{
    int fd = -1;
    bool open = false;
    bool pastWindow = false; // saw a line printed after the window
    std::string buf;         // a handshake or an incomplete frame
    long long first = LLONG_MAX, last = -1, lines = 0;
};

struct Window
{
    long long from = LLONG_MAX, to = LLONG_MAX; // print time, us
    std::vector<int> lat;                       // ms * 100
};

long long nowUs()
{
    timeval tv;
    gettimeofday(&tv, nullptr);
    return tv.tv_sec * 1000000LL + tv.tv_usec;
}

// Complete frames in data[0, size): counts the window's console lines; returns the bytes used.
size_t parse(Viewer &w, const char *data, size_t size, Window &win)
{
    const long long recv = nowUs();
    size_t pos = 0;
    while (size - pos >= 2) {
        const unsigned char *p = reinterpret_cast<const unsigned char *>(data + pos);
        size_t len = p[1] & 0x7f, off = 2;
        if (len == 126) {
            if (size - pos < 4)
                break;
            len = (size_t(p[2]) << 8) | p[3];
            off = 4;
        } else if (len == 127) {
            if (size - pos < 10)
                break;
            len = 0;
            for (int b = 0; b < 8; ++b)
                len = (len << 8) | p[2 + b];
            off = 10;
        }
        if (size - pos < off + len)
            break;
        const char *payload = data + pos + off;
        pos += off + len;
        if ((p[0] & 0x0f) != 1)
            continue;
        if (!memmem(payload, len, "\"event\":\"console\"", 17))
            continue; // state, logs (history), stats frames
        const char *tp = static_cast<const char *>(memmem(payload, len, "\"t:", 3));
        if (!tp)
            continue;
        char *endp = nullptr;
        const long long printed = strtoll(tp + 3, &endp, 10);
        const long long seq = strtoll(endp, nullptr, 10);
        if (printed > win.to)
            w.pastWindow = true;
        if (printed < win.from || printed > win.to)
            continue;
        w.first = std::min(w.first, seq);
        w.last = std::max(w.last, seq);
        ++w.lines;
        win.lat.push_back(int((recv - printed) / 10));
    }
    return pos;
}
} // namespace

int main(int argc, char **argv)
{
    if (argc < 6) {
        fprintf(stderr, "usage: loadclient HOST PORT PATH V SECONDS\n");
        return 2;
    }
    const char *host = argv[1];
    const int port = atoi(argv[2]);
    const std::string path = argv[3];
    const int v = atoi(argv[4]);
    const long long seconds = (long long)(atof(argv[5]) * 1e6);
    std::vector<Viewer> viewers(v);
    Window win;
    win.lat.reserve(4 << 20);
    const int ep = epoll_create1(0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    inet_pton(AF_INET, host, &addr.sin_addr);
    const std::string req =
        "GET " + path + " HTTP/1.1\r\nHost: " + host +
        "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    const long long start = nowUs();
    int opened = 0;
    long long openedAt = -1;
    std::vector<epoll_event> events(1024);
    std::vector<char> rb(1 << 18);
    // Reads whatever is ready (waiting at most timeoutMs); false when a viewer was refused.
    auto poll = [&](int timeoutMs) {
        const int n = epoll_wait(ep, events.data(), int(events.size()), timeoutMs);
        for (int k = 0; k < n; ++k) {
            Viewer &w = viewers[events[k].data.u32];
            const ssize_t got = read(w.fd, rb.data(), rb.size());
            if (got <= 0) {
                epoll_ctl(ep, EPOLL_CTL_DEL, w.fd, nullptr);
                continue;
            }
            const char *data = rb.data();
            size_t size = size_t(got);
            if (!w.open || !w.buf.empty()) { // join with what an earlier read left
                w.buf.append(data, size);
                data = w.buf.data();
                size = w.buf.size();
            }
            size_t pos = 0;
            if (!w.open) {
                const size_t end = w.buf.find("\r\n\r\n");
                if (end == std::string::npos)
                    continue;
                if (w.buf.compare(0, 12, "HTTP/1.1 101") != 0) {
                    fprintf(stderr, "refused: %s\n", w.buf.substr(0, end).c_str());
                    return false;
                }
                w.open = true;
                pos = end + 4;
                if (++opened == v) {
                    openedAt = nowUs();
                    win.from = openedAt;
                    win.to = openedAt + seconds;
                }
            }
            pos += parse(w, data + pos, size - pos, win);
            std::string rest(data + pos, size - pos);
            w.buf.swap(rest);
        }
        return true;
    };
    for (int i = 0; i < v; ++i) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
            perror("connect");
            return 1;
        }
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (write(fd, req.data(), req.size()) != ssize_t(req.size()))
            return 1;
        viewers[i].fd = fd;
        epoll_event e{};
        e.events = EPOLLIN;
        e.data.u32 = uint32_t(i);
        epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
        if (!poll(0)) // the viewers already open keep reading
            return 1;
    }
    while (true) {
        const long long t = nowUs();
        if (openedAt < 0 && t - start > 30000000)
            break; // never all open
        if (openedAt >= 0 && t > win.to) {
            const bool allPast =
                std::all_of(viewers.begin(), viewers.end(), [](const Viewer &w) { return w.pastWindow; });
            if (allPast || t > win.to + kGraceUs)
                break;
        }
        if (!poll(100))
            return 1;
    }
    long long first = LLONG_MAX, last = -1;
    for (const auto &w : viewers) {
        first = std::min(first, w.first);
        last = std::max(last, w.last);
    }
    const long long produced = last >= first ? last - first + 1 : 0;
    long long minLines = LLONG_MAX, sumLines = 0, lost = 0;
    for (size_t i = 0; i < viewers.size(); ++i) {
        const Viewer &w = viewers[i];
        minLines = std::min(minLines, w.lines);
        sumLines += w.lines;
        lost += produced - w.lines;
        if (w.lines != produced && getenv("LOADCLIENT_DEBUG"))
            fprintf(stderr, "viewer %zu: first %lld last %lld lines %lld of %lld\n", i, w.first, w.last,
                    w.lines, produced);
    }
    std::sort(win.lat.begin(), win.lat.end());
    auto pct = [&](double q) {
        return win.lat.empty() ? -1.0 : win.lat[size_t(double(win.lat.size() - 1) * q)] / 100.0;
    };
    printf("opened=%d open_ms=%.0f lines_avg=%.0f lines_min=%lld gaps=%lld produced=%lld p50_ms=%.2f "
           "p99_ms=%.2f\n",
           opened, openedAt >= 0 ? double(openedAt - start) / 1e3 : -1.0, double(sumLines) / v,
           minLines == LLONG_MAX ? 0 : minLines, lost, produced, pct(0.5), pct(0.99));
    return 0;
}
