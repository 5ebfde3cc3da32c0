// The SFTP request handler at the wire (issue 20): an in-process libssh client and the daemon's own
// channel loop (sftp::serveChannel: libssh's SFTP parser, then SftpFileOps on the volume's Sandbox)
// over a socketpair, one SSH session for the whole run and a fresh `sftp` channel per input. The
// input is a stream of SFTP packets as a client sends them (uint32 length + type + body; a length
// past the end is cut to what is left); the harness sends the protocol's INIT itself. Checks:
//   - the server answers a REALPATH sent after the input within 10 s (no hang, no lost session
//     unless the input broke the protocol, which may end the channel);
//   - nothing outside the volume changes, and no answer carries the planted secret beside the
//     volume or /etc/passwd, although the volume holds links to both (a tenant can plant them);
//   - ASan/UBSan in the fuzz build.
// The volume is restored after every input, so each input starts from the same files.
#include "FuzzInput.h"
#include "sftp/SftpChannel.h"
#include "volumes/QuotaTracker.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#define WITH_SERVER
#include <libssh/libssh.h>
#include <libssh/server.h>

using namespace lightd;

namespace {
constexpr char kSecret[] = "OUTSIDE-THE-VOLUME-5f1c9a";
constexpr quint32 kSyncId = 0xFFFFFFFFu;
constexpr size_t kMaxInput = 60 * 1024; // below the server's channel window: the writes never block
constexpr quint8 kInit = 1, kRealpath = 16;

void putU32(QByteArray &b, quint32 v)
{
    const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    b.append(bytes, 4);
}

quint32 getU32(const char *p)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    return quint32(u[0]) << 24 | quint32(u[1]) << 16 | quint32(u[2]) << 8 | quint32(u[3]);
}

QByteArray packet(const QByteArray &payload)
{
    QByteArray b;
    putU32(b, quint32(payload.size()));
    return b + payload;
}

class Harness
{
  public:
    Harness()
    {
        FUZZ_CHECK(m_dir.isValid());
        m_volume = m_dir.filePath(QStringLiteral("volume"));
        m_outside = m_dir.filePath(QStringLiteral("outside"));
        QDir().mkpath(m_outside);
        QFile secret(m_outside + QStringLiteral("/secret"));
        FUZZ_CHECK(secret.open(QIODevice::WriteOnly) && secret.write(kSecret) > 0);
        secret.close();
        resetVolume();
        m_quota.track(QStringLiteral("v"), m_volume, 8, 0);
        m_target = sftp::VolumeTarget{QStringLiteral("v"), m_volume};

        int fds[2];
        FUZZ_CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
        ssh_init();
        m_server = std::thread([this, fd = fds[0]] { serve(fd); });
        m_client = ssh_new();
        const bool no = false;
        m_clientFd = fds[1];
        socket_t clientFd = fds[1];
        ssh_options_set(m_client, SSH_OPTIONS_PROCESS_CONFIG, &no);
        ssh_options_set(m_client, SSH_OPTIONS_FD, &clientFd);
        ssh_options_set(m_client, SSH_OPTIONS_HOST, "fuzz");
        ssh_options_set(m_client, SSH_OPTIONS_USER, "fuzz");
        FUZZ_CHECK(ssh_connect(m_client) == SSH_OK); // the host key is not checked: our own server
        FUZZ_CHECK(ssh_userauth_password(m_client, nullptr, "fuzz") == SSH_AUTH_SUCCESS);
    }

    // At exit, before the statics go: the client leaves, so the server thread ends and is joined
    // (a thread still inside libssh when its globals are torn down crashed at exit).
    void shutdown()
    {
        ssh_disconnect(m_client);
        ::shutdown(m_clientFd, SHUT_RDWR); // libssh leaves a socket it was given open
        if (m_server.joinable())
            m_server.join();
        ssh_free(m_client);
        m_client = nullptr;
        ::close(m_clientFd);
    }

    // One input on a fresh channel; the checks of the header comment.
    void run(const QByteArray &input)
    {
        ssh_channel ch = ssh_channel_new(m_client);
        FUZZ_CHECK(ch && ssh_channel_open_session(ch) == SSH_OK);
        FUZZ_CHECK(ssh_channel_request_subsystem(ch, "sftp") == SSH_OK);
        QByteArray init;
        init.append(char(kInit));
        putU32(init, 3);
        write(ch, packet(init));
        QList<QByteArray> replies;
        const bool versioned = readUntil(ch, replies, [](char type, quint32) { return type == 2; });
        FUZZ_CHECK(versioned);

        const char *p = input.constData();
        qsizetype left = input.size();
        bool first = true;
        while (left >= 5) {
            const qsizetype len = qMin<qsizetype>(getU32(p), left - 4);
            QByteArray payload(p + 4, len);
            p += 4 + len;
            left -= 4 + len;
            if (payload.isEmpty() || (first && payload.at(0) == char(kInit)))
                continue; // the harness said INIT already
            first = false;
            if (payload.size() >= 5 && getU32(payload.constData() + 1) == kSyncId)
                payload[4] = char(0xFE); // the sync's id stays unique
            write(ch, packet(payload));
        }
        QByteArray sync;
        sync.append(char(kRealpath));
        putU32(sync, kSyncId);
        putU32(sync, 1);
        sync.append('.');
        write(ch, packet(sync));
        replies.clear();
        const bool answered = readUntil(ch, replies, [](char, quint32 id) { return id == kSyncId; });
        // A broken packet may end the channel (libssh's parser gives up): allowed. Silence is not.
        FUZZ_CHECK(answered || m_channelEnded);
        if (m_verbose)
            describe(replies, answered);
        for (const QByteArray &r : std::as_const(replies))
            FUZZ_CHECK(!r.contains(kSecret) && !r.contains("root:x:0:0:"));
        ssh_channel_send_eof(ch);
        ssh_channel_close(ch);
        ssh_channel_free(ch);
        m_channelEnded = false;
        ++m_channelsOpened;
        waitForServer(); // its SftpFileOps is gone (unfinished uploads removed) before the checks
        checkOutside();
        resetVolume();
    }

  private:
    // FUZZ_SFTP_VERBOSE=1: each input's replies (type, id, a status's code), to see a seed work.
    static void describe(const QList<QByteArray> &replies, bool answered)
    {
        std::fprintf(stderr, "input (%s):", answered ? "answered" : "channel ended");
        for (const QByteArray &r : replies) {
            std::fprintf(stderr, " %u", quint8(r.at(0)));
            if (quint8(r.at(0)) == 101 && r.size() >= 9)
                std::fprintf(stderr, "/%u", getU32(r.constData() + 5));
        }
        std::fprintf(stderr, "\n");
    }

    void write(ssh_channel ch, const QByteArray &bytes)
    {
        if (!m_channelEnded && ssh_channel_write(ch, bytes.constData(), uint32_t(bytes.size())) < 0)
            m_channelEnded = true;
    }

    // Reads reply packets (all of them kept in `replies`) until `done(type, id)` says so: true, or
    // false when the channel ended first. No answer within 10 s stops the run: a hang is a finding.
    template <typename Done> bool readUntil(ssh_channel ch, QList<QByteArray> &replies, Done done)
    {
        QByteArray buf;
        char chunk[65536];
        for (;;) {
            while (buf.size() >= 4 && buf.size() >= 4 + qsizetype(getU32(buf.constData()))) {
                const qsizetype len = getU32(buf.constData());
                const QByteArray payload = buf.mid(4, len);
                buf.remove(0, 4 + len);
                replies.append(payload);
                if (!payload.isEmpty() &&
                    done(payload.at(0), payload.size() >= 5 ? getU32(payload.constData() + 1) : 0))
                    return true;
            }
            if (m_channelEnded)
                return false;
            const int n = ssh_channel_read_timeout(ch, chunk, sizeof chunk, 0, 10000);
            if (n == 0 && !ssh_channel_is_eof(ch) && ssh_channel_is_open(ch)) {
                std::fprintf(stderr, "fuzz_sftp_requests: no answer within 10 s\n");
                std::abort();
            }
            if (n <= 0) {
                m_channelEnded = true;
                return false;
            }
            buf.append(chunk, n);
        }
    }

    // The server side: our own login (any password), then every `sftp` channel through the daemon's
    // channel loop, one after the other, until the client goes.
    void serve(int fd)
    {
        ssh_bind bind = ssh_bind_new();
        ssh_key key = nullptr;
        FUZZ_CHECK(ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) == SSH_OK);
        ssh_bind_options_set(bind, SSH_BIND_OPTIONS_IMPORT_KEY, key);
        ssh_session s = ssh_new();
        FUZZ_CHECK(ssh_bind_accept_fd(bind, s, fd) == SSH_OK && ssh_handle_key_exchange(s) == SSH_OK);
        ssh_channel channel = nullptr;
        while (ssh_message msg = ssh_message_get(s)) {
            const int type = ssh_message_type(msg), subtype = ssh_message_subtype(msg);
            if (type == SSH_REQUEST_AUTH) {
                ssh_message_auth_reply_success(msg, 0);
            } else if (type == SSH_REQUEST_CHANNEL_OPEN && subtype == SSH_CHANNEL_SESSION) {
                channel = ssh_message_channel_request_open_reply_accept(msg);
            } else if (type == SSH_REQUEST_CHANNEL && channel && subtype == SSH_CHANNEL_REQUEST_SUBSYSTEM) {
                ssh_message_channel_request_reply_success(msg);
                ssh_message_free(msg);
                const sftp::ChannelEnd end =
                    sftp::serveChannel(s, channel, m_target, m_quota, 60, [] { return false; });
                if (m_verbose)
                    std::fprintf(stderr, "server: channel ended: %s\n", qPrintable(end.reason));
                ssh_channel_free(channel);
                channel = nullptr;
                // The count starts again from 0 with the volume. Here, on the thread that charges
                // it: the tracker's QMutex is invisible to ThreadSanitizer (Qt is not instrumented).
                m_quota.add(QStringLiteral("v"), -m_quota.usedBytes(QStringLiteral("v")));
                {
                    std::lock_guard lock(m_mutex);
                    ++m_channelsServed;
                }
                m_served.notify_all();
                continue;
            } else {
                ssh_message_reply_default(msg);
            }
            ssh_message_free(msg);
        }
        ssh_free(s);
        ssh_bind_free(bind);
    }

    void waitForServer()
    {
        std::unique_lock lock(m_mutex);
        if (!m_served.wait_for(lock, std::chrono::seconds(10),
                               [this] { return m_channelsServed == m_channelsOpened; })) {
            std::fprintf(stderr, "fuzz_sftp_requests: the server did not end the channel within 10 s\n");
            std::abort();
        }
    }

    // Nothing beside the volume changed: the secret is as written, and no new entry appeared.
    void checkOutside() const
    {
        QFile secret(m_outside + QStringLiteral("/secret"));
        FUZZ_CHECK(secret.open(QIODevice::ReadOnly) && secret.readAll() == kSecret);
        FUZZ_CHECK(QDir(m_outside).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden |
                                             QDir::System) == QStringList{QStringLiteral("secret")});
        FUZZ_CHECK(QDir(m_dir.path())
                       .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System) ==
                   (QStringList{QStringLiteral("outside"), QStringLiteral("volume")}));
    }

    // The volume as each input finds it: a file, a directory, and the links a tenant could plant.
    void resetVolume()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_volume.toStdString(), ec); // never follows a link
        QDir().mkpath(m_volume + QStringLiteral("/dir"));
        QFile f(m_volume + QStringLiteral("/dir/inner.txt"));
        FUZZ_CHECK(f.open(QIODevice::WriteOnly) && f.write("inner\n") == 6);
        f.close();
        QFile h(m_volume + QStringLiteral("/hello.txt"));
        FUZZ_CHECK(h.open(QIODevice::WriteOnly) && h.write("hello\n") == 6);
        h.close();
        FUZZ_CHECK(
            symlink("../outside", QFile::encodeName(m_volume + QStringLiteral("/escape")).constData()) == 0);
        FUZZ_CHECK(symlink("/", QFile::encodeName(m_volume + QStringLiteral("/root")).constData()) == 0);
        FUZZ_CHECK(symlink("../../outside/secret",
                           QFile::encodeName(m_volume + QStringLiteral("/dir/secret")).constData()) == 0);
    }

    QTemporaryDir m_dir;
    QString m_volume, m_outside;
    volumes::QuotaTracker m_quota;
    sftp::VolumeTarget m_target;
    std::thread m_server;
    ssh_session m_client = nullptr;
    int m_clientFd = -1;
    std::mutex m_mutex;
    std::condition_variable m_served;
    int m_channelsServed = 0; // guarded by m_mutex
    int m_channelsOpened = 0;
    bool m_channelEnded = false;
    const bool m_verbose = qEnvironmentVariableIsSet("FUZZ_SFTP_VERBOSE");
};

Harness &harness()
{
    static int argc = 1;
    static char name[] = "fuzz_sftp_requests";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv); // the quota tracker posts to the main thread
    if (!qEnvironmentVariableIsSet("FUZZ_SFTP_VERBOSE"))
        QLoggingCategory::setFilterRules(QStringLiteral("lightd.*=false")); // refusals are expected here
    static Harness *h = [] {
        auto *made = new Harness;
        std::atexit([] { harness().shutdown(); }); // runs before the statics above are destroyed
        return made;
    }();
    return *h;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    harness().run(QByteArray(reinterpret_cast<const char *>(data), qsizetype(qMin(size, kMaxInput))));
    return 0;
}
