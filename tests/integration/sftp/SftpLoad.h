#pragma once
// Tools of the SFTP load and brute-force tests: a raw libssh client for password logins from a chosen
// loopback address (the daemon limits failed logins per address).
#include <QFile>
#include <QThread>
#include <algorithm>
#include <sys/resource.h>
#include <unistd.h>

#include <libssh/libssh.h>

namespace lightd::test::sftp {

// Clients and attackers stand for other machines: on this one their threads (and the processes they
// start, which inherit it) run at nice 10, so what the REST client measures is the daemon's own
// threads and not the CPU the test's clients take.
inline void actAsRemoteMachine()
{
    setpriority(PRIO_PROCESS, id_t(gettid()), 10);
}

inline QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll().split(' ').first()) : QString();
}

// The daemon's main thread (its event loop: REST) from /proc/<pid>/task/<pid>/schedstat: ns on the
// CPU and ns runnable but waiting for one (what other threads and processes cost it).
struct LoopTime
{
    qint64 cpuNs = 0;
    qint64 waitNs = 0;
};
inline LoopTime eventLoopTime(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/task/%1/schedstat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> v = f.readAll().trimmed().split(' ');
    return v.size() >= 2 ? LoopTime{v[0].toLongLong(), v[1].toLongLong()} : LoopTime{};
}

// One SSH connection from `source` (127.x.y.z) that tries one password. The host key is not
// checked: the server under test is on loopback.
enum class LoginResult { Accepted, Denied, Failed };
inline LoginResult passwordLogin(const char *source, int port, const QByteArray &user,
                                 const QByteArray &password)
{
    ssh_session s = ssh_new();
    if (!s)
        return LoginResult::Failed;
    const unsigned int p = unsigned(port);
    const long timeoutS = 30;
    const bool no = false;
    ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &no); // never ~/.ssh/config
    ssh_options_set(s, SSH_OPTIONS_HOST, "127.0.0.1");
    ssh_options_set(s, SSH_OPTIONS_PORT, &p);
    ssh_options_set(s, SSH_OPTIONS_BINDADDR, source);
    ssh_options_set(s, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeoutS);
    LoginResult result = LoginResult::Failed;
    if (ssh_connect(s) == SSH_OK) {
        const int rc = ssh_userauth_password(s, nullptr, password.constData());
        result = rc == SSH_AUTH_SUCCESS  ? LoginResult::Accepted
                 : rc == SSH_AUTH_DENIED ? LoginResult::Denied
                                         : LoginResult::Failed;
    }
    ssh_disconnect(s);
    ssh_free(s);
    return result;
}
} // namespace lightd::test::sftp
