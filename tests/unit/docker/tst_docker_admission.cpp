// docker::AdmissionQueue over tests/support/FakeContainerEngine: heavy calls reach the engine in
// arrival order and never more than the limit at once, cheap calls never wait, and a caller that
// goes away while its call waits (or runs) neither crashes the queue nor keeps a slot.
#include "Await.h"
#include "FakeContainerEngine.h"
#include "docker/AdmissionQueue.h"

#include <QTest>
#include <QThread>
#include <memory>

using namespace lightd;
using lightd::docker::AdmissionQueue;
using lightd::docker::DockerResult;
using lightd::test::FakeContainerEngine;
using lightd::test::waitUntil;

class TestAdmission : public QObject
{
    Q_OBJECT

    static QStringList startsIn(const QStringList &calls)
    {
        QStringList out;
        for (const auto &c : calls)
            if (c.startsWith(QLatin1StringView("start ")))
                out.append(c);
        return out;
    }

  private Q_SLOTS:
    void automaticLimitIsAFewPerCore()
    {
        QCOMPARE(AdmissionQueue::limitFor(3), 3);
        QVERIFY(AdmissionQueue::limitFor(0) >= 4);
        QCOMPARE(AdmissionQueue::limitFor(0), std::max(4, 4 * QThread::idealThreadCount()));
    }

    void orderKeptAndLimitNeverExceeded()
    {
        FakeContainerEngine fake;
        AdmissionQueue q(fake, 2);
        QObject ctx;
        QStringList expected;
        for (int i = 0; i < 9; ++i) {
            const QString name = QStringLiteral("c%1").arg(i);
            fake.addContainer(name, false);
            expected.append(QStringLiteral("start ") + name);
        }
        fake.holdStarts(true);
        QStringList answered;
        for (int i = 0; i < 9; ++i) {
            const QString name = QStringLiteral("c%1").arg(i);
            q.startContainer(name, &ctx, [&answered, name](const DockerResult<void> &r) {
                QVERIFY(r.ok());
                answered.append(name);
            });
        }
        QCOMPARE(q.inFlight(), 2);
        QCOMPARE(q.queued(), 7);
        QCOMPARE(startsIn(fake.calls), expected.mid(0, 2));
        int rounds = 0;
        while (answered.size() < 9 && rounds++ < 20) {
            QVERIFY(waitUntil([&] { return fake.heldStarts() > 0; }, 2000));
            QVERIFY2(fake.heldStarts() <= 2, qPrintable(QString::number(fake.heldStarts())));
            QVERIFY(q.inFlight() <= 2);
            const int before = int(answered.size());
            fake.releaseStarts();
            QVERIFY(waitUntil([&] { return answered.size() > before; }, 2000));
        }
        QCOMPARE(answered.size(), 9);
        QCOMPARE(startsIn(fake.calls), expected); // the engine saw them in arrival order
        QCOMPARE(answered.first(), QStringLiteral("c0"));
        QCOMPARE(q.inFlight(), 0);
        QCOMPARE(q.queued(), 0);
    }

    void everyHeavyCallWaitsItsTurn()
    {
        FakeContainerEngine fake;
        fake.addImage(QStringLiteral("img"));
        fake.addContainer(QStringLiteral("busy"), false);
        fake.addContainer(QStringLiteral("x"), true);
        AdmissionQueue q(fake, 1);
        QObject ctx;
        fake.holdStarts(true);
        q.startContainer(QStringLiteral("busy"), &ctx, [](const DockerResult<void> &) {});
        int done = 0;
        auto count = [&done](const auto &) { ++done; };
        q.createContainer(QStringLiteral("new"),
                          QJsonObject{{QStringLiteral("Image"), QStringLiteral("img")}}, &ctx, count);
        q.stopContainer(QStringLiteral("x"), 1, &ctx, count);
        q.restartContainer(QStringLiteral("x"), 1, &ctx, count);
        q.removeContainer(QStringLiteral("x"), true, false, &ctx, count);
        q.pullImage(
            QStringLiteral("other"), {}, &ctx, [](const QJsonObject &) {}, count);
        QCOMPARE(q.queued(), 5);
        QTest::qWait(50);
        QCOMPARE(done, 0);
        QCOMPARE(fake.calls.size(), 1); // only the held start reached the engine
        fake.holdStarts(false);
        fake.releaseStarts();
        QVERIFY(waitUntil([&] { return done == 5; }, 3000));
        QCOMPARE(fake.calls.mid(1), (QStringList{QStringLiteral("create new"), QStringLiteral("stop x"),
                                                 QStringLiteral("restart x"), QStringLiteral("remove x"),
                                                 QStringLiteral("pull other")}));
    }

    void cheapCallsPassStraightThrough()
    {
        FakeContainerEngine fake;
        fake.addContainer(QStringLiteral("a"), false);
        fake.addContainer(QStringLiteral("b"), true);
        AdmissionQueue q(fake, 1);
        QObject ctx;
        fake.holdStarts(true);
        q.startContainer(QStringLiteral("a"), &ctx, [](const DockerResult<void> &) {});
        q.startContainer(QStringLiteral("a"), &ctx, [](const DockerResult<void> &) {}); // queued
        QCOMPARE(q.queued(), 1);
        int done = 0;
        auto count = [&done](const auto &) { ++done; };
        q.ping(&ctx, count);
        q.inspectContainer(QStringLiteral("b"), &ctx, count);
        q.listContainers({}, &ctx, count);
        q.killContainer(QStringLiteral("b"), QStringLiteral("SIGKILL"), &ctx, count);
        q.pauseContainer(QStringLiteral("a"), &ctx, count);
        q.unpauseContainer(QStringLiteral("a"), &ctx, count);
        q.updateContainer(QStringLiteral("a"), {}, &ctx, count);
        QVERIFY(waitUntil([&] { return done == 7; }, 3000));
        auto *events = q.events({}, &ctx);
        QVERIFY(events);
        QCOMPARE(q.queued(), 1); // none of them touched the queue
        QCOMPARE(q.inFlight(), 1);
    }

    void callerGoneWhileQueuedIsNeverSent()
    {
        FakeContainerEngine fake;
        fake.addContainer(QStringLiteral("a"), false);
        fake.addContainer(QStringLiteral("b"), false);
        fake.addContainer(QStringLiteral("c"), false);
        AdmissionQueue q(fake, 1);
        QObject keep;
        auto gone = std::make_unique<QObject>();
        fake.holdStarts(true);
        bool cCalled = false;
        q.startContainer(QStringLiteral("a"), &keep, [](const DockerResult<void> &) {});
        q.startContainer(QStringLiteral("b"), gone.get(),
                         [](const DockerResult<void> &) { QFAIL("dead ctx"); });
        q.startContainer(QStringLiteral("c"), &keep,
                         [&cCalled](const DockerResult<void> &) { cCalled = true; });
        QCOMPARE(q.queued(), 2);
        gone.reset();
        QCOMPARE(q.queued(), 1);
        fake.holdStarts(false);
        fake.releaseStarts();
        QVERIFY(waitUntil([&] { return cCalled; }, 3000));
        QCOMPARE(startsIn(fake.calls), (QStringList{QStringLiteral("start a"), QStringLiteral("start c")}));
        QCOMPARE(q.inFlight(), 0);
    }

    void callerGoneWhileInFlightFreesTheSlot()
    {
        FakeContainerEngine fake;
        fake.addContainer(QStringLiteral("a"), false);
        fake.addContainer(QStringLiteral("b"), false);
        AdmissionQueue q(fake, 1);
        QObject keep;
        auto gone = std::make_unique<QObject>();
        fake.holdStarts(true);
        q.startContainer(QStringLiteral("a"), gone.get(),
                         [](const DockerResult<void> &) { QFAIL("dead ctx"); });
        q.startContainer(QStringLiteral("b"), &keep, [](const DockerResult<void> &) {});
        QCOMPARE(q.inFlight(), 1);
        QCOMPARE(q.queued(), 1);
        gone.reset(); // the engine will never answer a: b goes now
        QCOMPARE(q.queued(), 0);
        QCOMPARE(q.inFlight(), 1);
        QCOMPARE(startsIn(fake.calls), (QStringList{QStringLiteral("start a"), QStringLiteral("start b")}));
        fake.releaseStarts();
        QVERIFY(waitUntil([&] { return q.inFlight() == 0; }, 3000));
    }

    void queueDestroyedBeforeTheAnswer()
    {
        FakeContainerEngine fake;
        fake.addContainer(QStringLiteral("a"), false);
        QObject ctx;
        bool called = false;
        {
            AdmissionQueue q(fake, 1);
            fake.holdStarts(true);
            q.startContainer(QStringLiteral("a"), &ctx,
                             [&called](const DockerResult<void> &) { called = true; });
        }
        fake.releaseStarts(); // the answer arrives after the queue is gone: still delivered, no crash
        QVERIFY(waitUntil([&] { return called; }, 3000));
    }
};

QTEST_GUILESS_MAIN(TestAdmission)
#include "tst_docker_admission.moc"
