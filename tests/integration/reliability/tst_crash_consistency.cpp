// Crash consistency (issue 20): a seeded workload of concurrent REST operations against the real
// daemon (volumes, file writes, streamed uploads, folders, renames, copies, archive extraction,
// quota resizes, scoped tokens, pool ports, containers on the real engine), SIGKILLed after a
// random delay so kills land mid-operation, restarted on the same data dir and checked against a
// model built only from what the daemon acknowledged: nothing acknowledged is lost, no file holds
// content nobody wrote (no partial file under its final name), no temp or staging file is left
// after the restart, no port is held by a container that does not exist, and each container's
// state equals the engine's.
//
// LIGHTD_CRASH_SEED replays a run (the seed is printed at the start); LIGHTD_CRASH_POINTS sets the
// number of kills (default 100); LIGHTD_CRASH_MAX_DELAY_MS the longest delay before a kill.
#include "../containers/ContainerTestUtil.h"
#include "ApiCalls.h"
#include "Await.h"
#include "CrashModel.h"
#include "EngineAgreement.h"
#include "Programs.h"
#include "SocketRelay.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <array>
#include <functional>
#include <memory>
#include <random>

using namespace lightd::test;
using namespace lightd::test::crash;

namespace {
const QStringList kRootNames{QStringLiteral("a0.txt"), QStringLiteral("a1.txt"), QStringLiteral("a2.txt"),
                             QStringLiteral("a3.txt"), QStringLiteral("a4.cfg"), QStringLiteral("a5.cfg")};
const QStringList kNestedNames{QStringLiteral("d1/b0.txt"), QStringLiteral("d1/b1.txt"),
                               QStringLiteral("d2/e/c0.yml")};
const QStringList kUploadNames{QStringLiteral("up0.bin"), QStringLiteral("up1.bin"),
                               QStringLiteral("up2.bin")};
const QStringList kFolders{QStringLiteral("m0"), QStringLiteral("m1"), QStringLiteral("m2/n")};
const QStringList kExtractDirs{QStringLiteral("x0"), QStringLiteral("x1"), QStringLiteral("x2")};
const QString kArchive = QStringLiteral("arc.tar");
constexpr int kPortBase = 21000; // pool-only ports: never bound, the daemon's pool is its own
constexpr int kPortSpan = 400;

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

bool isInternalName(const QString &name)
{
    return name.startsWith(QLatin1String(".lightd-"));
}

// One request of a burst and what its answer does to the model.
struct Op
{
    Op() = default;
    Op(QString what, QByteArray verb, QString target, QByteArray payload = {},
       QByteArray type = QByteArrayLiteral("application/json"))
        : label(std::move(what)), method(std::move(verb)), path(std::move(target)), body(std::move(payload)),
          contentType(std::move(type))
    {}
    QString label;
    QByteArray method;
    QString path;
    QByteArray body;
    QByteArray contentType;
    std::function<void(const QJsonObject &)> acked; // 2xx: the change happened
    std::function<void()> refused;                  // 4xx: nothing changed
    QNetworkReply *reply = nullptr;
    int status = 0;
};
} // namespace

class TestCrashConsistency : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        const QByteArray seedText = qgetenv("LIGHTD_CRASH_SEED");
        seed = seedText.isEmpty() ? QRandomGenerator::global()->generate64() : seedText.toULongLong();
        rng.seed(seed);
        points = envInt("LIGHTD_CRASH_POINTS", 100);
        maxDelayMs = envInt("LIGHTD_CRASH_MAX_DELAY_MS", 150);
        qInfo("LIGHTD_CRASH_SEED=%llu LIGHTD_CRASH_POINTS=%d LIGHTD_CRASH_MAX_DELAY_MS=%d", seed, points,
              maxDelayMs);
        env = std::make_unique<ApiCalls>(QStringLiteral("rel"), QJsonObject{});
        QVERIFY(env->startDaemon());
        QVERIFY(makeArchive());
        for (int i = 0; i < 3; ++i)
            QVERIFY(addVolume(false));
        QVERIFY(addVolume(true));
        for (int i = 0; i < 2; ++i) {
            const int port = ct::freePort();
            QCOMPARE(env->post(QStringLiteral("/network/ports"),
                               {{QStringLiteral("ip"), QStringLiteral("0.0.0.0")},
                                {QStringLiteral("port"), port},
                                {QStringLiteral("protocol"), QStringLiteral("tcp")}})
                         .status,
                     201);
            containerPorts.append(port);
        }
    }

    void cleanupTestCase()
    {
        if (env && env->daemon->isRunning()) {
            for (auto it = model.containers.cbegin(); it != model.containers.cend(); ++it)
                env->call("DELETE", QStringLiteral("/containers/") + it.key());
        }
        env.reset(); // removes every Docker container named *-rel-*
    }

    void killedAtRandomPoints()
    {
        QElapsedTimer clock;
        clock.start();
        for (iteration = 0; iteration < points; ++iteration) {
            burstAndKill();
            if (QTest::currentTestFailed())
                return;
            QVERIFY2(env->startDaemon(), env->daemon->log().constData());
            // what a kill left in the volumes is removed off the event loop, soon after start
            QVERIFY2(waitUntil([&] { return env->daemon->log().contains("start-up sweep done"); }, 30000),
                     "no start-up sweep of the volumes");
            verify();
            if (QTest::currentTestFailed()) {
                qWarning("failed at iteration %d; replay with LIGHTD_CRASH_SEED=%llu", iteration, seed);
                return;
            }
        }
        qInfo("%d kills in %lld ms: %d operations acknowledged, %d in flight at a kill, %d refused", points,
              clock.elapsed(), ackedTotal, unknownTotal, refusedTotal);
        QStringList kinds;
        for (auto it = perKind.cbegin(); it != perKind.cend(); ++it)
            kinds.append(
                QStringLiteral("%1 %2/%3/%4").arg(it.key()).arg(it->at(0)).arg(it->at(1)).arg(it->at(2)));
        qInfo("acknowledged/in flight/refused: %s", qPrintable(kinds.join(QStringLiteral(", "))));
        const auto count = [&](const char *part) {
            const QStringList keys = leftovers.keys();
            return std::count_if(keys.cbegin(), keys.cend(),
                                 [&](const QString &k) { return k.contains(QLatin1String(part)); });
        };
        qInfo("left after restarts: %lld .lightd-tmp-*, %lld .lightd-extract-*, %lld .trash-*; %lld orphan "
              "volume "
              "directories, %lld containers stuck starting, %lld engine containers without a record, %lld "
              "partial copies",
              qint64(count("/.lightd-tmp-")), qint64(count("/.lightd-extract-")), qint64(count("/.trash-")),
              qint64(orphanDirs.size()), qint64(stuckStarting.size()), qint64(orphanContainers.size()),
              qint64(partialCopies.size()));
        for (const QString &found : {describe(leftovers), partialCopies.join(QLatin1Char('\n')),
                                     describe(orphanDirs), describe(stuckStarting)}) {
            if (!found.isEmpty())
                qInfo("found:\n%s", qPrintable(found));
        }
        // Fixed (VolumeRecovery, engine truth): these must stay empty.
        QVERIFY2(leftovers.isEmpty(), qPrintable(describe(leftovers)));
        QVERIFY2(orphanDirs.isEmpty(), qPrintable(describe(orphanDirs)));
        QVERIFY2(stuckStarting.isEmpty(), qPrintable(describe(stuckStarting)));
        // Fixed (a copy is made under a temp name and renamed into place).
        QVERIFY2(partialCopies.isEmpty(), qPrintable(partialCopies.join(QLatin1Char('\n'))));
        // Fixed (a tombstone row; the start removes what the engine still holds).
        QVERIFY2(orphanContainers.isEmpty(), qPrintable(describe(orphanContainers)));
    }

    // The engine goes away under load and comes back (dockerd itself is shared with other tests and
    // never touched: the daemon reaches it through a relay socket this test cuts, see SocketRelay):
    // power actions and file writes are in flight when it goes; within 5 s of its return every
    // container's state equals the engine's (none stuck starting/stopping) and consoles answer.
    void engineCutUnderLoad()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SocketRelay relay(dir.filePath(QStringLiteral("docker.sock")),
                          QStringLiteral("/var/run/docker.sock"));
        QVERIFY(relay.start());
        ApiCalls eng(QStringLiteral("rel-e"),
                     QJsonObject{{QStringLiteral("docker"),
                                  QJsonObject{{QStringLiteral("socket_path"), relay.path()}}}});
        QVERIFY(eng.startDaemon());
        const QString vol = eng.createVolume();
        const QStringList ids = createEchoContainers(eng, vol, 3, QStringLiteral("c"), false);
        QVERIFY(!ids.isEmpty());
        const auto available = [&] {
            return eng.metrics().value(QStringLiteral("docker_available")).toBool();
        };
        const int rounds = envInt("LIGHTD_CRASH_ENGINE_ROUNDS", 5);
        qint64 slowestMs = 0;
        QMap<QString, QString> failedByOutage; // container -> what it said, the first time
        for (int round = 0; round < rounds; ++round) {
            // Every container gets a power action, and a few file writes go beside them.
            QNetworkAccessManager nam;
            QList<QNetworkReply *> replies;
            const auto send = [&](const QByteArray &method, const QString &path, const QByteArray &body) {
                QNetworkRequest req(QUrl(eng.daemon->url(path)));
                req.setRawHeader("Authorization", "Bearer " + eng.token().toUtf8());
                req.setRawHeader("Accept", "Application/vnd.pkglatv1+json");
                req.setRawHeader("Content-Type", "application/json");
                replies.append(nam.sendCustomRequest(req, method, body));
            };
            for (const QString &id : std::as_const(ids)) {
                const QString verb = eng.state(id) == QLatin1String("running")
                                         ? (chance(50) ? QStringLiteral("stop") : QStringLiteral("restart"))
                                         : QStringLiteral("start");
                send("POST", QStringLiteral("/containers/%1/%2").arg(id, verb), "{}");
            }
            for (int i = 0; i < 4; ++i)
                send("POST", QStringLiteral("/volumes/%1/files").arg(vol),
                     json({{QStringLiteral("path"), QStringLiteral("load%1.txt").arg(i)},
                           {QStringLiteral("content"), QString::fromLatin1(randomText(20000))}}));
            bool cut = false;
            QTimer::singleShot(pick(300), this, [&] {
                relay.stop();
                cut = true;
            });
            QVERIFY(waitUntil([&] { return cut; }));
            QVERIFY(waitUntil(
                [&] {
                    return std::all_of(replies.cbegin(), replies.cend(),
                                       [](QNetworkReply *r) { return r->isFinished(); });
                },
                30000));
            qDeleteAll(replies);
            QVERIFY(waitUntil([&] { return !available(); }, 20000));
            QVERIFY(relay.start());
            QElapsedTimer back;
            back.start();
            QString last;
            const bool settled = waitStatesAgree(eng, ids, true, 20000, &last);
            QVERIFY2(settled, qPrintable(last));
            const qint64 stateMs = back.elapsed();
            QStringList states;
            for (const QString &id : std::as_const(ids)) {
                const QJsonObject rec = eng.record(id);
                states.append(rec.value(QStringLiteral("install_state")).toString());
                if (states.last() != QLatin1String("failed"))
                    continue;
                const QString error = rec.value(QStringLiteral("error")).toString();
                states.last() += QStringLiteral(" [%1]").arg(error);
                // The outage alone left it failed although the engine holds it in a plain state.
                if (error.contains(QLatin1String("engine is unavailable")) && !failedByOutage.contains(id))
                    failedByOutage.insert(id,
                                          QStringLiteral(" '%1', engine: %2 (round %3, LIGHTD_CRASH_SEED=%4)")
                                              .arg(error, dockerStatus(ApiCalls::dockerName(id)))
                                              .arg(round)
                                              .arg(seed));
            }
            // Consoles: a command reaches every running container's stdin and its echo comes back.
            for (const QString &id : std::as_const(ids)) {
                if (eng.state(id) != QLatin1String("running"))
                    continue;
                const QString line = QStringLiteral("round-%1").arg(round);
                QVERIFY(waitUntil(
                    [&] {
                        eng.command(id, line);
                        return waitUntil([&] { return eng.logsContain(id, QStringLiteral("echo:") + line); },
                                         500);
                    },
                    20000));
            }
            const qint64 consoleMs = back.elapsed();
            for (const QString &id :
                 std::as_const(ids)) { // a failed one is made usable again for the next round
                if (eng.state(id) == QLatin1String("failed")) {
                    const Reply repaired = eng.post(QStringLiteral("/containers/%1/repair").arg(id));
                    QVERIFY2(repaired.status / 100 == 2, qPrintable(repaired.dump()));
                    QVERIFY(eng.waitState(id, QStringLiteral("ready"), 30000));
                }
            }
            slowestMs = qMax(slowestMs, consoleMs);
            qInfo("engine round %d: states agree %lld ms (%s), consoles answer %lld ms after the engine "
                  "returned",
                  round, stateMs, qPrintable(states.join(QLatin1Char(' '))), consoleMs);
            QVERIFY2(consoleMs <= 5000, qPrintable(QStringLiteral("%1 ms to recover").arg(consoleMs)));
        }
        qInfo("engine outages: slowest recovery %lld ms", slowestMs);
        // Fixed (engine truth: an unknown outcome is settled by inspect, never `failed`).
        QVERIFY2(failedByOutage.isEmpty(), qPrintable(describe(failedByOutage)));
    }

  private:
    // The first few findings of a kind and how many there are.
    static QString describe(const QMap<QString, QString> &found)
    {
        QStringList lines;
        for (auto it = found.cbegin(); it != found.cend() && lines.size() < 8; ++it)
            lines.append(it.key() + it.value());
        if (found.size() > lines.size())
            lines.append(QStringLiteral("... %1 in all").arg(found.size()));
        return lines.join(QLatin1Char('\n'));
    }

    // --- set-up -------------------------------------------------------------------------------
    bool makeArchive()
    {
        QTemporaryDir dir;
        const QByteArray big = randomBytes(300 * 1024);
        const QList<QPair<QString, QByteArray>> entries{
            {QStringLiteral("t/readme.txt"), QByteArrayLiteral("hello from the archive\n")},
            {QStringLiteral("t/data.bin"), big},
            {QStringLiteral("t/sub/deep.txt"), randomText(5000)}};
        for (const auto &[name, content] : entries) {
            QDir().mkpath(QFileInfo(dir.filePath(name)).path());
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
                return false;
            archiveEntries.insert(name, hashOf(content));
        }
        if (run(QStringLiteral("tar"), {QStringLiteral("-cf"), dir.filePath(kArchive), QStringLiteral("-C"),
                                        dir.path(), QStringLiteral("t")}) != 0)
            return false;
        QFile f(dir.filePath(kArchive));
        if (!f.open(QIODevice::ReadOnly))
            return false;
        archive = f.readAll();
        return !archive.isEmpty();
    }

    bool addVolume(bool forContainers)
    {
        const Reply r = env->post(QStringLiteral("/volumes"), {{QStringLiteral("size_mb"), 300}});
        if (r.status != 201) {
            qWarning("POST /volumes: %s", qPrintable(r.dump()));
            return false;
        }
        Volume v;
        v.path = r.json().value(QStringLiteral("path")).toString();
        v.quotaMb = {QByteArrayLiteral("300")};
        v.forContainers = forContainers;
        model.volumes.insert(r.json().value(QStringLiteral("volume_id")).toString(), v);
        return true;
    }

    // --- randomness ---------------------------------------------------------------------------
    int pick(int n) { return int(rng() % quint64(n)); }
    bool chance(int percent) { return pick(100) < percent; }
    QByteArray randomBytes(int size)
    {
        QByteArray out(size, Qt::Uninitialized);
        for (int i = 0; i < size; i += 8) {
            const quint64 w = rng();
            memcpy(out.data() + i, &w, size_t(qMin(8, size - i)));
        }
        return out;
    }
    QByteArray randomText(int size)
    {
        QByteArray out(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            out[i] = char('a' + pick(26));
        return out;
    }

    // --- the burst ----------------------------------------------------------------------------
    // Operations of one burst touch disjoint things (a path, a token, a port, a container), so
    // each fact has at most one change in flight.
    bool lock(const QString &key)
    {
        if (locked.contains(key))
            return false;
        locked.insert(key);
        return true;
    }

    QStringList fileVolumes(bool includeBusy = true) const
    {
        QStringList out;
        for (auto it = model.volumes.cbegin(); it != model.volumes.cend(); ++it) {
            if (!it->forContainers && certainly(it->exists, kPresent) &&
                !locked.contains(QStringLiteral("vol:") + it.key()) &&
                (includeBusy || !locked.contains(QStringLiteral("volfiles:") + it.key())))
                out.append(it.key());
        }
        return out;
    }

    // A path of the volume the burst has not touched yet whose fact is `present` or absent.
    QString freePath(const QString &vol, const QStringList &names, bool present)
    {
        QStringList fits;
        for (const QString &n : names) {
            const Fact f = model.volumes[vol].files.value(n, Fact{kAbsent});
            if (!locked.contains(vol + QLatin1Char('/') + n) && certain(f) && f.contains(kAbsent) != present)
                fits.append(n);
        }
        if (fits.isEmpty())
            return {};
        const QString n = fits.at(pick(int(fits.size())));
        locked.insert(vol + QLatin1Char('/') + n);
        locked.insert(QStringLiteral("volfiles:") + vol);
        return n;
    }

    // Marks a file fact as changing to `next`; the answer settles it.
    void changeFile(Op &op, const QString &vol, const QString &path, const QByteArray &next)
    {
        Fact &f = model.volumes[vol].files[path];
        const Fact before = f.isEmpty() ? Fact{kAbsent} : f;
        f = before;
        f.insert(next);
        chain(
            op, [this, vol, path, next] { model.volumes[vol].files[path] = {next}; },
            [this, vol, path, before] { model.volumes[vol].files[path] = before; });
    }

    static void chain(Op &op, std::function<void()> onAck, std::function<void()> onRefuse)
    {
        auto a = op.acked;
        auto r = op.refused;
        op.acked = [a, onAck](const QJsonObject &j) {
            if (a)
                a(j);
            onAck();
        };
        op.refused = [r, onRefuse] {
            if (r)
                r();
            onRefuse();
        };
    }

    static QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

    bool fileOp(QList<Op> &ops)
    {
        const QStringList vols = fileVolumes();
        if (vols.isEmpty())
            return false;
        const QString vol = vols.at(pick(int(vols.size())));
        const QString base = QStringLiteral("/volumes/") + vol;
        Op op;
        const int kind = pick(10);
        if (kind <= 1) { // JSON write, maybe into folders it creates
            const QString path = freePath(vol, chance(60) ? kRootNames : kNestedNames, chance(50));
            if (path.isEmpty())
                return false;
            const QByteArray content = randomText(10 + pick(40000));
            op = {QStringLiteral("write ") + path, "POST", base + QStringLiteral("/files"),
                  json({{QStringLiteral("path"), path},
                        {QStringLiteral("content"), QString::fromLatin1(content)}})};
            changeFile(op, vol, path, hashOf(content));
        } else if (kind <= 3) { // streamed upload
            const QString path = freePath(vol, kUploadNames, chance(50));
            if (path.isEmpty())
                return false;
            const QByteArray content = randomBytes(256 * 1024 + pick(12 * 1024 * 1024));
            op = {QStringLiteral("upload ") + path, "PUT",
                  base + QStringLiteral("/files/content?path=") + path, content,
                  QByteArrayLiteral("application/octet-stream")};
            changeFile(op, vol, path, hashOf(content));
        } else if (kind == 4) { // rename a file to a free root name
            const QString src = freePath(vol, kRootNames + kNestedNames + kUploadNames, true);
            const QString dst = freePath(vol, kRootNames, false);
            if (src.isEmpty() || dst.isEmpty())
                return false;
            const QByteArray h = *model.volumes[vol].files[src].cbegin();
            op = {QStringLiteral("rename %1 -> %2").arg(src, dst), "POST", base + QStringLiteral("/rename"),
                  json({{QStringLiteral("source"), src}, {QStringLiteral("destination"), dst}})};
            changeFile(op, vol, src, kAbsent);
            changeFile(op, vol, dst, h);
            model.renames.append({vol, src, dst, h});
        } else if (kind == 5) { // copy a file to a free root name
            const QString src = freePath(vol, kRootNames + kNestedNames + kUploadNames, true);
            const QString dst = freePath(vol, kRootNames, false);
            if (src.isEmpty() || dst.isEmpty())
                return false;
            const QByteArray h = *model.volumes[vol].files[src].cbegin();
            op = {QStringLiteral("copy %1 -> %2").arg(src, dst), "POST", base + QStringLiteral("/copy"),
                  json({{QStringLiteral("source"), src}, {QStringLiteral("destination"), dst}})};
            changeFile(op, vol, dst, h);
            model.volumes[vol].copyOf.insert(dst, src);
        } else if (kind == 6) { // delete a file
            const QString path = freePath(vol, kRootNames + kNestedNames + kUploadNames, true);
            if (path.isEmpty())
                return false;
            op = {QStringLiteral("delete ") + path, "DELETE",
                  base + QStringLiteral("/files?path=") + QString::fromUtf8(QUrl::toPercentEncoding(path))};
            changeFile(op, vol, path, kAbsent);
        } else if (kind == 7) { // folder
            const QString path = kFolders.at(pick(int(kFolders.size())));
            if (!lock(vol + QLatin1Char('/') + path))
                return false;
            locked.insert(QStringLiteral("volfiles:") + vol);
            op = {QStringLiteral("mkdir ") + path, "POST", base + QStringLiteral("/folders"),
                  json({{QStringLiteral("path"), path}})};
            op.acked = [this, vol, path](const QJsonObject &) { model.volumes[vol].folders.insert(path); };
        } else { // archive: upload it, extract it, or remove an extracted tree
            return archiveOp(ops, vol);
        }
        ops.append(op);
        return true;
    }

    bool archiveOp(QList<Op> &ops, const QString &vol)
    {
        const QString base = QStringLiteral("/volumes/") + vol;
        Volume &v = model.volumes[vol];
        if (!certainly(v.files.value(kArchive, Fact{kAbsent}), hashOf(archive))) {
            if (locked.contains(vol + QLatin1Char('/') + kArchive) ||
                !certain(v.files.value(kArchive, Fact{kAbsent})))
                return false;
            locked.insert(vol + QLatin1Char('/') + kArchive);
            locked.insert(QStringLiteral("volfiles:") + vol);
            Op op{QStringLiteral("upload ") + kArchive, "PUT",
                  base + QStringLiteral("/files/content?path=") + kArchive, archive,
                  QByteArrayLiteral("application/octet-stream")};
            changeFile(op, vol, kArchive, hashOf(archive));
            ops.append(op);
            return true;
        }
        const QString dir = kExtractDirs.at(pick(int(kExtractDirs.size())));
        if (locked.contains(vol + QLatin1Char('/') + dir) ||
            locked.contains(vol + QLatin1Char('/') + kArchive))
            return false;
        bool allAbsent = true;
        bool anyPresent = false;
        for (auto it = archiveEntries.cbegin(); it != archiveEntries.cend(); ++it) {
            const Fact f = v.files.value(dir + QLatin1Char('/') + it.key(), Fact{kAbsent});
            if (!certain(f))
                return false;
            allAbsent = allAbsent && f.contains(kAbsent);
            anyPresent = anyPresent || !f.contains(kAbsent);
        }
        locked.insert(vol + QLatin1Char('/') + dir);
        locked.insert(vol + QLatin1Char('/') + kArchive); // read by the extraction
        locked.insert(QStringLiteral("volfiles:") + vol);
        Op op;
        if (allAbsent) {
            op = {QStringLiteral("decompress into ") + dir, "POST", base + QStringLiteral("/decompress"),
                  json({{QStringLiteral("archive_path"), kArchive}, {QStringLiteral("destination"), dir}})};
            for (auto it = archiveEntries.cbegin(); it != archiveEntries.cend(); ++it)
                changeFile(op, vol, dir + QLatin1Char('/') + it.key(), it.value());
        } else {
            op = {QStringLiteral("delete tree ") + dir, "DELETE",
                  base + QStringLiteral("/files?path=") + dir};
            for (auto it = archiveEntries.cbegin(); it != archiveEntries.cend(); ++it) {
                const QString p = dir + QLatin1Char('/') + it.key();
                if (!v.files.value(p, Fact{kAbsent}).contains(kAbsent))
                    changeFile(op, vol, p, kAbsent);
            }
        }
        ops.append(op);
        return true;
    }

    bool volumeOp(QList<Op> &ops)
    {
        Op op;
        const QStringList vols = fileVolumes(false);
        if (vols.size() > 2 && chance(50)) { // delete one nothing else in the burst touches
            const QString vol = vols.at(pick(int(vols.size())));
            locked.insert(QStringLiteral("vol:") + vol);
            op = {QStringLiteral("delete volume ") + vol, "DELETE", QStringLiteral("/volumes/") + vol};
            model.volumes[vol].exists = {kPresent, kAbsent};
            op.acked = [this, vol](const QJsonObject &) { model.volumes[vol].exists = {kAbsent}; };
            op.refused = [this, vol] { model.volumes[vol].exists = {kPresent}; };
        } else if (vols.size() < 6) {
            const int quota = 200 + pick(300);
            op = {QStringLiteral("create volume"), "POST", QStringLiteral("/volumes"),
                  json({{QStringLiteral("size_mb"), quota}})};
            ++model.unackedVolumeCreates;
            op.acked = [this, quota](const QJsonObject &j) {
                --model.unackedVolumeCreates;
                Volume v;
                v.path = j.value(QStringLiteral("path")).toString();
                v.quotaMb = {QByteArray::number(quota)};
                model.volumes.insert(j.value(QStringLiteral("volume_id")).toString(), v);
            };
            op.refused = [this] { --model.unackedVolumeCreates; };
        } else {
            return false;
        }
        ops.append(op);
        return true;
    }

    bool resizeOp(QList<Op> &ops)
    {
        const QStringList vols = fileVolumes();
        if (vols.isEmpty())
            return false;
        const QString vol = vols.at(pick(int(vols.size())));
        if (!lock(QStringLiteral("quota:") + vol))
            return false;
        locked.insert(QStringLiteral("volfiles:") + vol); // no delete of it in this burst
        const QByteArray next = QByteArray::number(200 + pick(300));
        Op op{QStringLiteral("resize ") + vol, "POST", QStringLiteral("/volumes/%1/resize").arg(vol),
              json({{QStringLiteral("size_mb"), next.toInt()}})};
        const Fact before = model.volumes[vol].quotaMb;
        model.volumes[vol].quotaMb.insert(next);
        op.acked = [this, vol, next](const QJsonObject &) { model.volumes[vol].quotaMb = {next}; };
        op.refused = [this, vol, before] { model.volumes[vol].quotaMb = before; };
        ops.append(op);
        return true;
    }

    bool tokenOp(QList<Op> &ops)
    {
        QStringList live;
        for (auto it = model.tokens.cbegin(); it != model.tokens.cend(); ++it) {
            if (certainly(it->live, kPresent) && !locked.contains(QStringLiteral("token:") + it.key()))
                live.append(it.key());
        }
        Op op;
        if (!live.isEmpty() && (live.size() >= 8 || chance(40))) {
            const QString id = live.at(pick(int(live.size())));
            locked.insert(QStringLiteral("token:") + id);
            op = {QStringLiteral("revoke token"), "DELETE", QStringLiteral("/auth/tokens/") + id};
            model.tokens[id].live = {kPresent, kAbsent};
            op.acked = [this, id](const QJsonObject &) { model.tokens[id].live = {kAbsent}; };
            op.refused = [this, id] { model.tokens[id].live = {kPresent}; };
        } else {
            op = {QStringLiteral("create token"), "POST", QStringLiteral("/auth/tokens"),
                  json({{QStringLiteral("ttl"), QStringLiteral("2h")}})};
            ++model.unackedTokenCreates;
            op.acked = [this](const QJsonObject &j) {
                --model.unackedTokenCreates;
                Token t;
                t.secret = j.value(QStringLiteral("token")).toString().toUtf8();
                model.tokens.insert(j.value(QStringLiteral("id")).toString(), t);
            };
            op.refused = [this] { --model.unackedTokenCreates; };
        }
        ops.append(op);
        return true;
    }

    bool portOp(QList<Op> &ops)
    {
        const int port = kPortBase + pick(kPortSpan);
        if (!lock(QStringLiteral("port:%1").arg(port)))
            return false;
        const Fact before = model.ports.value(port, Fact{kAbsent});
        Op op;
        if (before.contains(kAbsent)) {
            op = {QStringLiteral("add port %1").arg(port), "POST", QStringLiteral("/network/ports"),
                  json({{QStringLiteral("ip"), QStringLiteral("0.0.0.0")},
                        {QStringLiteral("port"), port},
                        {QStringLiteral("protocol"), QStringLiteral("tcp")}})};
        } else {
            op = {QStringLiteral("remove port %1").arg(port), "DELETE",
                  QStringLiteral("/network/ports/0.0.0.0/%1").arg(port)};
        }
        const QByteArray next = before.contains(kAbsent) ? kPresent : kAbsent;
        model.ports[port] = before + Fact{next};
        op.acked = [this, port, next](const QJsonObject &) { model.ports[port] = {next}; };
        op.refused = [this, port, before] { model.ports[port] = before; };
        ops.append(op);
        return true;
    }

    bool containerOp(QList<Op> &ops)
    {
        QStringList existing;
        QSet<int> held;
        for (auto it = model.containers.cbegin(); it != model.containers.cend(); ++it) {
            if (!it->exists.contains(kAbsent))
                existing.append(it.key());
            if (it->exists.contains(kPresent))
                held.insert(it->port);
        }
        Op op;
        if (existing.size() < 2 && chance(existing.isEmpty() ? 100 : 40)) {
            int port = 0;
            for (int p : std::as_const(containerPorts)) {
                if (!held.contains(p))
                    port = p;
            }
            if (!port)
                return false;
            const QString id = env->id(QStringLiteral("c%1").arg(++containerSerial));
            QString vol;
            for (auto it = model.volumes.cbegin(); it != model.volumes.cend(); ++it) {
                if (it->forContainers)
                    vol = it.key();
            }
            locked.insert(QStringLiteral("ct:") + id);
            op = {QStringLiteral("create container ") + id, "POST", QStringLiteral("/containers"),
                  json({{QStringLiteral("internal_id"), id},
                        {QStringLiteral("image"), kImage},
                        {QStringLiteral("volume_id"), vol},
                        {QStringLiteral("startup_command"),
                         QStringLiteral(
                             "bash -c 'trap \"exit 0\" TERM; echo up; while true; do sleep 0.2; done'")},
                        {QStringLiteral("ports"),
                         QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("0.0.0.0")},
                                                {QStringLiteral("port"), port},
                                                {QStringLiteral("protocol"), QStringLiteral("tcp")}}}}})};
            Container c;
            c.exists = {kPresent, kAbsent};
            c.port = port;
            model.containers.insert(id, c);
            op.acked = [this, id](const QJsonObject &) { model.containers[id].exists = {kPresent}; };
            op.refused = [this, id] { model.containers[id].exists = {kAbsent}; };
        } else if (!existing.isEmpty()) {
            const QString id = existing.at(pick(int(existing.size())));
            if (!lock(QStringLiteral("ct:") + id) || !certain(model.containers[id].exists))
                return false;
            const QString state = model.containers[id].lastState;
            QString verb;
            if (state == QLatin1String("running"))
                verb = chance(70) ? QStringLiteral("stop") : QStringLiteral("kill");
            else if (state == QLatin1String("ready") && chance(70))
                verb = QStringLiteral("start");
            if (!verb.isEmpty()) { // power actions are asynchronous: the state check covers them
                op = {verb + QLatin1Char(' ') + id, "POST",
                      QStringLiteral("/containers/%1/%2").arg(id, verb)};
            } else {
                op = {QStringLiteral("delete container ") + id, "DELETE",
                      QStringLiteral("/containers/") + id};
                model.containers[id].exists = {kPresent, kAbsent};
                op.acked = [this, id](const QJsonObject &) { model.containers[id].exists = {kAbsent}; };
                op.refused = [this, id] { model.containers[id].exists = {kPresent}; };
            }
        } else {
            return false;
        }
        ops.append(op);
        return true;
    }

    QList<Op> makeBurst()
    {
        locked.clear();
        QList<Op> ops;
        const int wanted = 6 + pick(13);
        for (int tries = 0; ops.size() < wanted && tries < wanted * 4; ++tries) {
            const int kind = pick(100);
            if (kind < 55)
                fileOp(ops);
            else if (kind < 63)
                volumeOp(ops);
            else if (kind < 70)
                resizeOp(ops);
            else if (kind < 82)
                tokenOp(ops);
            else if (kind < 94)
                portOp(ops);
        }
        if (chance(40)) // slower than the rest: not in every burst
            containerOp(ops);
        return ops;
    }

    void send(Op &op, QNetworkAccessManager &nam)
    {
        QNetworkRequest req(QUrl(env->daemon->url(op.path)));
        req.setRawHeader("Authorization", "Bearer " + env->daemon->token().toUtf8());
        req.setRawHeader("Accept", "Application/vnd.pkglatv1+json");
        if (!op.body.isEmpty() || op.method != "DELETE")
            req.setRawHeader("Content-Type", op.contentType);
        if (op.body.isEmpty() && op.method == "POST")
            op.body = QByteArrayLiteral("{}");
        op.reply = nam.sendCustomRequest(req, op.method, op.body);
    }

    void burstAndKill()
    {
        QList<Op> ops = makeBurst();
        const int delay = pick(maxDelayMs + 1);
        // A few managers, so more requests run at once than one manager's six connections.
        std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
        for (int i = 0; i < 3; ++i)
            nams.push_back(std::make_unique<QNetworkAccessManager>());
        for (qsizetype i = 0; i < ops.size(); ++i)
            send(ops[i], *nams[size_t(i) % nams.size()]);
        bool killed = false;
        QTimer::singleShot(delay, this, [&] {
            env->daemon->kill();
            killed = true;
        });
        QVERIFY(waitUntil([&] { return killed; }, 30000));
        const bool allDone = waitUntil(
            [&] {
                return std::all_of(ops.cbegin(), ops.cend(),
                                   [](const Op &o) { return o.reply->isFinished(); });
            },
            30000);
        QVERIFY(allDone);
        int acked = 0;
        int unknown = 0;
        QStringList notes;
        for (Op &op : ops) {
            op.status = op.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QStringList words = op.label.split(QLatin1Char(' '));
            static const QStringList objects{QStringLiteral("volume"), QStringLiteral("token"),
                                             QStringLiteral("container"), QStringLiteral("tree"),
                                             QStringLiteral("port")};
            const QString kind = words.size() > 1 && objects.contains(words.at(1))
                                     ? words.at(0) + QLatin1Char(' ') + words.at(1)
                                     : words.at(0);
            ++perKind[kind][op.status / 100 == 2 ? 0 : (op.status / 100 == 4 ? 2 : 1)];
            const QByteArray answer = op.reply->readAll();
            op.reply->deleteLater();
            if (op.status >= 200 && op.status < 300) {
                ++acked;
                if (op.acked)
                    op.acked(QJsonDocument::fromJson(answer).object());
            } else if (op.status >= 400 && op.status < 500) {
                ++refusedTotal;
                notes.append(QStringLiteral("%1 -> %2 %3")
                                 .arg(op.label)
                                 .arg(op.status)
                                 .arg(QString::fromUtf8(answer)));
                if (op.refused)
                    op.refused();
            } else {
                ++unknown;
                notes.append(op.label + QStringLiteral(" -> no answer"));
            }
        }
        ackedTotal += acked;
        unknownTotal += unknown;
        qInfo("kill %d at %d ms: %lld operations, %d acknowledged, %d in flight%s", iteration, delay,
              ops.size(), acked, unknown,
              notes.isEmpty() ? "" : qPrintable(QStringLiteral("; ") + notes.join(QStringLiteral("; "))));
    }

    // --- the checks after each restart --------------------------------------------------------
    QString where() const
    {
        return QStringLiteral(" (kill %1, LIGHTD_CRASH_SEED=%2)").arg(iteration).arg(seed);
    }

    void verify()
    {
        verifyVolumes();
        if (QTest::currentTestFailed())
            return;
        for (auto it = model.volumes.begin(); it != model.volumes.end(); ++it) {
            if (!it->forContainers && certainly(it->exists, kPresent))
                verifyFiles(it.key(), *it);
            if (QTest::currentTestFailed())
                return;
        }
        verifyRenames();
        if (QTest::currentTestFailed())
            return;
        scanLeftovers();
        verifyTokens();
        if (QTest::currentTestFailed())
            return;
        verifyContainers();
        if (QTest::currentTestFailed())
            return;
        verifyPorts();
    }

    void verifyVolumes()
    {
        const Reply r = env->get(QStringLiteral("/volumes"));
        QCOMPARE(r.status, 200);
        QMap<QString, QJsonObject> listed;
        for (const auto &v : r.json().value(QStringLiteral("volumes")).toArray())
            listed.insert(v.toObject().value(QStringLiteral("volume_id")).toString(), v.toObject());
        for (auto it = model.volumes.begin(); it != model.volumes.end();) {
            const QByteArray seen = listed.contains(it.key()) ? kPresent : kAbsent;
            QVERIFY2(it->exists.contains(seen),
                     qPrintable(
                         QStringLiteral("volume %1 is %2 after an acknowledged %3")
                             .arg(it.key(), seen.isEmpty() ? QStringLiteral("lost") : QStringLiteral("back"),
                                  seen.isEmpty() ? QStringLiteral("create") : QStringLiteral("delete")) +
                         where()));
            if (seen.isEmpty()) {
                if (QFileInfo::exists(it->path) && !certain(it->exists))
                    note(orphanDirs,
                         QStringLiteral("volumes/") + QFileInfo(it->path).fileName()); // known bug
                else
                    QVERIFY2(!QFileInfo::exists(it->path),
                             qPrintable(it->path + QStringLiteral(" left on disk") + where()));
                it = model.volumes.erase(it);
                continue;
            }
            it->exists = {kPresent};
            const QJsonValue quota = listed[it.key()].value(QStringLiteral("quota_mb"));
            const QByteArray q = QByteArray::number(quota.toInteger());
            QVERIFY2(it->quotaMb.contains(q),
                     qPrintable(QStringLiteral("volume %1 quota %2, acknowledged %3")
                                    .arg(it.key(), QString::fromLatin1(q),
                                         QString::fromLatin1(it->quotaMb.values().join(','))) +
                                where()));
            it->quotaMb = {q};
            QVERIFY2(QFileInfo(it->path).isDir(),
                     qPrintable(it->path + QStringLiteral(" missing") + where()));
            listed.remove(it.key());
            ++it;
        }
        // Volumes the test never heard of come from creates whose answer the kill cut off.
        QVERIFY2(listed.size() <= model.unackedVolumeCreates,
                 qPrintable(QStringLiteral("%1 unknown volumes, %2 creates unanswered")
                                .arg(listed.size())
                                .arg(model.unackedVolumeCreates) +
                            where()));
        for (auto it = listed.cbegin(); it != listed.cend(); ++it) {
            Volume v;
            v.path = it->value(QStringLiteral("path")).toString();
            v.quotaMb = {QByteArray::number(it->value(QStringLiteral("quota_mb")).toInteger())};
            model.volumes.insert(it.key(), v);
        }
        model.unackedVolumeCreates = 0;
    }

    // Regular files under dir (relative names), not entering the daemon's own temp names.
    static void walk(const QString &root, const QString &rel, QMap<QString, QString> &files,
                     QStringList &internal)
    {
        const QDir dir(rel.isEmpty() ? root : root + QLatin1Char('/') + rel);
        const auto entries =
            dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        for (const QFileInfo &e : entries) {
            const QString name = rel.isEmpty() ? e.fileName() : rel + QLatin1Char('/') + e.fileName();
            if (isInternalName(e.fileName()))
                internal.append(name);
            else if (e.isDir() && !e.isSymLink())
                walk(root, name, files, internal);
            else
                files.insert(name, e.absoluteFilePath());
        }
    }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    void verifyFiles(const QString &id, Volume &v)
    {
        QMap<QString, QString> onDisk;
        QStringList internal;
        walk(v.path, QString(), onDisk, internal);
        for (auto it = v.files.begin(); it != v.files.end(); ++it) {
            const QString file = onDisk.take(it.key());
            const QByteArray content = file.isEmpty() ? QByteArray() : readFile(file);
            const QByteArray seen = file.isEmpty() ? kAbsent : hashOf(content);
            if (!it->contains(seen)) {
                const QString src = v.copyOf.value(it.key());
                const QByteArray whole =
                    src.isEmpty() ? QByteArray() : readFile(v.path + QLatin1Char('/') + src);
                if (!file.isEmpty() && !src.isEmpty() && content.size() < whole.size() &&
                    whole.startsWith(content)) {
                    partialCopies.append(QStringLiteral("%1/%2: %3 of %4 bytes of %5%6")
                                             .arg(id, it.key())
                                             .arg(content.size())
                                             .arg(whole.size())
                                             .arg(src, where()));
                } else {
                    QFAIL(qPrintable(
                        QStringLiteral("volume %1 file %2 is %3 (%4 bytes), acknowledged: %5")
                            .arg(id, it.key(),
                                 seen.isEmpty() ? QStringLiteral("absent") : QString::fromLatin1(seen))
                            .arg(content.size())
                            .arg(QString::fromLatin1(it->values().join(','))) +
                        where()));
                }
            }
            *it = {seen};
        }
        v.copyOf.clear();
        QVERIFY2(onDisk.isEmpty(), qPrintable(QStringLiteral("volume %1 holds files nobody wrote: ").arg(id) +
                                              onDisk.keys().join(QLatin1Char(' ')) + where()));
        for (const QString &folder : std::as_const(v.folders))
            QVERIFY2(QFileInfo(v.path + QLatin1Char('/') + folder).isDir(),
                     qPrintable(QStringLiteral("acknowledged folder %1 lost").arg(folder) + where()));
        // What the API lists at the root is what the disk holds there, minus the daemon's own names.
        const Reply r = env->get(QStringLiteral("/volumes/%1/files?path=").arg(id));
        QCOMPARE(r.status, 200);
        QStringList listed;
        for (const auto &f : r.json().value(QStringLiteral("files")).toArray())
            listed.append(f.toObject().value(QStringLiteral("name")).toString());
        QStringList disk =
            QDir(v.path).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        disk.erase(std::remove_if(disk.begin(), disk.end(), isInternalName), disk.end());
        listed.sort();
        disk.sort();
        QCOMPARE(listed, disk);
    }

    void verifyRenames()
    {
        for (const RenamePair &p : std::as_const(model.renames)) {
            if (!model.volumes.contains(p.volume))
                continue;
            const Volume &v = model.volumes[p.volume];
            const int holders = int(v.files.value(p.source).contains(p.hash)) +
                                int(v.files.value(p.destination).contains(p.hash));
            QVERIFY2(holders == 1, qPrintable(QStringLiteral("rename %1 -> %2 in %3: content under %4 names")
                                                  .arg(p.source, p.destination, p.volume)
                                                  .arg(holders) +
                                              where()));
        }
        model.renames.clear();
    }

    void note(QMap<QString, QString> &found, const QString &path) const
    {
        if (!found.contains(path))
            found.insert(path, where());
    }

    void scanLeftovers()
    {
        const QString root = env->daemon->dataDir() + QStringLiteral("/data/volumes");
        const QStringList top = QDir(root).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        for (const QString &name : top) {
            if (name.startsWith(QLatin1String(".trash-")) || name.startsWith(QLatin1String(".new-"))) {
                note(leftovers, QStringLiteral("volumes/") + name);
                continue;
            }
            if (name == QLatin1String(".orphaned")) { // where the start puts directories no record names
                for (const QString &o :
                     QDir(root + QStringLiteral("/.orphaned"))
                         .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot))
                    note(orphanDirs, QStringLiteral("volumes/.orphaned/") + o);
                continue;
            }
            if (name.startsWith(QLatin1Char('.')))
                continue; // .lightd-downloads: emptied at start by design
            if (!model.volumes.contains(name)) {
                note(orphanDirs, QStringLiteral("volumes/") + name);
                continue;
            }
            QMap<QString, QString> files;
            QStringList internal;
            walk(root + QLatin1Char('/') + name, QString(), files, internal);
            for (const QString &i : std::as_const(internal))
                note(leftovers, QStringLiteral("volumes/%1/%2").arg(name, i));
        }
    }

    void verifyTokens()
    {
        const Reply r = env->get(QStringLiteral("/auth/tokens"));
        QCOMPARE(r.status, 200);
        QSet<QString> listed;
        for (const auto &t : r.json().value(QStringLiteral("tokens")).toArray())
            listed.insert(t.toObject().value(QStringLiteral("id")).toString());
        for (auto it = model.tokens.begin(); it != model.tokens.end();) {
            const QByteArray seen = listed.contains(it.key()) ? kPresent : kAbsent;
            QVERIFY2(it->live.contains(seen),
                     qPrintable(QStringLiteral("token %1 %2 after it was acknowledged")
                                    .arg(it.key(),
                                         seen.isEmpty() ? QStringLiteral("lost") : QStringLiteral("back")) +
                                where()));
            listed.remove(it.key());
            if (seen.isEmpty()) {
                it = model.tokens.erase(it);
                continue;
            }
            it->live = {kPresent};
            if (!it->usedOnce) { // a new token authenticates after the restart
                QNetworkAccessManager nam;
                QNetworkRequest req(QUrl(env->daemon->url(QStringLiteral("/volumes"))));
                req.setRawHeader("Authorization", "Bearer " + it->secret);
                req.setRawHeader("Accept", "Application/vnd.pkglatv1+json");
                QNetworkReply *reply = nam.get(req);
                QVERIFY(waitUntil([&] { return reply->isFinished(); }));
                QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200,
                         qPrintable(QStringLiteral("acknowledged token %1 refused").arg(it.key()) + where()));
                delete reply;
                it->usedOnce = true;
            }
            ++it;
        }
        QVERIFY2(listed.size() <= model.unackedTokenCreates,
                 qPrintable(QStringLiteral("%1 unknown tokens").arg(listed.size()) + where()));
        for (const QString &id :
             std::as_const(listed)) { // from a create the kill cut off: its secret is unknown
            Token t;
            t.usedOnce = true;
            model.tokens.insert(id, t);
        }
        model.unackedTokenCreates = 0;
    }

    void verifyContainers()
    {
        const Reply r = env->get(QStringLiteral("/containers"));
        QCOMPARE(r.status, 200);
        QSet<QString> listed;
        for (const auto &c : r.json().value(QStringLiteral("containers")).toArray())
            listed.insert(c.toObject().value(QStringLiteral("internal_id")).toString());
        for (auto it = model.containers.begin(); it != model.containers.end();) {
            const QString id = it.key();
            const QByteArray seen = listed.contains(id) ? kPresent : kAbsent;
            QVERIFY2(
                it->exists.contains(seen),
                qPrintable(QStringLiteral("container %1 %2 after it was acknowledged")
                               .arg(id, seen.isEmpty() ? QStringLiteral("lost") : QStringLiteral("back")) +
                           where()));
            if (seen.isEmpty()) {
                const QString name = ApiCalls::dockerName(id);
                const bool gone = waitUntil([&] { return !dockerExists(name); }, 20000);
                if (!gone && !certain(it->exists)) {
                    // an interrupted delete whose engine container the start did not remove
                    note(orphanContainers, name);
                    docker({QStringLiteral("rm"), QStringLiteral("-f"), name});
                    it = model.containers.erase(it);
                    continue;
                }
                QVERIFY2(gone, qPrintable(QStringLiteral("engine still holds deleted container %1").arg(id) +
                                          where()));
                it = model.containers.erase(it);
                continue;
            }
            it->exists = {kPresent};
            // No state stays in between: the record settles, and then agrees with the engine.
            QString state;
            QString engine;
            const auto agree = [&] {
                state = env->state(id);
                engine = dockerStatus(ApiCalls::dockerName(id));
                return sameState(state, engine, true);
            };
            bool settled = waitUntil(agree, stuckStarting.contains(id) ? 0 : 5000);
            if (!settled && state == QLatin1String("starting") && engine == QLatin1String("running")) {
                // Known bug, see killedAtRandomPoints: adopted as `starting` with no pattern to end it.
                note(stuckStarting, id);
                it->lastState = state;
                ++it;
                continue;
            }
            settled = settled || waitUntil(agree, 25000);
            QVERIFY2(
                settled,
                qPrintable(QStringLiteral("container %1 is %2, the engine says '%3'").arg(id, state, engine) +
                           where()));
            it->lastState = state;
            ++it;
        }
        // The engine holds no server container of this run that the daemon has no record of.
        const QStringList names =
            QString::fromUtf8(docker({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"),
                                      QStringLiteral("{{.Names}}"), QStringLiteral("--filter"),
                                      QStringLiteral("name=lightd-") + env->id(QString())}))
                .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &n : names) {
            if (!n.startsWith(QLatin1String("lightd-")))
                continue;
            const QString id = n.mid(7);
            QVERIFY2(
                listed.contains(id) || waitUntil([&] { return !dockerExists(n); }, 20000),
                qPrintable(QStringLiteral("engine holds %1, the daemon has no record").arg(n) + where()));
        }
    }

    void verifyPorts()
    {
        const Reply r = env->get(QStringLiteral("/network/ports"));
        QCOMPARE(r.status, 200);
        const Reply cr = env->get(QStringLiteral("/containers"));
        QSet<QString> containerIds;
        for (const auto &c : cr.json().value(QStringLiteral("containers")).toArray())
            containerIds.insert(c.toObject().value(QStringLiteral("internal_id")).toString());
        QMap<int, QJsonObject> pool;
        for (const auto &p : r.json().value(QStringLiteral("ports")).toArray())
            pool.insert(p.toObject().value(QStringLiteral("port")).toInt(), p.toObject());
        for (auto it = pool.cbegin(); it != pool.cend(); ++it) {
            if (it->value(QStringLiteral("in_use")).toBool()) {
                const QString holder = it->value(QStringLiteral("container")).toString();
                QVERIFY2(containerIds.contains(holder),
                         qPrintable(QStringLiteral("port %1 in use by '%2', which does not exist")
                                        .arg(it.key())
                                        .arg(holder) +
                                    where()));
            }
        }
        for (auto it = model.containers.cbegin(); it != model.containers.cend(); ++it) {
            const QJsonObject entry = pool.value(it->port);
            QVERIFY2(
                entry.value(QStringLiteral("in_use")).toBool() &&
                    entry.value(QStringLiteral("container")).toString() == it.key(),
                qPrintable(QStringLiteral("container %1's port %2 is not marked as held by it: %3")
                               .arg(it.key())
                               .arg(it->port)
                               .arg(QString::fromUtf8(QJsonDocument(entry).toJson(QJsonDocument::Compact))) +
                           where()));
        }
        for (int p = kPortBase; p < kPortBase + kPortSpan; ++p) {
            const QByteArray seen = pool.contains(p) ? kPresent : kAbsent;
            const Fact f = model.ports.value(p, Fact{kAbsent});
            QVERIFY2(f.contains(seen),
                     qPrintable(QStringLiteral("pool port %1 %2 after it was acknowledged")
                                    .arg(p)
                                    .arg(seen.isEmpty() ? QStringLiteral("lost") : QStringLiteral("back")) +
                                where()));
            if (seen.isEmpty())
                model.ports.remove(p);
            else
                model.ports[p] = {kPresent};
        }
    }

    std::unique_ptr<ApiCalls> env;
    quint64 seed = 0;
    std::mt19937_64 rng;
    int points = 100;
    int maxDelayMs = 150;
    int iteration = 0;
    Model model;
    QSet<QString> locked;
    QByteArray archive;
    QMap<QString, QByteArray> archiveEntries; // name inside the archive -> content hash
    QList<int> containerPorts;
    int containerSerial = 0;
    int ackedTotal = 0;
    int unknownTotal = 0;
    int refusedTotal = 0;
    QMap<QString, std::array<int, 3>> perKind; // operation kind -> acknowledged, in flight, refused
    // Known-bug findings: path -> the first kill after which it was seen.
    QMap<QString, QString> leftovers;
    QStringList partialCopies;
    QMap<QString, QString> orphanDirs;
    QMap<QString, QString> orphanContainers; // engine containers left by an interrupted delete
    QMap<QString, QString> stuckStarting;    // container id -> the kill after which it stayed `starting`
};

QTEST_GUILESS_MAIN(TestCrashConsistency)
#include "tst_crash_consistency.moc"
