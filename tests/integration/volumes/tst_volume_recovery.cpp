// What a kill -9 can leave in the volumes directory is put right at the next start (issue 20,
// volumes/VolumeRecovery): a create or delete cut short is completed or undone as the record says,
// stray staging names are removed, a directory no record names is moved to .orphaned/ (never
// deleted), and temp/staging names inside volumes are removed without following a tenant's links.
#include "ApiCalls.h"
#include "Await.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace lightd::test;

namespace {
bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}
} // namespace

class TestVolumeRecovery : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void leftoversOfAKillArePutRight()
    {
        ApiCalls api(QStringLiteral("vrec"), {});
        QVERIFY(api.startDaemon(false));
        QString pathA, pathB, pathKeep;
        const QString a = api.createVolume(&pathA);       // its delete will look cut short
        const QString b = api.createVolume(&pathB);       // its create will look cut short
        const QString keep = api.createVolume(&pathKeep); // holds temp names and a tenant's links
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !keep.isEmpty());
        QVERIFY(writeFile(pathA + QStringLiteral("/a.txt"), "data of a"));
        QVERIFY(writeFile(pathB + QStringLiteral("/b.txt"), "data of b"));
        QVERIFY(QDir(pathKeep).mkpath(QStringLiteral("sub/.lightd-extract-77/deep")));
        QVERIFY(writeFile(pathKeep + QStringLiteral("/data.txt"), "kept"));
        QVERIFY(writeFile(pathKeep + QStringLiteral("/sub/.lightd-tmp-1234"), "half an upload"));
        QVERIFY(writeFile(pathKeep + QStringLiteral("/sub/.lightd-extract-77/deep/x"), "half an archive"));
        // a tenant's links: one named like a temp file, one to a directory outside holding one
        QTemporaryDir outside;
        QVERIFY(writeFile(outside.filePath(QStringLiteral(".lightd-tmp-outside")), "not the volume's"));
        QVERIFY(QFile::link(outside.filePath(QStringLiteral(".lightd-tmp-outside")),
                            pathKeep + QStringLiteral("/.lightd-tmp-link")));
        QVERIFY(QFile::link(outside.path(), pathKeep + QStringLiteral("/escape")));

        api.daemon->kill();
        const QString root = QFileInfo(pathA).absolutePath();
        QDir r(root);
        QVERIFY(r.rename(a, QStringLiteral(".trash-") + a));     // killed between the rename and the record
        QVERIFY(r.rename(b, QStringLiteral(".new-") + b));       // killed between the record and the rename
        QVERIFY(r.mkpath(QStringLiteral(".trash-gone/tree")));   // a delete whose record went: remove
        QVERIFY(r.mkpath(QStringLiteral(".new-neverrecorded"))); // a create killed before its record
        QVERIFY(r.mkpath(QStringLiteral("stray")));              // no record names it
        QVERIFY(writeFile(root + QStringLiteral("/stray/someones.dat"), "maybe someone's data"));
        QVERIFY(api.startDaemon(false));
        QVERIFY2(waitUntil([&] { return api.daemon->log().contains("start-up sweep done"); }, 20000),
                 api.daemon->log().right(2000).constData());
        qInfo(
            "%s",
            api.daemon->log().mid(api.daemon->log().lastIndexOf("volumes: start-up")).left(200).constData());

        // the record decides: both volumes are back under their names, with their data
        QCOMPARE(QFile(pathA + QStringLiteral("/a.txt")).exists(), true);
        QCOMPARE(QFile(pathB + QStringLiteral("/b.txt")).exists(), true);
        QStringList listed;
        for (const auto &v :
             api.get(QStringLiteral("/volumes")).json().value(QStringLiteral("volumes")).toArray())
            listed.append(v.toObject().value(QStringLiteral("volume_id")).toString());
        QVERIFY2(listed.contains(a) && listed.contains(b) && listed.contains(keep),
                 qPrintable(listed.join(QLatin1Char(' '))));
        // stray staging names are gone; the unnamed directory is kept aside, data and all
        const QStringList top = r.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        for (const QString &name : top)
            QVERIFY2(!name.startsWith(QLatin1String(".trash-")) && !name.startsWith(QLatin1String(".new-")) &&
                         name != QLatin1String("stray"),
                     qPrintable(top.join(QLatin1Char(' '))));
        QCOMPARE(QFile(root + QStringLiteral("/.orphaned/stray/someones.dat")).exists(), true);
        // temp and staging names inside the volume are gone, nothing else is
        QCOMPARE(QFile(pathKeep + QStringLiteral("/sub/.lightd-tmp-1234")).exists(), false);
        QCOMPARE(QDir(pathKeep + QStringLiteral("/sub/.lightd-extract-77")).exists(), false);
        QCOMPARE(QFileInfo(pathKeep + QStringLiteral("/.lightd-tmp-link")).isSymLink(), false); // the link...
        QCOMPARE(QFile(outside.filePath(QStringLiteral(".lightd-tmp-outside"))).exists(),
                 true);                                                              // ...not its target
        QCOMPARE(QFileInfo(pathKeep + QStringLiteral("/escape")).isSymLink(), true); // never followed
        QCOMPARE(QFile(pathKeep + QStringLiteral("/data.txt")).exists(), true);
        QCOMPARE(QDir(pathKeep + QStringLiteral("/sub")).exists(), true);
    }
};

QTEST_GUILESS_MAIN(TestVolumeRecovery)
#include "tst_volume_recovery.moc"
