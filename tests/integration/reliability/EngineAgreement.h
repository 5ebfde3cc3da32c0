#pragma once
// lightd's container states against the engine's, for the tests that take the engine away
// (tst_crash_consistency cuts its socket, tst_engine_kill kills dockerd): after the engine returns,
// every state must settle and agree with what `docker inspect` says.
#include "../containers/ContainerTestUtil.h"
#include "ApiCalls.h"
#include "Await.h"
#include "Programs.h"

#include <QStringList>

namespace lightd::test {
// The engine's State.Status in lightd's words. `failed` agrees with a container that is stopped or
// gone only when failedAgrees (the crash sweep counts outage-made failures itself).
inline bool sameState(const QString &lightd, const QString &engine, bool failedAgrees)
{
    if (lightd == QLatin1String("running"))
        return engine == QLatin1String("running");
    if (lightd == QLatin1String("suspended"))
        return engine == QLatin1String("paused");
    if (lightd == QLatin1String("ready"))
        return engine == QLatin1String("created") || engine == QLatin1String("exited");
    if (lightd == QLatin1String("failed") && failedAgrees)
        return engine.isEmpty() || engine == QLatin1String("created") || engine == QLatin1String("exited") ||
               engine == QLatin1String("dead");
    return false; // starting, stopping, installing: not settled
}

// The containers such a test takes the engine away from: n of them in `volume`, ids
// api.id(prefix + i), each running ct::echoLoop() (a console that answers), waited for until
// ready. With `start`, each is started as soon as it is ready, and all are waited for until they
// run. The ids; an empty list, with a warning saying why, when a step failed.
inline QStringList createEchoContainers(ApiCalls &api, const QString &volume, int n, const QString &prefix,
                                        bool start)
{
    QStringList ids;
    for (int i = 0; i < n; ++i) {
        ids.append(api.id(prefix + QString::number(i)));
        const Reply r =
            api.post(QStringLiteral("/containers"), {{QStringLiteral("internal_id"), ids.last()},
                                                     {QStringLiteral("image"), kImage},
                                                     {QStringLiteral("volume_id"), volume},
                                                     {QStringLiteral("startup_command"), ct::echoLoop()}});
        if (r.status != 201) {
            qWarning("creating %s: %s", qPrintable(ids.last()), qPrintable(r.dump()));
            return {};
        }
    }
    for (const QString &id : std::as_const(ids)) {
        if (!api.waitState(id, QStringLiteral("ready"), 60000))
            return {}; // waitState said what it was in
        if (!start)
            continue;
        const Reply r = api.post(QStringLiteral("/containers/%1/start").arg(id));
        if (r.status != 202) {
            qWarning("starting %s: %s", qPrintable(id), qPrintable(r.dump()));
            return {};
        }
    }
    for (const QString &id : std::as_const(ids)) {
        if (start && !api.waitState(id, QStringLiteral("running"), 60000))
            return {};
    }
    return ids;
}

// Waits until the daemon has the engine again and every container agrees with it; *last says which
// one did not, when the deadline passed.
inline bool waitStatesAgree(ApiCalls &eng, const QStringList &ids, bool failedAgrees, int ms, QString *last)
{
    return waitUntil(
        [&] {
            if (!eng.metrics().value(QStringLiteral("docker_available")).toBool())
                return false;
            for (const QString &id : ids) {
                const QString state = eng.state(id);
                const QString engine = dockerStatus(ApiCalls::dockerName(id));
                if (!sameState(state, engine, failedAgrees)) {
                    *last = QStringLiteral("%1 is %2, the engine says '%3'").arg(id, state, engine);
                    return false;
                }
            }
            return true;
        },
        ms);
}
} // namespace lightd::test
