// Fan-out load client: V raw WebSocket viewers on one epoll loop (no library, so the client costs as
// little CPU as possible next to the server it measures). Console lines carry "t:<send time us> <seq>";
// per viewer it counts lines and gaps in seq, and records latency = receipt - send time.
//   loadclient HOST PORT PATH V SECONDS  ->  one line of key=value results on stdout
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

struct Viewer {
    int fd = -1;
    bool open = false;
    std::string buf;
    long long first = -1, last = -1, lines = 0, gaps = 0;
};

static long long nowUs()
{
    timeval tv;
    gettimeofday(&tv, nullptr);
    return tv.tv_sec * 1000000LL + tv.tv_usec;
}

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
    const double seconds = atof(argv[5]);
    std::vector<Viewer> viewers(v);
    std::vector<int> lat; // ms * 100
    lat.reserve(4 << 20);
    const int ep = epoll_create1(0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    inet_pton(AF_INET, host, &addr.sin_addr);
    const std::string req = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
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
    }
    const long long start = nowUs();
    long long measureFrom = -1; // once every viewer is open
    int opened = 0;
    std::vector<epoll_event> events(1024);
    std::vector<char> rb(1 << 16);
    while (true) {
        const long long t = nowUs();
        if (measureFrom > 0 && t - measureFrom > seconds * 1e6)
            break;
        if (t - start > (seconds + 30) * 1e6)
            break;
        const int n = epoll_wait(ep, events.data(), int(events.size()), 100);
        for (int k = 0; k < n; ++k) {
            Viewer &w = viewers[events[k].data.u32];
            const ssize_t got = read(w.fd, rb.data(), rb.size());
            if (got <= 0) {
                epoll_ctl(ep, EPOLL_CTL_DEL, w.fd, nullptr);
                continue;
            }
            w.buf.append(rb.data(), size_t(got));
            size_t pos = 0;
            if (!w.open) {
                const size_t end = w.buf.find("\r\n\r\n");
                if (end == std::string::npos)
                    continue;
                if (w.buf.compare(0, 12, "HTTP/1.1 101") != 0) {
                    fprintf(stderr, "refused: %s\n", w.buf.substr(0, end).c_str());
                    return 1;
                }
                w.open = true;
                pos = end + 4;
                if (++opened == v)
                    measureFrom = nowUs();
            }
            const long long recv = nowUs();
            while (w.buf.size() - pos >= 2) {
                const unsigned char *p = reinterpret_cast<const unsigned char *>(w.buf.data() + pos);
                size_t len = p[1] & 0x7f, off = 2;
                if (len == 126) {
                    if (w.buf.size() - pos < 4)
                        break;
                    len = (size_t(p[2]) << 8) | p[3];
                    off = 4;
                } else if (len == 127) {
                    if (w.buf.size() - pos < 10)
                        break;
                    len = 0;
                    for (int b = 0; b < 8; ++b)
                        len = (len << 8) | p[2 + b];
                    off = 10;
                }
                if (w.buf.size() - pos < off + len)
                    break;
                const char *payload = w.buf.data() + pos + off;
                pos += off + len;
                if ((p[0] & 0x0f) != 1 || measureFrom < 0)
                    continue;
                if (!memmem(payload, len, "\"event\":\"console\"", 17))
                    continue; // state, logs (history), stats frames
                const char *tp = static_cast<const char *>(memmem(payload, len, "\"t:", 3));
                if (!tp)
                    continue;
                char *endp = nullptr;
                const long long sent = strtoll(tp + 3, &endp, 10);
                const long long seq = strtoll(endp, nullptr, 10);
                if (w.last >= 0 && seq != w.last + 1)
                    w.gaps += seq - w.last - 1;
                if (w.first < 0)
                    w.first = seq;
                w.last = seq;
                ++w.lines;
                lat.push_back(int((recv - sent) / 10));
            }
            w.buf.erase(0, pos);
        }
    }
    long long minLines = -1, sumLines = 0, sumGaps = 0, expectedMax = 0;
    for (const auto &w : viewers) {
        minLines = minLines < 0 ? w.lines : std::min(minLines, w.lines);
        sumLines += w.lines;
        sumGaps += w.gaps;
        if (w.first >= 0)
            expectedMax = std::max(expectedMax, w.last - w.first + 1);
    }
    std::sort(lat.begin(), lat.end());
    auto pct = [&](double q) { return lat.empty() ? -1.0 : lat[size_t(double(lat.size() - 1) * q)] / 100.0; };
    for (size_t i = 0; i < viewers.size(); ++i) {
        if (viewers[i].gaps && getenv("LOADCLIENT_DEBUG"))
            fprintf(stderr, "viewer %zu: first %lld last %lld lines %lld lost %lld\n", i, viewers[i].first, viewers[i].last,
                    viewers[i].lines, viewers[i].gaps);
    }
    printf("opened=%d lines_avg=%.0f lines_min=%lld gaps=%lld produced=%lld p50_ms=%.2f p99_ms=%.2f\n", opened,
           double(sumLines) / v, minLines, sumGaps, expectedMax, pct(0.5), pct(0.99));
    return 0;
}
