// Lifecycle benchmark poller: starts one container and polls until it is up, over one keep-alive
// HTTP/1.1 connection, every 10 ms, and prints the seconds from the start request to "up".
// Both sides of bench/lifecycle.sh use it, so that the measuring costs the same on both: a shell
// loop forking curl and jq every 10 ms competes with dockerd and runc for the CPU while an
// asynchronous start is in flight, and slowed the engine's start by a third in our runs.
//
//   poller lightd PORT TOKEN ID      POST /containers/ID/start, GET /containers/ID until
//                                    install_state is "running" (lightd on 127.0.0.1:PORT)
//   poller docker SOCKET NAME TEXT   POST /containers/NAME/start on the engine's socket, then
//                                    GET .../json until Running and .../logs until TEXT appears
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

namespace {
[[noreturn]] void die(const std::string &what)
{
    std::fprintf(stderr, "poller: %s\n", what.c_str());
    std::exit(1);
}

int connectTcp(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0)
        die("cannot connect to 127.0.0.1:" + std::to_string(port));
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

int connectUnix(const std::string &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    std::strncpy(a.sun_path, path.c_str(), sizeof a.sun_path - 1);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0)
        die("cannot connect to " + path);
    return fd;
}

// One request, one response on a keep-alive connection: returns the status and the body
// (Content-Length or chunked).
class Http
{
  public:
    explicit Http(int fd, std::string extraHeaders) : m_fd(fd), m_headers(std::move(extraHeaders)) {}

    int request(const char *method, const std::string &path, std::string &body)
    {
        const std::string req = std::string(method) + ' ' + path +
                                " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n" + m_headers + "\r\n";
        if (::write(m_fd, req.data(), req.size()) != static_cast<ssize_t>(req.size()))
            die("write failed");
        const size_t end = until("\r\n\r\n");
        const std::string head = m_buf.substr(0, end);
        m_buf.erase(0, end + 4);
        const int status = std::atoi(head.c_str() + head.find(' ') + 1);
        body.clear();
        if (const size_t cl = find(head, "content-length:"); cl != std::string::npos) {
            body = take(std::strtoul(head.c_str() + cl + 15, nullptr, 10));
        } else if (find(head, "transfer-encoding: chunked") != std::string::npos) {
            for (;;) {
                const size_t eol = until("\r\n");
                const unsigned long n = std::strtoul(m_buf.c_str(), nullptr, 16);
                m_buf.erase(0, eol + 2);
                body += take(n);
                take(2);
                if (n == 0)
                    break;
            }
        }
        return status;
    }

  private:
    static size_t find(std::string head, const char *what)
    {
        for (auto &c : head)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return head.find(what);
    }
    void fill()
    {
        char chunk[65536];
        const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
        if (n <= 0)
            die("connection closed");
        m_buf.append(chunk, static_cast<size_t>(n));
    }
    size_t until(const char *mark)
    {
        size_t at;
        while ((at = m_buf.find(mark)) == std::string::npos)
            fill();
        return at;
    }
    std::string take(size_t n)
    {
        while (m_buf.size() < n)
            fill();
        std::string out = m_buf.substr(0, n);
        m_buf.erase(0, n);
        return out;
    }

    int m_fd;
    std::string m_headers;
    std::string m_buf;
};

bool hasState(const std::string &json, const char *state)
{
    const size_t key = json.find("\"install_state\"");
    if (key == std::string::npos)
        return false;
    const size_t open = json.find('"', json.find(':', key) + 1);
    return open != std::string::npos &&
           json.compare(open + 1, std::strlen(state) + 1, std::string(state) + '"') == 0;
}

void pause10ms()
{
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}
} // namespace

int main(int argc, char **argv)
{
    if (argc != 5)
        die("usage: poller lightd PORT TOKEN ID | poller docker SOCKET NAME TEXT");
    const std::string mode = argv[1];
    std::string body;
    std::chrono::steady_clock::time_point t0;
    if (mode == "lightd") {
        Http http(connectTcp(std::atoi(argv[2])), std::string("Authorization: Bearer ") + argv[3] +
                                                      "\r\nAccept: Application/vnd.pkglatv1+json\r\n");
        const std::string path = std::string("/containers/") + argv[4];
        t0 = std::chrono::steady_clock::now();
        if (const int s = http.request("POST", path + "/start", body); s != 202)
            die("start answered " + std::to_string(s) + ": " + body);
        for (;;) {
            if (http.request("GET", path, body) != 200)
                die("GET answered: " + body);
            if (hasState(body, "running"))
                break;
            pause10ms();
        }
    } else if (mode == "docker") {
        Http http(connectUnix(argv[2]), std::string());
        const std::string path = std::string("/containers/") + argv[3];
        t0 = std::chrono::steady_clock::now();
        if (const int s = http.request("POST", path + "/start", body); s != 204)
            die("start answered " + std::to_string(s) + ": " + body);
        for (;;) {
            if (http.request("GET", path + "/json", body) == 200 &&
                body.find("\"Running\":true") != std::string::npos &&
                http.request("GET", path + "/logs?stdout=1&stderr=1", body) == 200 &&
                body.find(argv[4]) != std::string::npos)
                break;
            pause10ms();
        }
    } else {
        die("unknown mode " + mode);
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
    std::printf("%.6f\n", took.count());
    return 0;
}
