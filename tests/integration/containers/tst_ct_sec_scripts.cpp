// Issue 13, critical 1: a container must never make the root daemon write a host file. The scripts
// directory (/app/data) is read-only inside every container, and the daemon writes it through
// descriptors: a link there (planted by a container, or by an earlier version's container that had it
// read-write) or in place of the directory itself is replaced, never followed — on every route that
// rewrites the scripts (startup, start-pattern, volumes, resources, reinstall, install).
#include "ContainerTestUtil.h"

#include <QFileInfo>
#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ct;

namespace {
QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestContainerScriptLinks : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        env = std::make_unique<Env>(QStringLiteral("secsc"));
        QVERIFY(env->started);
        QVERIFY(victims.isValid());
    }
    void cleanupTestCase() { env.reset(); }

    // The repro and its variants: the container itself tries to link its scripts to host files.
    void containerCannotRedirectScriptWrites()
    {
        const QString vol = env->createVolume();
        const QString id = env->id(QStringLiteral("inside"));
        const QString victim = victims.filePath(QStringLiteral("from-inside"));
        const QString cmd = QStringLiteral("bash -c 'touch /app/data/probe 2>/dev/null; "
                                           "for f in startup entrypoint install; do "
                                           "ln -sf %1-$f /app/data/$f.sh 2>/dev/null; done; "
                                           "ln -sfn %2 /app/data/dir 2>/dev/null; echo linked; sleep 1000'")
                                .arg(victim, victims.path());
        QVERIFY(env->createReady(
            id, vol, cmd,
            {{QStringLiteral("install_script"), QStringLiteral("ln -sf %1-install-time /app/data/startup.sh; "
                                                               "touch /app/data/probe-install; true")
                                                    .arg(victim)}}));
        QVERIFY(!QFileInfo::exists(dataDir(id) + QStringLiteral("/probe-install")));
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitLog(id, QStringLiteral("linked")));
        // /app/data is read-only inside: nothing was made there
        QVERIFY(!QFileInfo::exists(dataDir(id) + QStringLiteral("/probe")));
        QVERIFY(!QFileInfo(dataDir(id) + QStringLiteral("/startup.sh")).isSymLink());

        touchEveryRoute(id);
        QVERIFY2(QDir(victims.path()).isEmpty(),
                 qPrintable(QDir(victims.path())
                                .entryList(QDir::NoDotAndDotDot | QDir::AllEntries)
                                .join(QLatin1Char(' '))));
        QCOMPARE(readFile(dataDir(id) + QStringLiteral("/startup.sh")), QByteArray("echo after-startup\n"));
    }

    // A link left in the scripts directory (a container of an earlier version had it read-write) is
    // replaced by the new script, never written through.
    void plantedLinksAreReplacedNotFollowed()
    {
        const QString vol = env->createVolume();
        const QString id = env->id(QStringLiteral("planted"));
        QVERIFY(env->createReady(id, vol, echoLoop()));
        const QString victim = victims.filePath(QStringLiteral("planted"));
        for (const char *f : {"startup", "entrypoint", "install"}) {
            const QString link = dataDir(id) + QStringLiteral("/%1.sh").arg(QLatin1StringView(f));
            QFile::remove(link);
            QVERIFY(QFile::link(victim + QLatin1Char('-') + QLatin1StringView(f), link));
        }
        touchEveryRoute(id);
        QVERIFY(QDir(victims.path()).isEmpty());
        for (const char *f : {"startup", "entrypoint", "install"}) {
            const QFileInfo fi(dataDir(id) + QStringLiteral("/%1.sh").arg(QLatin1StringView(f)));
            QVERIFY(fi.isFile() && !fi.isSymLink());
        }
        QCOMPARE(readFile(dataDir(id) + QStringLiteral("/startup.sh")), QByteArray("echo after-startup\n"));
        // and the container still runs from its scripts
        QCOMPARE(env->power(id, QStringLiteral("start")).status, 202);
        QVERIFY(env->waitLog(id, QStringLiteral("after-startup")));
    }

    // The scripts directory itself swapped for a link to a host directory: nothing lands there.
    void linkedScriptsDirectoryIsNotFollowed()
    {
        const QString vol = env->createVolume();
        const QString id = env->id(QStringLiteral("dirlink"));
        QVERIFY(env->createReady(id, vol, echoLoop()));
        const QString target = victims.filePath(QStringLiteral("dir"));
        QVERIFY(QDir().mkpath(target));
        QVERIFY(QDir(dataDir(id)).removeRecursively());
        QVERIFY(QFile::link(target, dataDir(id)));
        const Reply r = env->post(QStringLiteral("/containers/%1/startup").arg(id),
                                  {{QStringLiteral("startup_command"), QStringLiteral("echo dirlink")}});
        QCOMPARE(r.status, 200);
        QVERIFY2(QDir(target).isEmpty(),
                 qPrintable(
                     QDir(target).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).join(QLatin1Char(' '))));
        QVERIFY(!QFileInfo(dataDir(id)).isSymLink());
        QCOMPARE(readFile(dataDir(id) + QStringLiteral("/startup.sh")), QByteArray("echo dirlink\n"));
        QVERIFY(QDir(target).removeRecursively());
        // delete removes the real directory, never what a link would point to
        QVERIFY(QDir().mkpath(target));
        QFile marker(target + QStringLiteral("/keep"));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.close();
        QVERIFY(QDir(dataDir(id)).removeRecursively());
        QVERIFY(QFile::link(target, dataDir(id)));
        QCOMPARE(env->call("DELETE", QStringLiteral("/containers/") + id).status, 200);
        QVERIFY(QFileInfo::exists(target + QStringLiteral("/keep")));
        QVERIFY(!QFileInfo(dataDir(id)).exists() && !QFileInfo(dataDir(id)).isSymLink());
        QVERIFY(QDir(target).removeRecursively());
    }

  private:
    QString dataDir(const QString &id) const
    {
        return env->daemon->dataDir() + QStringLiteral("/data/containers/") + id;
    }

    // Every route that rewrites the scripts, ending with the startup command "echo after-startup".
    void touchEveryRoute(const QString &id)
    {
        const QString base = QStringLiteral("/containers/") + id;
        Reply r = env->post(base + QStringLiteral("/start-pattern"),
                            {{QStringLiteral("start_pattern"), QStringLiteral("never-matches")}});
        QCOMPARE(r.status, 200);
        r = env->post(base + QStringLiteral("/volumes"), {{QStringLiteral("volumes"), QJsonObject()}});
        QCOMPARE(r.status, 200);
        if (!env->record(id).value(QStringLiteral("container_id")).toString().isEmpty()) {
            r = env->post(base + QStringLiteral("/resources"),
                          {{QStringLiteral("memory"), 64 * 1024 * 1024}});
            QCOMPARE(r.status, 200);
        }
        r = env->post(base + QStringLiteral("/start-pattern"),
                      {{QStringLiteral("start_pattern"), QJsonValue()}});
        QCOMPARE(r.status, 200);
        r = env->post(base + QStringLiteral("/reinstall"));
        QCOMPARE(r.status, 202);
        QVERIFY(env->waitState(id, QStringLiteral("ready"), 60000));
        r = env->post(base + QStringLiteral("/startup"),
                      {{QStringLiteral("startup_command"), QStringLiteral("echo after-startup")}});
        QCOMPARE(r.status, 200);
    }

    std::unique_ptr<Env> env;
    QTemporaryDir victims;
};

QTEST_MAIN(TestContainerScriptLinks)
#include "tst_ct_sec_scripts.moc"
