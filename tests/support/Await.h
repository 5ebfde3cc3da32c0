#pragma once
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTest>
#include <optional>

namespace lightd::test {
// Runs the event loop until an async API call answers (or the deadline passes) and returns what it
// answered: `auto r = await<QList<PortDto>>([&](auto done) { client.listPorts(done); });`
template <typename Result, typename Start>
std::optional<Result> awaitResult(Start start, int timeoutMs = 15000)
{
    std::optional<Result> out;
    start([&out](const Result &r) { out = r; });
    QDeadlineTimer deadline(timeoutMs);
    while (!out && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return out;
}

// Polls a condition while serving events until it holds or the deadline passes.
template <typename Pred> bool waitUntil(Pred pred, int timeoutMs = 15000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!pred()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(10);
    }
    return true;
}
} // namespace lightd::test
