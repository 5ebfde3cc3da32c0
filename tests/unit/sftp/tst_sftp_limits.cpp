// The SFTP login limits that bound a brute force's cost (issues 15 and 20): the hash pool refuses a
// job once its queue is full instead of queueing it, and the login limiter counts password checks
// under way as failures, so parallel guesses from one address never get more checks than
// authorization.max_failures while parallel correct logins wait for their turn. Threads: these also
// run under TSan.
#include "sftp/HashPool.h"
#include "sftp/LoginLimiter.h"

#include <QtTest>
#include <atomic>
#include <future>
#include <thread>

using namespace lightd::sftp;

class TestSftpLimits : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void hashPoolRefusesWhenTheQueueIsFull()
    {
        HashPool pool(1, 2);
        std::promise<void> release;
        std::shared_future<void> gate = release.get_future().share();
        std::atomic<int> ran{0};
        std::atomic<bool> started{false};
        // One job holds the only worker, two wait in the queue.
        std::atomic<int> accepted{0};
        std::thread holder([&] {
            accepted += pool.runBounded([&] {
                started = true;
                gate.wait();
                ++ran;
            });
        });
        QTRY_VERIFY(started.load());
        std::thread q1([&] { accepted += pool.runBounded([&] { ++ran; }); });
        std::thread q2([&] { accepted += pool.runBounded([&] { ++ran; }); });
        QTRY_COMPARE(pool.queued(), 2);
        // The next one is refused at once, not run.
        bool thirdRan = false;
        QVERIFY(!pool.runBounded([&] { thirdRan = true; }));
        QVERIFY(!thirdRan);
        release.set_value();
        holder.join();
        q1.join();
        q2.join();
        QCOMPARE(ran.load(), 3);
        QCOMPARE(accepted.load(), 3);
        // Room again.
        QVERIFY(pool.runBounded([&] { ++ran; }));
        QCOMPARE(ran.load(), 4);
    }

    void hashPoolTellsQueuedJobsWhenItStops()
    {
        std::promise<void> release;
        std::shared_future<void> gate = release.get_future().share();
        std::atomic<bool> started{false}, cancelled{false}, ran{false};
        auto pool = std::make_unique<HashPool>(1, 4);
        pool->post([&] {
            started = true;
            gate.wait();
        });
        pool->post([&] { ran = true; }, [&] { cancelled = true; });
        QTRY_VERIFY(started.load());
        std::thread stopper([&] { pool.reset(); });
        QTRY_VERIFY(cancelled.load()); // dropped at once, while the running job still runs
        release.set_value();
        stopper.join();
        QVERIFY(!ran.load());
    }

    void checksUnderWayCountAsFailures()
    {
        LoginLimiter limiter(3, 60000);
        const QHostAddress a(QStringLiteral("10.0.0.1")), b(QStringLiteral("10.0.0.2"));
        QVERIFY(limiter.beginCheck(a, 0));
        QVERIFY(limiter.beginCheck(a, 0));
        QVERIFY(limiter.beginCheck(a, 0));
        QVERIFY(!limiter.beginCheck(a, 0)); // a fourth would exceed the limit if all three fail
        QVERIFY(limiter.beginCheck(b, 0));  // other addresses are not affected
        limiter.finishCheck(b, false);
        // A waiting check goes on once one under way succeeds.
        auto waiting = std::async(std::launch::async, [&] { return limiter.beginCheck(a, 10000); });
        QVERIFY(waiting.wait_for(std::chrono::milliseconds(100)) == std::future_status::timeout);
        limiter.finishCheck(a, false);
        QVERIFY(waiting.get());
        // Three failures: blocked, also for a check that was waiting.
        auto blocked = std::async(std::launch::async, [&] { return limiter.beginCheck(a, 10000); });
        limiter.finishCheck(a, true);
        limiter.finishCheck(a, true);
        limiter.finishCheck(a, true);
        QVERIFY(!blocked.get());
        QVERIFY(limiter.blocked(a));
        QVERIFY(!limiter.blocked(b));
    }

    void parallelGuessesGetAtMostTheLimit()
    {
        LoginLimiter limiter(10, 60000);
        const QHostAddress a(QStringLiteral("10.0.0.3"));
        std::atomic<int> checked{0};
        std::vector<std::thread> guessers;
        for (int i = 0; i < 40; ++i)
            guessers.emplace_back([&] {
                for (int j = 0; j < 5; ++j) {
                    if (!limiter.beginCheck(a, 5000))
                        continue;
                    ++checked;
                    std::this_thread::yield();
                    limiter.finishCheck(a, true);
                }
            });
        for (auto &g : guessers)
            g.join();
        QCOMPARE(checked.load(), 10);
    }
};

QTEST_GUILESS_MAIN(TestSftpLimits)
#include "tst_sftp_limits.moc"
