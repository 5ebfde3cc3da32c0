// Issue 18, container side: what panels written for the earlier daemon send and read. Port entries
// of a record carry both shapes (ip/port and host_port/container_port); 25565/tcp and 25565/udp bound
// together; GET /containers/:id/status, GET /containers/:id/validate (record vs engine) and
// POST /containers/:id/repair; the resources update answers the contract's keys only, driven by the
// upstream docs' own curl line. Real daemon, real Docker, image lightd-test:busybox.
#include "ContainerTestUtil.h"

using namespace lightd::test;
using namespace lightd::test::ct;

namespace {
QString S(const char *s)
{
    return QString::fromUtf8(s);
}

// The upstream docs' curl line (continuations joined) containing `marker` and not `without`.
QString upstreamLine(const char *page, const char *marker, const char *without)
{
    QFile f(sourceDir() + S("/../shared/reference/upstream-docs/") + S(page));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines[i].startsWith(S("curl ")))
            continue;
        QString cmd = lines[i];
        while (i + 1 < lines.size() &&
               (cmd.endsWith(QLatin1Char('\\')) || cmd.count(QLatin1Char('\'')) % 2 == 1))
            cmd += QLatin1Char('\n') + lines[++i];
        if (cmd.contains(S(marker)) && !cmd.contains(S(without)))
            return cmd;
    }
    return {};
}
} // namespace

class TestCtCompat : public QObject
{
    Q_OBJECT

    std::unique_ptr<Env> m_env;
    QString m_id;
    int m_port = 0;

    QJsonObject validate() { return m_env->get(S("/containers/%1/validate").arg(m_id)).json(); }

  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        m_env = std::make_unique<Env>(S("compat"));
        QVERIFY(m_env->started);
        m_id = m_env->id(S("srv"));
        m_port = freePort();
    }

    // 25565/tcp and 25565/udp together, given in both entry shapes; each record entry carries both.
    void tcpAndUdpBoundTogether()
    {
        Env &env = *m_env;
        for (const char *proto : {"tcp", "udp"})
            QCOMPARE(env.post(S("/network/ports"),
                              {{S("ip"), S("0.0.0.0")}, {S("port"), m_port}, {S("protocol"), S(proto)}})
                         .status,
                     201);
        const QString vol = env.createVolume();
        const QJsonArray ports{
            QJsonObject{{S("container_port"), m_port}, {S("host_port"), m_port}, {S("protocol"), S("tcp")}},
            QJsonObject{{S("ip"), S("0.0.0.0")}, {S("port"), m_port}, {S("protocol"), S("udp")}}};
        QVERIFY(env.createReady(m_id, vol, echoLoop(), {{S("ports"), ports}}));
        const QJsonArray rec = env.record(m_id).value(S("ports")).toArray();
        QCOMPARE(rec.size(), 2);
        for (const auto &v : rec) {
            const QJsonObject p = v.toObject();
            QCOMPARE(p.value(S("ip")).toString(), S("0.0.0.0"));
            QCOMPARE(p.value(S("port")).toInt(), m_port);
            QCOMPARE(p.value(S("host_port")).toInt(), m_port);
            QCOMPARE(p.value(S("container_port")).toInt(), m_port);
        }
        int held = 0;
        for (const auto &v : env.get(S("/network/ports")).json().value(S("ports")).toArray()) {
            const QJsonObject p = v.toObject();
            if (p.value(S("port")).toInt() == m_port && p.value(S("in_use")).toBool() &&
                p.value(S("container")).toString() == m_id)
                ++held;
        }
        QCOMPARE(held, 2);
        const QJsonObject bindings = dockerInspect(Env::dockerName(m_id))
                                         .value(S("HostConfig"))
                                         .toObject()
                                         .value(S("PortBindings"))
                                         .toObject();
        QVERIFY2(bindings.contains(S("%1/tcp").arg(m_port)) && bindings.contains(S("%1/udp").arg(m_port)),
                 QJsonDocument(bindings).toJson(QJsonDocument::Compact).constData());
    }

    void status()
    {
        const Reply r = m_env->get(S("/containers/%1/status").arg(m_id));
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QStringList keys = o.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{S("container_id"), S("error"), S("install_state"), S("internal_id"),
                                    S("is_healthy"), S("is_installing")}));
        QCOMPARE(o.value(S("internal_id")).toString(), m_id);
        QCOMPARE(o.value(S("install_state")).toString(), S("ready"));
        QCOMPARE(o.value(S("is_installing")).toBool(), false);
        QCOMPARE(o.value(S("is_healthy")).toBool(), true);
        QCOMPARE(o.value(S("container_id")).toString(),
                 m_env->record(m_id).value(S("container_id")).toString());
        QVERIFY(o.value(S("error")).isNull());
        QCOMPARE(m_env->get(S("/containers/nope-compat/status")).code(), S("container_not_found"));
    }

    // validate compares the record with the engine; repair recreates the container from the record.
    void validateAndRepair()
    {
        Env &env = *m_env;
        QJsonObject v = validate();
        QVERIFY2(v.value(S("valid")).toBool(), QJsonDocument(v).toJson().constData());
        QCOMPARE(v.value(S("issues")).toArray().size(), 0);

        // Someone changes the container behind the daemon's back.
        int code = -1;
        docker({S("update"), S("--memory"), S("64m"), S("--memory-swap"), S("64m"), Env::dockerName(m_id)},
               &code);
        QCOMPARE(code, 0);
        v = validate();
        QCOMPARE(v.value(S("valid")).toBool(), false);
        QVERIFY2(v.value(S("issues")).toArray().first().toString().startsWith(S("limits")),
                 QJsonDocument(v).toJson().constData());

        const Reply repair = env.post(S("/containers/%1/repair").arg(m_id));
        QCOMPARE(repair.status, 202);
        QCOMPARE(repair.json().value(S("internal_id")).toString(), m_id);
        QVERIFY(waitUntil(
            [&] { return env.state(m_id) == S("ready") && validate().value(S("valid")).toBool(); }, 30000));
        QCOMPARE(dockerInspect(Env::dockerName(m_id))
                     .value(S("HostConfig"))
                     .toObject()
                     .value(S("Memory"))
                     .toInteger(),
                 0);
        // it still runs
        QCOMPARE(env.power(m_id, S("start")).status, 202);
        QVERIFY(env.waitState(m_id, S("running")));
    }

    // The upstream docs' resources line; the answer's limits use the contract's names only.
    void resourcesAnswerContractKeys()
    {
        QString line =
            upstreamLine("container-updates.mdx", "\"memory_swap\": 1073741824", "memory_reservation");
        QVERIFY(!line.isEmpty());
        line.replace(S("http://localhost:8070"), m_env->baseUrl()).replace(S("lightd_token"), m_env->token());
        line.replace(S("/containers/my-container/"), S("/containers/%1/").arg(m_id));
        QByteArray out;
        QCOMPARE(run(S("/bin/sh"), {S("-c"), line + S(" -s")}, &out), 0);
        const QJsonObject o = QJsonDocument::fromJson(out).object();
        QCOMPARE(o.value(S("message")).toString(), S("Resources updated"));
        const QJsonObject limits = o.value(S("limits")).toObject();
        const QStringList contract{S("memory"),      S("memory_swap"),  S("memory_reservation"),
                                   S("cpu_shares"),  S("cpu_period"),   S("cpu_quota"),
                                   S("cpuset_cpus"), S("blkio_weight"), S("cpu")};
        for (const QString &k : limits.keys())
            QVERIFY2(contract.contains(k),
                     qPrintable(S("not a contract key: ") + k + S(" in ") + QString::fromUtf8(out)));
        QCOMPARE(limits.value(S("memory")).toInteger(), 536870912);
        QCOMPARE(limits.value(S("memory_swap")).toInteger(), 1073741824);
        QVERIFY(limits.contains(S("cpu")));
    }

    void cleanupTestCase()
    {
        if (m_env)
            m_env->call("DELETE", S("/containers/") + m_id);
        m_env.reset();
    }
};

QTEST_GUILESS_MAIN(TestCtCompat)
#include "tst_ct_compat.moc"
