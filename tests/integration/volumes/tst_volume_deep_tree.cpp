// Issue 13 finding 6: trees nested deeper than any fixed limit must not escape the quota, and must
// be removable. A tar.gz with a 30 MB file at depth 150 extracted into a 50 MB volume is counted by
// the periodic walk (the second extraction is refused); 8 MB written by a container at depth 131 is
// counted; a 200-deep tree whose path is far beyond PATH_MAX is deleted by DELETE /volumes/:id/files
// and with its volume. Real daemon (quota walk every second), real Docker.
#include "../containers/ContainerTestUtil.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace lightd::test;
using namespace lightd::test::ct;

namespace {
QString S(const char *s)
{
    return QString::fromUtf8(s);
}

// A gzip'd tar holding one file of `mb` MiB (zeros) `depth` directories down.
QByteArray deepArchive(int depth, int mb)
{
    QProcess py;
    py.start(S("python3"), {S("-c"),
                            S("import io,sys,tarfile\n"
                              "d,mb=int(sys.argv[1]),int(sys.argv[2])\n"
                              "b=io.BytesIO()\n"
                              "with tarfile.open(fileobj=b,mode='w:gz') as t:\n"
                              "  i=tarfile.TarInfo('/'.join(['d']*d)+'/big.bin'); i.size=mb<<20\n"
                              "  t.addfile(i,io.BytesIO(bytes(i.size)))\n"
                              "sys.stdout.buffer.write(b.getvalue())\n"),
                            QString::number(depth), QString::number(mb)});
    py.waitForFinished(60000);
    return py.readAllStandardOutput();
}

// Makes `depth` nested directories with long names under dir (through descriptors: the path is
// longer than PATH_MAX) and a file of `bytes` at the bottom.
bool makeDeepTree(const QString &dir, int depth, qint64 bytes)
{
    int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY);
    const QByteArray name(60, 'n');
    for (int i = 0; i < depth && fd >= 0; ++i) {
        if (mkdirat(fd, name.constData(), 0755) != 0)
            return false;
        const int sub = openat(fd, name.constData(), O_RDONLY | O_DIRECTORY);
        ::close(fd);
        fd = sub;
    }
    if (fd < 0)
        return false;
    const int f = openat(fd, "leaf.bin", O_WRONLY | O_CREAT, 0644);
    const bool ok = f >= 0 && ftruncate(f, bytes) == 0;
    ::close(f);
    ::close(fd);
    return ok;
}
} // namespace

class TestVolumeDeepTree : public QObject
{
    Q_OBJECT

    std::unique_ptr<Env> m_env;

    double usedMb(const QString &volumeId)
    {
        return m_env->get(S("/volumes/%1/quota").arg(volumeId)).json().value(S("used_mb")).toDouble();
    }

  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        m_env = std::make_unique<Env>(S("deep"),
                                      QJsonObject{{S("volumes"), QJsonObject{{S("quota_check_s"), 1}}}});
        QVERIFY(m_env->started);
    }

    void deepArchiveStaysCounted()
    {
        Env &env = *m_env;
        const Reply v = env.post(S("/volumes"), {{S("size_mb"), 50}});
        QCOMPARE(v.status, 201);
        const QString vol = v.json().value(S("volume_id")).toString();
        const QString path = v.json().value(S("path")).toString();
        const QByteArray archive = deepArchive(150, 30);
        QVERIFY(archive.size() > 1000);
        QCOMPARE(env.callRaw("PUT", S("/volumes/%1/files/content?path=deep.tar.gz").arg(vol), archive).status,
                 200);
        const Reply first = env.post(S("/volumes/%1/decompress").arg(vol),
                                     {{S("archive_path"), S("deep.tar.gz")}, {S("destination"), S("one")}});
        QCOMPARE(first.status, 200);
        QVERIFY(usedMb(vol) >= 30.0);

        // A 2 MiB file written on the host: once a walk has counted it, the walk has run since the
        // extraction, and it must still count the 30 MiB at depth 150.
        QFile marker(path + S("/marker.bin"));
        QVERIFY(marker.open(QIODevice::WriteOnly) && marker.resize(2 << 20));
        marker.close();
        QVERIFY2(waitUntil([&] { return usedMb(vol) >= 32.0; }, 15000),
                 qPrintable(S("used_mb after the walk: %1").arg(usedMb(vol))));

        const Reply second = env.post(S("/volumes/%1/decompress").arg(vol),
                                      {{S("archive_path"), S("deep.tar.gz")}, {S("destination"), S("two")}});
        QCOMPARE(second.status, 507);
        QCOMPARE(second.code(), S("quota_exceeded"));
    }

    void containerWriteAtDepth131IsCounted()
    {
        Env &env = *m_env;
        const QString vol = env.createVolume();
        QVERIFY(!vol.isEmpty());
        const QString id = env.id(S("writer"));
        const QString cmd = S("bash -c 'p=.; for i in $(seq 131); do p=$p/d; done; mkdir -p $p; "
                              "dd if=/dev/zero of=$p/f.bin bs=65536 count=128; echo filled; sleep 3600'");
        QVERIFY(env.createReady(id, vol, cmd));
        QCOMPARE(env.power(id, S("start")).status, 202);
        QVERIFY(env.waitLog(id, S("filled"), 30000));
        QVERIFY2(waitUntil([&] { return usedMb(vol) >= 8.0; }, 15000),
                 qPrintable(S("used_mb: %1").arg(usedMb(vol))));
        env.call("DELETE", S("/containers/") + id);
    }

    void deleteRemovesAnyTree()
    {
        Env &env = *m_env;
        QString path;
        const QString vol = env.createVolume(&path);
        QVERIFY(QDir(path).mkdir(S("top")));
        QVERIFY(makeDeepTree(path + S("/top"), 200, 1 << 20));
        const Reply del = env.call("DELETE", S("/volumes/%1/files?path=top").arg(vol));
        QCOMPARE(del.status, 200);
        QVERIFY(!QFileInfo::exists(path + S("/top")));

        // The whole volume too, its tree removed in the background.
        QVERIFY(makeDeepTree(path, 200, 1 << 20));
        QCOMPARE(env.call("DELETE", S("/volumes/") + vol).status, 200);
        const QString volumesDir = QFileInfo(path).absolutePath();
        QVERIFY2(waitUntil(
                     [&] {
                         return QDir(volumesDir)
                             .entryList({S("*") + vol}, QDir::AllEntries | QDir::Hidden)
                             .isEmpty();
                     },
                     15000),
                 "the volume's deep tree was not removed");
    }

    void cleanupTestCase() { m_env.reset(); }
};

QTEST_GUILESS_MAIN(TestVolumeDeepTree)
#include "tst_volume_deep_tree.moc"
