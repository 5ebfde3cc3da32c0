// Issue 17, admission to the engine: 50 containers created and started in one burst through the
// REST API, with docker.timeout_s at 5 s. Sent to the engine all at once, the last of 50 starts
// waits ~10 s there on this 2-core machine (bench/scale.sh: 50 concurrent raw starts took 9.8 s to
// all running; the engine does them about one at a time), so raw calls would time out; through the
// daemon's queue (2 at once here) every call's timeout starts when it leaves the queue, and every
// container ends `running`, as docker inspect says.
#include "ApiCalls.h"
#include "Await.h"
#include "DaemonProcess.h"
#include "Programs.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace lightd::test;

namespace {
constexpr int kCount = 50;
QString S(const char *s)
{
    return QString::fromLatin1(s);
}
} // namespace

class TestScale : public QObject
{
    Q_OBJECT
    std::unique_ptr<ApiCalls> env;
    QStringList ids;

    // Our containers' states from one GET /containers.
    QHash<QString, QString> states()
    {
        QHash<QString, QString> out;
        const auto list = env->get(S("/containers")).json().value(S("containers")).toArray();
        for (const auto &v : list) {
            const QJsonObject o = v.toObject();
            const QString id = o.value(S("internal_id")).toString();
            if (ids.contains(id))
                out.insert(id, o.value(S("install_state")).toString());
        }
        return out;
    }
    int countIn(const QString &state)
    {
        const auto all = states();
        return int(std::count(all.begin(), all.end(), state));
    }
    // A gauge of GET /metrics (Prometheus text).
    double gauge(const QString &name)
    {
        const QString text = QString::fromUtf8(env->get(S("/metrics")).body);
        const auto m =
            QRegularExpression(S("^%1 (\\S+)$").arg(name), QRegularExpression::MultilineOption).match(text);
        return m.hasMatch() ? m.captured(1).toDouble() : -1;
    }

  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        env = std::make_unique<ApiCalls>(
            S("scale"),
            QJsonObject{{S("docker"), QJsonObject{{S("timeout_s"), 5}, {S("max_concurrent_calls"), 2}}}});
        QVERIFY(env->startDaemon());
        for (int i = 0; i < kCount; ++i)
            ids.append(env->id(QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'))));
    }

    void burstEndsAllRunning()
    {
        QStringList volumes;
        for (int i = 0; i < kCount; ++i) {
            volumes.append(env->createVolume());
            QVERIFY(!volumes.last().isEmpty());
        }
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < kCount; ++i) {
            const Reply r =
                env->post(S("/containers"),
                          {{S("internal_id"), ids[i]},
                           {S("image"), kImage},
                           {S("volume_id"), volumes[i]},
                           {S("startup_command"), S("bash -c 'echo up; exec sleep 3600'")},
                           {S("limits"), QJsonObject{{S("memory"), 32 * 1024 * 1024}, {S("cpu"), 0.1}}}});
            QVERIFY2(r.status == 201 || r.status == 202, qPrintable(r.dump()));
        }
        QVERIFY2(waitUntil([&] { return countIn(S("ready")) == kCount; }, 120000),
                 qPrintable(QStringLiteral("ready: %1 of %2").arg(countIn(S("ready"))).arg(kCount)));
        qInfo("50 created in %lld ms", t.restart());

        for (const auto &id : std::as_const(ids)) {
            const Reply r = env->post(QStringLiteral("/containers/%1/start").arg(id));
            QVERIFY2(r.status == 202, qPrintable(id + QLatin1Char(' ') + r.dump()));
        }
        // The API answered every start at once; those still waiting for the engine show `starting`.
        // The runtime may ask the engine something cheap before its start call: watch the queue fill.
        double queued = 0;
        QVERIFY2(waitUntil([&] { return (queued = gauge(S("lightd_engine_calls_queued"))) > 0; }, 10000),
                 qPrintable(QString::number(queued)));
        QVERIFY(gauge(S("lightd_engine_calls_in_flight")) <= 2);
        const auto during = states();
        for (auto it = during.begin(); it != during.end(); ++it)
            QVERIFY2(it.value() == S("starting") || it.value() == S("running"),
                     qPrintable(it.key() + QLatin1Char(' ') + it.value()));

        const bool allRunning = waitUntil([&] { return countIn(S("running")) == kCount; }, 150000);
        qInfo("50 started in %lld ms", t.elapsed());
        QStringList wrong;
        for (const auto &id : std::as_const(ids)) {
            const QJsonObject rec = env->record(id);
            const bool engineRunning = dockerInspect(ApiCalls::dockerName(id))
                                           .value(S("State"))
                                           .toObject()
                                           .value(S("Running"))
                                           .toBool();
            const QString state = rec.value(S("install_state")).toString();
            if (state != S("running") || !engineRunning)
                wrong.append(QStringLiteral("%1: %2 (engine running: %3, error: %4)")
                                 .arg(id, state, engineRunning ? S("yes") : S("no"),
                                      rec.value(S("error")).toString()));
        }
        QVERIFY2(allRunning && wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
        QCOMPARE(gauge(S("lightd_engine_calls_queued")), 0.0);
        QCOMPARE(gauge(S("lightd_engine_calls_in_flight")), 0.0);
        QCOMPARE(gauge(S("lightd_engine_calls_limit")), 2.0);
    }
};

QTEST_GUILESS_MAIN(TestScale)
#include "tst_ct_scale.moc"
