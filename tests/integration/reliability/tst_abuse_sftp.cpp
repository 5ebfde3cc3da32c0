// Abuse suite, SFTP part (issues 15 and 20): 2,000 failed password logins, each on a connection of its
// own, 48 at a time from 20 attacking addresses (127.0.1.x), while a well-behaved client times
// GET /health every 10 ms from 127.0.0.1. Every login must be refused; each address gets at most
// authorization.max_failures password checks per window (the rest are refused by the limiter, or as
// busy when the hash queue is full, without hashing); REST p99 stays under 50 ms; afterwards the
// daemon's RSS, fds and threads are back at their baseline, the right password still works from a
// fresh address and is refused from a limited one. Wings users saw memory grow to tens of GB under
// SFTP brute force (pterodactyl/panel#5115).
#include "../sftp/SftpLoad.h"
#include "../sftp/SftpTestUtil.h"
#include "AbuseProbe.h"

#include <atomic>
#include <thread>

using namespace lightd::test;
using namespace lightd::test::sftp;
using namespace lightd::test::abuse;

namespace {
constexpr int kLogins = 2000;
constexpr int kParallel = 48; // under sftp.max_sessions (64): no connection is turned away for that
constexpr int kAddresses = 20;
constexpr int kMaxFailures = 10;
constexpr double kP99LimitMs = 50.0;
constexpr int kFdMargin = 2;
constexpr qint64 kRssMarginKb = 16 * 1024; // as the REST abuse suite
const QByteArray kPassword = "the-right-password-1";
} // namespace

class TestAbuseSftp : public QObject
{
    Q_OBJECT

    std::unique_ptr<SftpEnv> m_env;
    QString m_id, m_volume;
    Login m_login;

    qint64 pid() const { return m_env->daemon->process().processId(); }

  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        // A window longer than the run: each address stays limited once it reached the limit.
        m_env = std::make_unique<SftpEnv>(
            S("abusesftp"), QJsonObject{{S("authorization"), QJsonObject{{S("max_failures"), kMaxFailures},
                                                                         {S("failure_window_s"), 300}}}});
        QVERIFY(m_env->started);
        m_id = m_env->id(S("target"));
        QVERIFY(m_env->makeContainer(m_id, &m_volume));
        m_login = m_env->credentials(m_id, {{S("password"), QString::fromLatin1(kPassword)}});
        QVERIFY(m_login.port > 0);
    }

    void twoThousandFailedLogins()
    {
        const QByteArray user = m_login.user.toUtf8();
        // Warm-up (a login and a failure: the hash pool's first 64 MiB, libssh's first session), then
        // the baseline.
        QCOMPARE(passwordLogin("127.0.0.1", m_login.port, user, kPassword), LoginResult::Accepted);
        QCOMPARE(passwordLogin("127.0.0.3", m_login.port, user, "wrong"), LoginResult::Denied);
        QVERIFY(waitUntil([&] { return m_env->daemon->log().count("login refused") >= 1; }, 10000));
        const Usage baseline = usageOf(pid());
        const int limitedBefore = int(m_env->daemon->log().count("rate limited"));

        Prober prober(quint16(QUrl(m_env->baseUrl()).port()),
                      "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        prober.start();
        const LoopTime loop0 = eventLoopTime(pid());
        QElapsedTimer t;
        t.start();
        std::atomic<int> next{0}, accepted{0}, denied{0}, failed{0};
        std::vector<std::thread> attackers;
        for (int w = 0; w < kParallel; ++w)
            attackers.emplace_back([&] {
                actAsRemoteMachine();
                for (int i = next++; i < kLogins; i = next++) {
                    const QByteArray source = "127.0.1." + QByteArray::number(1 + i % kAddresses);
                    const QByteArray guess = "guess-" + QByteArray::number(i);
                    switch (passwordLogin(source.constData(), m_login.port, user, guess)) {
                    case LoginResult::Accepted:
                        ++accepted;
                        break;
                    case LoginResult::Denied:
                        ++denied;
                        break;
                    case LoginResult::Failed:
                        ++failed;
                        break;
                    }
                }
            });
        for (auto &a : attackers)
            a.join();
        const qint64 elapsedMs = t.elapsed();
        const LoopTime loop1 = eventLoopTime(pid());
        const Prober::Result r = prober.stop();

        const bool back = waitUntil(
            [&] {
                const Usage u = usageOf(pid());
                return u.fds <= baseline.fds + kFdMargin &&
                       (u.rssKb <= baseline.rssKb + kRssMarginKb || !DaemonProcess::memoryBoundsApply()) &&
                       u.threads <= baseline.threads;
            },
            30000);
        const Usage after = usageOf(pid());
        const QByteArray log = m_env->daemon->log();
        const int limited = int(log.count("rate limited")) - limitedBefore;
        const int busy = int(log.count("refused: busy"));
        const QString line =
            QStringLiteral("%1 failed logins (%2 at a time, %3 addresses) in %4 s: denied %5, accepted %6, "
                           "broken %7; rate limited %8, busy %9, checked %10 | REST /health %11 probes, %12 "
                           "failed, p50 %13 ms, p99 %14 ms, max %15 ms | RSS %16 -> %17 kB, fds %18 -> %19, "
                           "threads %20 -> %21 | event loop: %22 ms CPU, %23 ms waiting for a CPU | load %24")
                .arg(kLogins)
                .arg(kParallel)
                .arg(kAddresses)
                .arg(double(elapsedMs) / 1000.0, 0, 'f', 1)
                .arg(denied.load())
                .arg(accepted.load())
                .arg(failed.load())
                .arg(limited)
                .arg(busy)
                .arg(kLogins - limited - busy)
                .arg(r.samples)
                .arg(r.failures)
                .arg(r.p50Ms, 0, 'f', 2)
                .arg(r.p99Ms, 0, 'f', 2)
                .arg(r.maxMs, 0, 'f', 1)
                .arg(baseline.rssKb)
                .arg(after.rssKb)
                .arg(baseline.fds)
                .arg(after.fds)
                .arg(baseline.threads)
                .arg(after.threads)
                .arg(double(loop1.cpuNs - loop0.cpuNs) / 1e6, 0, 'f', 1)
                .arg(double(loop1.waitNs - loop0.waitNs) / 1e6, 0, 'f', 1)
                .arg(loadAverage());
        qInfo().noquote() << line;
        QCOMPARE(accepted.load(), 0);
        QVERIFY2(denied.load() == kLogins, qPrintable(line)); // each one answered "no", none cut off
        // At most max_failures password checks per address in the window; the rest never hashed.
        QVERIFY2(kLogins - limited - busy <= kAddresses * kMaxFailures, qPrintable(line));
        QVERIFY2(r.samples >= 100 && r.failures == 0,
                 qPrintable(line + S(" first failure: ") + r.firstFailure));
        const double limit = kP99LimitMs * latencyBoundFactor();
        QVERIFY2(r.p99Ms < limit, qPrintable(line + S(" (limit %1 ms)").arg(limit)));
        QVERIFY2(back, qPrintable(line + S(": resources did not return to the baseline")));

        // The right password: refused from an attacking address (limited), accepted from another.
        QCOMPARE(passwordLogin("127.0.1.1", m_login.port, user, kPassword), LoginResult::Denied);
        QCOMPARE(passwordLogin("127.0.0.1", m_login.port, user, kPassword), LoginResult::Accepted);
    }

    void cleanupTestCase()
    {
        if (m_env)
            m_env->call("DELETE", S("/containers/") + m_id);
        m_env.reset();
    }
};

QTEST_GUILESS_MAIN(TestAbuseSftp)
#include "tst_abuse_sftp.moc"
