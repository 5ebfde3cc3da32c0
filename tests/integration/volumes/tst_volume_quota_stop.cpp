// A container that fills its volume past the quota is stopped (API.md section 4): the periodic usage
// walk (volumes.quota_check_s) notices, the daemon stops the running containers of that volume and
// says why on their console; a container whose volume stays within its quota keeps running.
// Real daemon, real Docker, image lightd-test:busybox.
#include "../containers/ContainerTestUtil.h"

using namespace lightd::test;
using namespace lightd::test::ct;

namespace {
QString S(const char *s)
{
    return QString::fromUtf8(s);
}

// Writes `mb` MiB into the volume (the working dir) with busybox dd, then idles.
QString fillCommand(int mb)
{
    return S("bash -c 'echo booting; dd if=/dev/zero of=fill.bin bs=65536 count=%1; echo filled; sleep 3600'")
        .arg(mb * 16);
}
} // namespace

class TestVolumeQuotaStop : public QObject
{
    Q_OBJECT

    std::unique_ptr<Env> m_env;

    // POST /volumes {"size_mb"}; returns the id.
    QString quotaVolume(int sizeMb)
    {
        const Reply r = m_env->post(S("/volumes"), {{S("size_mb"), sizeMb}});
        if (r.status != 201)
            qWarning("POST /volumes: %s", qPrintable(r.dump()));
        return r.json().value(S("volume_id")).toString();
    }
    QJsonObject quota(const QString &volumeId)
    {
        return m_env->get(S("/volumes/%1/quota").arg(volumeId)).json();
    }

  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        m_env =
            std::make_unique<Env>(S("vq"), QJsonObject{{S("volumes"), QJsonObject{{S("quota_check_s"), 1}}}});
        QVERIFY(m_env->started);
    }

    void containerOverQuotaIsStopped()
    {
        Env &env = *m_env;
        const QString fullVol = quotaVolume(2);  // the filler writes 4 MiB into 2
        const QString roomyVol = quotaVolume(8); // the neighbour writes 1 MiB into 8
        QVERIFY(!fullVol.isEmpty() && !roomyVol.isEmpty());
        const QString filler = env.id(S("filler")), neighbour = env.id(S("neighbour"));
        QVERIFY(env.createReady(filler, fullVol, fillCommand(4)));
        QVERIFY(env.createReady(neighbour, roomyVol, fillCommand(1)));

        Viewer fillerViewer(env.wsUrl(filler)), neighbourViewer(env.wsUrl(neighbour));
        QVERIFY(fillerViewer.waitConnected());
        QVERIFY(neighbourViewer.waitConnected());
        QCOMPARE(env.power(filler, S("start")).status, 202);
        QCOMPARE(env.power(neighbour, S("start")).status, 202);
        QVERIFY(env.waitLog(neighbour, S("filled"), 30000));

        // Stopped means back to `ready` (installed, not running), and the engine agrees.
        QVERIFY(env.waitState(filler, S("ready"), 30000));
        QCOMPARE(dockerStatus(Env::dockerName(filler)), S("exited"));
        QVERIFY2(env.logsContain(filler, S("filled")), "the container wrote its file before it was stopped");

        // Why, on the container's console and in the daemon's log.
        QVERIFY2(waitUntil(
                     [&] {
                         for (const QString &m : fillerViewer.data(S("daemon_message")))
                             if (m.contains(S("quota"), Qt::CaseInsensitive))
                                 return true;
                         return false;
                     },
                     5000),
                 qPrintable(fillerViewer.data(S("daemon_message")).join(S(" | "))));
        QVERIFY2(env.daemon->log().contains(filler.toUtf8() + " stopped: volume " + fullVol.toUtf8()),
                 env.daemon->log().right(3000).constData());
        const QJsonObject q = quota(fullVol);
        QVERIFY2(q.value(S("used_mb")).toDouble() > 2.0,
                 QJsonDocument(q).toJson(QJsonDocument::Compact).constData());

        // The walk that caught the filler saw the neighbour's 1 MiB too, and left it running.
        QVERIFY(waitUntil([&] { return quota(roomyVol).value(S("used_mb")).toDouble() >= 1.0; }, 10000));
        QCOMPARE(env.state(neighbour), S("running"));
        QCOMPARE(dockerStatus(Env::dockerName(neighbour)), S("running"));
        for (const QString &m : neighbourViewer.data(S("daemon_message")))
            QVERIFY2(!m.contains(S("quota"), Qt::CaseInsensitive), qPrintable(m));
    }

    void startedAgainOverQuotaIsStoppedAgain()
    {
        // The volume is still over its quota: a new start is stopped by the next walk as well.
        Env &env = *m_env;
        const QString filler = env.id(S("filler"));
        const QByteArray stopLine = filler.toUtf8() + " stopped: volume";
        QCOMPARE(env.daemon->log().count(stopLine), 1);
        QCOMPARE(env.state(filler), S("ready"));
        QCOMPARE(env.power(filler, S("start")).status, 202);
        QVERIFY(waitUntil([&] { return env.daemon->log().count(stopLine) == 2; }, 30000));
        QVERIFY(env.waitState(filler, S("ready"), 30000));
        QCOMPARE(dockerStatus(Env::dockerName(filler)), S("exited"));
    }

    void cleanupTestCase()
    {
        if (!m_env)
            return;
        for (const char *name : {"filler", "neighbour"})
            m_env->call("DELETE", S("/containers/") + m_env->id(S(name)));
        m_env.reset();
    }
};

QTEST_GUILESS_MAIN(TestVolumeQuotaStop)
#include "tst_volume_quota_stop.moc"
