// Every file route of API.md section 4 against the real daemon: happy paths, errors, the traversal
// battery on every path-taking route, malicious archives, quotas and upload limits. After each test
// nothing outside the volume may have changed: a canary (content, mtime) and the exact set of names
// in a directory beside the volumes, plus a neighbour volume.
#include "Await.h"
#include "Curl.h"
#include "DaemonProcess.h"

#include <cmath>

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>
#include <sys/stat.h>
#include <unistd.h>

using namespace lightd::test;

namespace {
QStringList treeOf(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next().mid(dir.size());
    out.sort();
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(data);
}

QString enc(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString S(const char *s)
{
    return QString::fromUtf8(s);
}
} // namespace

class TestVolumeFiles : public QObject
{
    Q_OBJECT

  private:
    std::unique_ptr<DaemonProcess> m_daemon;
    QString m_vol, m_volPath, m_neighbour, m_neighbourPath, m_outside, m_canary;
    QStringList m_outsideTree, m_neighbourTree;
    qint64 m_canaryMtimeNs = 0;

    CurlResult call(const char *method, const QString &path, const QByteArray &body = {},
                    QStringList extra = {})
    {
        QStringList args = m_daemon->authArgs();
        args << QStringLiteral("-X") << QString::fromLatin1(method) << extra;
        if (!body.isEmpty())
            args << QStringLiteral("-H") << QStringLiteral("Content-Type: application/json")
                 << QStringLiteral("--data-binary") << QStringLiteral("@-");
        args << m_daemon->url(path);
        return curl(args, body);
    }
    CurlResult post(const QString &route, const QJsonObject &o)
    {
        return call("POST", vpath(route), json(o));
    }
    QString vpath(const QString &tail, const QString &vol = {}) const
    {
        return QStringLiteral("/volumes/") + (vol.isEmpty() ? m_vol : vol) + tail;
    }
    CurlResult upload(const QString &path, const QString &file)
    {
        return call("PUT", vpath(QStringLiteral("/files/content?path=") + enc(path)), {},
                    {QStringLiteral("-H"), QStringLiteral("Content-Type: application/octet-stream"),
                     QStringLiteral("--data-binary"), QStringLiteral("@") + file});
    }
    QString in(const QString &rel) const { return m_volPath + QLatin1Char('/') + rel; }
    QString createVolume(std::optional<int> sizeMb, QString *path)
    {
        const auto r = call("POST", QStringLiteral("/volumes"),
                            sizeMb ? json({{QStringLiteral("size_mb"), *sizeMb}}) : QByteArray());
        *path = r.json().value(QStringLiteral("path")).toString();
        return r.json().value(QStringLiteral("volume_id")).toString();
    }
    qint64 canaryMtime() const
    {
        struct stat st
        {
        };
        ::stat(QFile::encodeName(m_canary).constData(), &st);
        return qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    }
    // Builds an archive with python's zipfile/tarfile; `script` fills `out` (the archive path).
    QString makeArchive(const QString &name, const QString &script)
    {
        const QString out = m_daemon->dataDir() + QStringLiteral("/archives/") + name;
        QDir().mkpath(QFileInfo(out).path());
        QProcess p;
        p.start(QStringLiteral("python3"),
                {QStringLiteral("-c"),
                 QStringLiteral("import zipfile, tarfile, io, sys\nout = sys.argv[1]\n") + script, out});
        if (!p.waitForFinished(30000) || p.exitCode() != 0)
            qWarning("python failed: %s", p.readAllStandardError().constData());
        return out;
    }
    void plant(const QString &archive, const QString &nameInVolume)
    {
        QFile::remove(in(nameInVolume));
        QVERIFY(QFile::copy(archive, in(nameInVolume)));
    }
    void expectRefused(const CurlResult &r, int status, const char *code, const QByteArray &what)
    {
        QVERIFY2(r.status == status &&
                     r.json().value(QStringLiteral("code")).toString() == QLatin1StringView(code),
                 (QByteArray(what) + " -> " + QByteArray::number(r.status) + " " + r.body).constData());
    }

  private Q_SLOTS:
    void initTestCase()
    {
        m_daemon = std::make_unique<DaemonProcess>(QJsonObject{
            {QStringLiteral("sftp"),
             QJsonObject{{QStringLiteral("enabled"), false}, {QStringLiteral("port"), 2022}}},
            {QStringLiteral("files"), QJsonObject{{QStringLiteral("upload_limit_mb"), 4}}},
            {QStringLiteral("volumes"), QJsonObject{{QStringLiteral("quota_check_s"), 1}}},
        });
        QVERIFY(m_daemon->start());
        m_vol = createVolume(std::nullopt, &m_volPath);
        QVERIFY(!m_vol.isEmpty() && QFileInfo(m_volPath).isDir());
        m_neighbour = createVolume(std::nullopt, &m_neighbourPath);
        writeFile(m_neighbourPath + QStringLiteral("/private.txt"), "neighbour");
        m_outside = m_daemon->dataDir() + QStringLiteral("/outside");
        m_canary = m_outside + QStringLiteral("/canary.txt");
        writeFile(m_canary, "canary");
        writeFile(m_outside + QStringLiteral("/secret/passwd"), "root:x:0:0");
        m_canaryMtimeNs = canaryMtime();
        m_outsideTree = treeOf(m_outside);
        m_neighbourTree = treeOf(m_neighbourPath);
    }

    void cleanupTestCase() { m_daemon.reset(); }

    void cleanup()
    {
        QCOMPARE(readAll(m_canary), QByteArray("canary"));
        QCOMPARE(canaryMtime(), m_canaryMtimeNs);
        QCOMPARE(treeOf(m_outside), m_outsideTree);
        QCOMPARE(treeOf(m_neighbourPath), m_neighbourTree);
        QCOMPARE(readAll(m_neighbourPath + QStringLiteral("/private.txt")), QByteArray("neighbour"));
        // No temp or staging files left behind in the volume.
        for (const QString &n : treeOf(m_volPath))
            QVERIFY2(!n.contains(QStringLiteral(".lightd-")), qPrintable(n));
        QVERIFY(m_daemon->isRunning());
    }

    void happyPaths()
    {
        auto r = post(S("/files"), {{S("path"), S("config.yml")}, {S("content"), S("server-port: 25565\n")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(),
                 (QJsonObject{{S("message"), S("File written successfully")}, {S("path"), S("config.yml")}}));
        QCOMPARE(readAll(in(S("config.yml"))), QByteArray("server-port: 25565\n"));
        r = post(S("/files"),
                 {{S("path"), S("deep/er/file.txt")}, {S("content"), S("x")}}); // parents created
        QCOMPARE(r.status, 200);
        r = post(S("/folders"), {{S("path"), S("plugins")}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(S("message")).toString(), S("Folder created"));
        expectRefused(post(S("/folders"), {{S("path"), S("plugins")}}), 409, "file_exists", "mkdir twice");

        r = call("GET", vpath(S("/files")));
        QCOMPARE(r.status, 200);
        const QJsonArray files = r.json().value(S("files")).toArray();
        QStringList order;
        for (const auto &f : files)
            order << f.toObject().value(S("name")).toString();
        QCOMPARE(order, (QStringList{S("deep"), S("plugins"), S("config.yml")}));
        const QJsonObject cfg = files.at(2).toObject();
        QCOMPARE(cfg.value(S("type")).toString(), S("file"));
        QCOMPARE(cfg.value(S("size")).toInteger(), 19);
        QCOMPARE(cfg.value(S("mode")).toString(), S("0644"));
        QVERIFY(cfg.value(S("modified_at")).toInteger() > 1600000000);
        QVERIFY(!cfg.value(S("mimetype")).toString().isEmpty());
        QCOMPARE(files.at(0).toObject().value(S("type")).toString(), S("directory"));

        r = call("GET", vpath(S("/files/content?path=config.yml")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("server-port: 25565\n"));
        QVERIFY(r.header("Content-Disposition").isEmpty());
        r = call("GET", vpath(S("/files/content?path=config.yml&download=1")));
        QVERIFY(r.header("Content-Disposition").startsWith("attachment; filename=\"config.yml\""));

        // Raw upload, streamed both ways.
        QByteArray blob(3 * 1024 * 1024, Qt::Uninitialized);
        for (int i = 0; i < blob.size(); ++i)
            blob[i] = char((i * 7919) >> 3);
        const QString blobFile = m_daemon->dataDir() + S("/blob.bin");
        writeFile(blobFile, blob);
        r = upload(S("up/blob.bin"), blobFile);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(S("size")).toInteger(), blob.size());
        r = call("GET", vpath(S("/files/content?path=up/blob.bin")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Length"), QByteArray::number(blob.size()));
        QVERIFY(r.body == blob);

        r = post(S("/copy"), {{S("source"), S("deep")}, {S("destination"), S("deep-copy")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(S("message")).toString(), S("Copied successfully"));
        QCOMPARE(readAll(in(S("deep-copy/er/file.txt"))), QByteArray("x"));
        expectRefused(post(S("/copy"), {{S("source"), S("deep")}, {S("destination"), S("deep-copy")}}), 409,
                      "file_exists", "copy onto existing");
        r = post(S("/rename"), {{S("source"), S("deep-copy")}, {S("destination"), S("plugins/moved")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(S("message")).toString(), S("Renamed successfully"));
        QVERIFY(QFileInfo(in(S("plugins/moved/er/file.txt"))).isFile());
        r = post(S("/chmod"), {{S("path"), S("config.yml")}, {S("mode"), S("0600")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(QFileInfo(in(S("config.yml"))).permissions() & 0x7777,
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        for (const char *bad : {"4755", "0999", "rwx", "77777", ""})
            QCOMPARE(post(S("/chmod"), {{S("path"), S("config.yml")}, {S("mode"), S(bad)}}).status, 400);

        r = call("DELETE", vpath(S("/files?path=plugins")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(S("message")).toString(), S("Deleted"));
        QVERIFY(!QFileInfo::exists(in(S("plugins"))));

        // Errors.
        expectRefused(call("GET", S("/volumes/00000000-nope/files")), 404, "volume_not_found",
                      "unknown volume");
        expectRefused(call("GET", vpath(S("/files/content?path=missing.txt"))), 404, "file_not_found",
                      "missing");
        expectRefused(call("DELETE", vpath(S("/files?path=missing.txt"))), 404, "file_not_found",
                      "delete missing");
        expectRefused(call("GET", vpath(S("/files?path=config.yml/x"))), 400, "not_a_directory",
                      "file as dir");
        expectRefused(call("GET", vpath(S("/files/content?path=deep"))), 400, "is_a_directory", "read dir");
        expectRefused(call("GET", vpath(S("/files/content"))), 400, "missing_field", "no path");
        expectRefused(post(S("/files"), {{S("content"), S("x")}}), 400, "missing_field", "no path field");
        expectRefused(post(S("/files"), {{S("path"), 5}}), 400, "invalid_field", "path not a string");
        expectRefused(call("POST", vpath(S("/files")), "{not json"), 400, "invalid_json", "bad json");
        expectRefused(call("DELETE", vpath(S("/files?path="))), 400, "invalid_path", "delete the root");
        QCOMPARE(call("GET", vpath(S("/files?path=%252e%252e"))).status, 404); // decoded once: a plain name
    }

    void traversalBatteryOnEveryRoute()
    {
        writeFile(in(S("ok.txt")), "ok");
        QFile::remove(in(S("etc")));
        QFile::remove(in(S("out")));
        QFile::remove(in(S("chain")));
        QFile::remove(in(S("chain2")));
        QVERIFY(::symlink("/etc", QFile::encodeName(in(S("etc"))).constData()) == 0);
        QVERIFY(::symlink("../../outside", QFile::encodeName(in(S("out"))).constData()) == 0);
        QVERIFY(::symlink("chain2/..", QFile::encodeName(in(S("chain"))).constData()) == 0);
        QVERIFY(::symlink("../", QFile::encodeName(in(S("chain2"))).constData()) == 0);
        // Make a valid archive to decompress into bad destinations.
        QVERIFY(post(S("/compress"), {{S("paths"), QJsonArray{S("ok.txt")}},
                                      {S("format"), S("tar")},
                                      {S("output_name"), S("good.tar")}})
                    .status == 200);

        const QStringList bad{S("../x"),
                              S("a/../../x"),
                              S("/etc/passwd"),
                              S("../") + m_neighbour + S("/private.txt"),
                              S("etc/passwd"),
                              S("out/canary.txt"),
                              S("out/secret/passwd"),
                              S("chain/outside/canary.txt"),
                              S("a") + QChar(0) + S("b"),
                              QString(300, QLatin1Char('n')),
                              S("..")};
        const QStringList queryOnly{S("%2e%2e/%2e%2e/etc/passwd")}; // one decode gives ../../etc/passwd

        for (const QString &p : bad + queryOnly) {
            const bool raw = queryOnly.contains(p);
            const QString q = raw ? p : enc(p);
            const QByteArray tag = p.toUtf8().replace('\0', "\\0");
            expectRefused(call("GET", vpath(S("/files?path=") + q)), 400, "invalid_path", "list " + tag);
            expectRefused(call("GET", vpath(S("/files/content?path=") + q)), 400, "invalid_path",
                          "read " + tag);
            expectRefused(call("DELETE", vpath(S("/files?path=") + q)), 400, "invalid_path", "delete " + tag);
            const QString blob = m_daemon->dataDir() + S("/small.bin");
            writeFile(blob, "pwned");
            expectRefused(
                call("PUT", vpath(S("/files/content?path=") + q), {}, {S("--data-binary"), S("@") + blob}),
                400, "invalid_path", "upload " + tag);
            if (raw)
                continue;
            expectRefused(post(S("/files"), {{S("path"), p}, {S("content"), S("pwned")}}), 400,
                          "invalid_path", "write " + tag);
            expectRefused(post(S("/folders"), {{S("path"), p}}), 400, "invalid_path", "mkdir " + tag);
            expectRefused(post(S("/copy"), {{S("source"), p}, {S("destination"), S("stolen")}}), 400,
                          "invalid_path", "copy src " + tag);
            expectRefused(post(S("/copy"), {{S("source"), S("ok.txt")}, {S("destination"), p}}), 400,
                          "invalid_path", "copy dst " + tag);
            expectRefused(post(S("/rename"), {{S("source"), p}, {S("destination"), S("stolen")}}), 400,
                          "invalid_path", "rename src " + tag);
            expectRefused(post(S("/rename"), {{S("source"), S("ok.txt")}, {S("destination"), p}}), 400,
                          "invalid_path", "rename dst " + tag);
            expectRefused(post(S("/chmod"), {{S("path"), p}, {S("mode"), S("0777")}}), 400, "invalid_path",
                          "chmod " + tag);
            expectRefused(
                post(S("/compress"),
                     {{S("paths"), QJsonArray{p}}, {S("format"), S("zip")}, {S("output_name"), S("o.zip")}}),
                400, "invalid_path", "compress paths " + tag);
            expectRefused(
                post(S("/compress"),
                     {{S("paths"), QJsonArray{S("ok.txt")}}, {S("format"), S("zip")}, {S("output_name"), p}}),
                400, "invalid_path", "compress output " + tag);
            expectRefused(post(S("/decompress"), {{S("archive_path"), p}, {S("destination"), S("r")}}), 400,
                          "invalid_path", "decompress archive " + tag);
            expectRefused(post(S("/decompress"), {{S("archive_path"), S("good.tar")}, {S("destination"), p}}),
                          400, "invalid_path", "decompress destination " + tag);
        }
        QVERIFY(!QFileInfo::exists(in(S("stolen"))));
        QVERIFY(!QFileInfo::exists(in(S("o.zip"))));
        QVERIFY(!QFileInfo::exists(in(S("r"))));
        QCOMPARE(readAll(in(S("ok.txt"))), QByteArray("ok"));

        // Fifos are refused, not opened (which would hang the daemon).
        QFile::remove(in(S("fifo")));
        QVERIFY(::mkfifo(QFile::encodeName(in(S("fifo"))).constData(), 0644) == 0);
        expectRefused(call("GET", vpath(S("/files/content?path=fifo"))), 400, "invalid_path", "read fifo");
        QCOMPARE(call("GET", S("/health")).status, 200);
        for (const char *l : {"etc", "out", "chain", "chain2", "fifo"})
            QFile::remove(in(S(l)));
    }

    void maliciousArchives_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("zip-slip") << S("z = zipfile.ZipFile(out, 'w')\nz.writestr('ok.txt', "
                                       "'fine')\nz.writestr('../../../outside/evil.txt', 'pwned')\nz.close()")
                                  << QByteArray("invalid_path");
        QTest::newRow("zip-absolute") << S("z = zipfile.ZipFile(out, 'w')\nz.writestr('ok.txt', "
                                           "'fine')\nz.writestr('/tmp/evil-lightd.txt', 'pwned')\nz.close()")
                                      << QByteArray("invalid_path");
        const QString tarHead = S("t = tarfile.open(out, 'w:gz')\n"
                                  "def add(name, data=b'', **kw):\n"
                                  "    i = tarfile.TarInfo(name)\n"
                                  "    for k, v in kw.items(): setattr(i, k, v)\n"
                                  "    i.size = len(data) if i.type == tarfile.REGTYPE else 0\n"
                                  "    t.addfile(i, io.BytesIO(data))\n"
                                  "add('ok.txt', b'fine')\n");
        QTest::newRow("tar-slip") << tarHead + S("add('../../outside/evil.txt', b'pwned')\nt.close()")
                                  << QByteArray("invalid_path");
        QTest::newRow("tar-absolute")
            << tarHead + S("add('/tmp/evil-lightd.txt', b'pwned')\nt.close()") << QByteArray("invalid_path");
        QTest::newRow("symlink-out+file")
            << tarHead + S("add('link', type=tarfile.SYMTYPE, linkname='../../../outside')\n"
                           "add('link/evil.txt', b'pwned')\nt.close()")
            << QByteArray("invalid_path");
        QTest::newRow("symlink-abs") << tarHead +
                                            S("add('etc', type=tarfile.SYMTYPE, linkname='/etc')\nt.close()")
                                     << QByteArray("invalid_path");
        QTest::newRow("symlink-in+file-through")
            << tarHead + S("add('sub/x', b'x')\nadd('lnk', type=tarfile.SYMTYPE, linkname='sub')\n"
                           "add('lnk/evil.txt', b'pwned')\nt.close()")
            << QByteArray("invalid_path");
        QTest::newRow("hardlink-abs")
            << tarHead + S("add('hl', type=tarfile.LNKTYPE, linkname='OUTSIDE/canary.txt')\nt.close()")
            << QByteArray("invalid_path");
        QTest::newRow("hardlink-dotdot")
            << tarHead +
                   S("add('hl', type=tarfile.LNKTYPE, linkname='../../../outside/canary.txt')\nt.close()")
            << QByteArray("invalid_path");
        QTest::newRow("hardlink-volume-file")
            << tarHead + S("add('hl', type=tarfile.LNKTYPE, linkname='ok-in-volume.txt')\nt.close()")
            << QByteArray("invalid_archive");
        QTest::newRow("not-an-archive")
            << S("open(out, 'wb').write(b'just some text, not an archive at all' * 10)")
            << QByteArray("invalid_archive");
    }
    void maliciousArchives()
    {
        QFETCH(QString, script);
        QFETCH(QByteArray, code);
        script.replace(S("OUTSIDE"), m_outside);
        const QString archive = makeArchive(
            QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char('+'), QLatin1Char('_')), script);
        QVERIFY(QFileInfo(archive).size() > 0);
        writeFile(in(S("ok-in-volume.txt")), "volume file");
        plant(archive, S("evil.arc"));
        QDir(in(S("dest"))).removeRecursively();
        const QStringList before = treeOf(m_volPath);
        const auto r =
            post(S("/decompress"), {{S("archive_path"), S("evil.arc")}, {S("destination"), S("dest")}});
        expectRefused(r, 400, code.constData(), QTest::currentDataTag());
        QCOMPARE(treeOf(m_volPath), before); // nothing extracted, staging and destination removed
        QVERIFY(!QFileInfo::exists(S("/tmp/evil-lightd.txt")));
        QCOMPARE(readAll(in(S("ok-in-volume.txt"))), QByteArray("volume file"));
        QFile::remove(in(S("evil.arc")));
    }

    void archiveRoundTrips_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("zip") << S("zip");
        QTest::newRow("tar") << S("tar");
        QTest::newRow("tar.gz") << S("tar.gz");
    }
    void archiveRoundTrips()
    {
        QFETCH(QString, format);
        QDir(in(S("src"))).removeRecursively();
        writeFile(in(S("src/a.txt")), "alpha");
        writeFile(in(S("src/sub/b.bin")), QByteArray(100000, 'b'));
        QFile::remove(in(S("src/link")));
        QVERIFY(::symlink("sub/b.bin", QFile::encodeName(in(S("src/link"))).constData()) == 0);
        const QString name = S("backups/out.") + format;
        auto r = post(S("/compress"),
                      {{S("paths"), QJsonArray{S("src")}}, {S("format"), format}, {S("output_name"), name}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(S("message")).toString(), S("Compressed successfully"));
        QCOMPARE(r.json().value(S("archive_path")).toString(), name);
        QCOMPARE(r.json().value(S("size")).toInteger(), QFileInfo(in(name)).size());
        QDir(in(S("restore"))).removeRecursively();
        r = post(S("/decompress"), {{S("archive_path"), name}, {S("destination"), S("restore/")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), (QJsonObject{{S("message"), S("Decompressed successfully")},
                                        {S("destination"), S("restore")}}));
        QCOMPARE(readAll(in(S("restore/src/a.txt"))), QByteArray("alpha"));
        QCOMPARE(readAll(in(S("restore/src/sub/b.bin"))), QByteArray(100000, 'b'));
        QCOMPARE(QFileInfo(in(S("restore/src/link"))).symLinkTarget(),
                 QFileInfo(in(S("restore/src/sub/b.bin"))).absoluteFilePath());
        // Extracting again over the same destination replaces files.
        writeFile(in(S("restore/src/a.txt")), "changed");
        QCOMPARE(post(S("/decompress"), {{S("archive_path"), name}, {S("destination"), S("restore")}}).status,
                 200);
        QCOMPARE(readAll(in(S("restore/src/a.txt"))), QByteArray("alpha"));
        QDir(in(S("restore"))).removeRecursively();
        QDir(in(S("backups"))).removeRecursively();
    }

    void tarBz2Decompresses()
    {
        const QString a = makeArchive(
            S("x.tar.bz2"), S("t = tarfile.open(out, 'w:bz2')\ni = tarfile.TarInfo('dir/hello.txt')\n"
                              "i.size = 5\nt.addfile(i, io.BytesIO(b'hello'))\nt.close()"));
        plant(a, S("x.tar.bz2"));
        QCOMPARE(
            post(S("/decompress"), {{S("archive_path"), S("x.tar.bz2")}, {S("destination"), S("bz")}}).status,
            200);
        QCOMPARE(readAll(in(S("bz/dir/hello.txt"))), QByteArray("hello"));
        QDir(in(S("bz"))).removeRecursively();
        QFile::remove(in(S("x.tar.bz2")));
    }

    void quotas()
    {
        QString path;
        const QString vol = createVolume(1, &path);
        auto q = call("GET", vpath(S("/quota"), vol));
        QCOMPARE(q.status, 200);
        QCOMPARE(
            q.json(),
            (QJsonObject{
                {S("size_mb"), 1}, {S("used_mb"), 0}, {S("available_mb"), 1}, {S("percentage_used"), 0}}));

        auto postTo = [&](const char *route, const QJsonObject &o) {
            return call("POST", vpath(S(route), vol), json(o));
        };
        const QString big600(600 * 1024, QLatin1Char('a'));
        QCOMPARE(postTo("/files", {{S("path"), S("a.txt")}, {S("content"), big600}}).status, 200);
        expectRefused(postTo("/files", {{S("path"), S("b.txt")}, {S("content"), big600}}), 507,
                      "quota_exceeded", "second file");
        expectRefused(postTo("/files", {{S("path"), S("a.txt")},
                                        {S("content"), QString(1100 * 1024, QLatin1Char('c'))}}),
                      507, "quota_exceeded", "overwrite too big");
        QCOMPARE(readAll(path + S("/a.txt")), big600.toUtf8()); // old file intact
        QVERIFY(!QFileInfo::exists(path + S("/b.txt")));
        const QString blob = m_daemon->dataDir() + S("/700k.bin");
        writeFile(blob, QByteArray(700 * 1024, 'u'));
        expectRefused(
            call("PUT", vpath(S("/files/content?path=b.bin"), vol), {}, {S("--data-binary"), S("@") + blob}),
            507, "quota_exceeded", "upload past quota");
        QVERIFY(!QFileInfo::exists(path + S("/b.bin")));
        // Replacing the file by a bigger one that still fits is fine (the old one is credited).
        QCOMPARE(
            call("PUT", vpath(S("/files/content?path=a.txt"), vol), {}, {S("--data-binary"), S("@") + blob})
                .status,
            200);
        expectRefused(postTo("/copy", {{S("source"), S("a.txt")}, {S("destination"), S("a2.txt")}}), 507,
                      "quota_exceeded", "copy");
        q = call("GET", vpath(S("/quota"), vol));
        QCOMPARE(q.json().value(S("used_mb")).toDouble(), 0.68);
        QCOMPARE(q.json().value(S("percentage_used")).toDouble(), 68.36);

        // Decompression bomb: 8 MB of zeros in a few KB; refused while extracting, nothing left.
        const QString bomb =
            makeArchive(S("bomb.tar.gz"), S("t = tarfile.open(out, 'w:gz')\n"
                                            "for n in range(4):\n"
                                            "    i = tarfile.TarInfo('zeros%d.bin' % n)\n"
                                            "    i.size = 2 * 1024 * 1024\n"
                                            "    t.addfile(i, io.BytesIO(bytes(i.size)))\nt.close()"));
        QVERIFY(QFileInfo(bomb).size() < 100 * 1024);
        QVERIFY(QFile::copy(bomb, path + S("/bomb.tar.gz")));
        const QStringList before = treeOf(path);
        expectRefused(
            postTo("/decompress", {{S("archive_path"), S("bomb.tar.gz")}, {S("destination"), S("boom")}}),
            507, "quota_exceeded", "bomb");
        QCOMPARE(treeOf(path), before);
        // The bomb copied in above is real usage, counted once the periodic walk (1 s) has seen it;
        // nothing of the refused extraction may be. (CI once asked before the walk: 0.69 vs 0.68.)
        const double withBomb =
            std::round((700.0 * 1024 + QFileInfo(bomb).size()) / (1024.0 * 1024.0) * 100.0) / 100.0;
        QVERIFY(waitUntil(
            [&] {
                return call("GET", vpath(S("/quota"), vol)).json().value(S("used_mb")).toDouble() == withBomb;
            },
            15000));

        // Resize, and the new quota applies.
        auto r = postTo("/resize", {{S("size_mb"), 20}});
        QCOMPARE(r.status, 200);
        QCOMPARE(call("GET", vpath(S("/quota"), vol)).json().value(S("size_mb")).toInt(), 20);
        QCOMPARE(postTo("/decompress", {{S("archive_path"), S("bomb.tar.gz")}, {S("destination"), S("boom")}})
                     .status,
                 200);
        QCOMPARE(QFileInfo(path + S("/boom/zeros3.bin")).size(), 2 * 1024 * 1024);
        expectRefused(postTo("/resize", {{S("size_mb"), -1}}), 400, "invalid_field", "negative size");
        expectRefused(postTo("/resize", {}), 400, "missing_field", "no size");

        // What a container writes by itself is picked up by the periodic walk (quota_check_s = 1).
        writeFile(path + S("/written-by-container.bin"), QByteArray(3 * 1024 * 1024, 'c'));
        QVERIFY(waitUntil(
            [&] { return call("GET", vpath(S("/quota"), vol)).json().value(S("used_mb")).toDouble() > 11.5; },
            15000));
        QCOMPARE(call("GET", S("/volumes/") + vol).json().value(S("used_bytes")).toInteger() > 0, true);
        QCOMPARE(call("DELETE", S("/volumes/") + vol).status, 200);
    }

    void uploadOverLimitIs413()
    {
        const QString blob = m_daemon->dataDir() + S("/5m.bin");
        writeFile(blob, QByteArray(5 * 1024 * 1024, 'z'));
        for (int i = 0; i < 10; ++i) { // never a truncated file answered with 200
            QCOMPARE(upload(S("too-big.bin"), blob).status, 413);
            QVERIFY(!QFileInfo::exists(in(S("too-big.bin"))));
        }
        const auto chunked =
            call("PUT", vpath(S("/files/content?path=too-big.bin")), {},
                 {S("-H"), S("Transfer-Encoding: chunked"), S("--data-binary"), S("@") + blob});
        QCOMPARE(chunked.status, 413);
        QVERIFY(!QFileInfo::exists(in(S("too-big.bin"))));
        QVERIFY(waitUntil(
            [&] { // the connection is torn down; no temp file may linger
                for (const QString &n : treeOf(m_volPath))
                    if (n.contains(S(".lightd-tmp-")))
                        return false;
                return true;
            },
            5000));
    }

    // Over-quota uploads, many times and however the body is cut on the wire: always 507 with the
    // old file intact and the usage unchanged, and the access line says 507 too. Once 1 in 4 of
    // them came back 200 with the file cut at the quota: when the refused bytes arrived in the same
    // read as the body's end, the framer's stop was undone and the upload finished.
    void overQuotaUploadsNeverCommit()
    {
        QString path;
        const QString vol = createVolume(1, &path);
        const QByteArray old(1024, 'o');
        QCOMPARE(call("POST", vpath(S("/files"), vol),
                      json({{S("path"), S("keep.bin")}, {S("content"), QString::fromLatin1(old)}}))
                     .status,
                 200);
        const auto used = [&] {
            return call("GET", vpath(S("/quota"), vol)).json().value(S("used_mb")).toDouble();
        };
        const double usedBefore = used();
        // 1 MiB + 3000 bytes replacing 1 KiB in a 1 MiB quota: refused in the body's last few KB.
        const QByteArray body(1024 * 1024 + 3000, 'n');
        const QString blob = m_daemon->dataDir() + S("/over-quota.bin");
        writeFile(blob, body);
        const QString target = S("/files/content?path=keep.bin");
        auto checkIntact = [&](const QByteArray &what) {
            QVERIFY2(readAll(path + S("/keep.bin")) == old, what.constData());
            for (const QString &n : treeOf(path))
                QVERIFY2(n == S("/keep.bin") || !n.contains(S(".lightd-")), qPrintable(n));
        };
        for (int i = 0; i < 30; ++i) {
            const auto r = call("PUT", vpath(target, vol), {}, {S("--data-binary"), S("@") + blob});
            expectRefused(r, 507, "quota_exceeded", "curl upload " + QByteArray::number(i));
            checkIntact("curl upload " + QByteArray::number(i));
        }

        // Raw sockets: a Content-Length body and a chunked one, in small pieces with pauses, the
        // last piece carrying both the refused bytes and the end of the body.
        const QByteArray head =
            "PUT " + vpath(target, vol).toLatin1() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
            m_daemon->token().toLatin1() + "\r\nAccept: Application/vnd.pkglatv1+json\r\n";
        QByteArray chunked;
        for (qsizetype i = 0; i < body.size(); i += 8192) {
            const QByteArray c = body.mid(i, 8192);
            chunked += QByteArray::number(c.size(), 16) + "\r\n" + c + "\r\n";
        }
        chunked += "0\r\n\r\n";
        const qsizetype tail = 6000; // bytes in the last write: past the quota by 3000, and the end
        for (int i = 0; i < 12; ++i) {
            const bool isChunked = i % 2;
            const QByteArray rid = "upload-race-" + QByteArray::number(i);
            QByteArray request =
                head + "X-Request-Id: " + rid + "\r\n" +
                (isChunked ? QByteArray("Transfer-Encoding: chunked\r\n\r\n") + chunked
                           : "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_daemon->port());
            QVERIFY(socket.waitForConnected(5000));
            const QByteArray front = request.first(request.size() - tail);
            for (qsizetype at = 0; at < front.size() && socket.state() == QAbstractSocket::ConnectedState;
                 at += 64 * 1024) {
                socket.write(front.mid(at, 64 * 1024));
                socket.waitForBytesWritten(5000);
                QTest::qWait(2); // separate reads on the daemon's side
            }
            socket.write(request.last(tail));
            socket.waitForBytesWritten(5000);
            QByteArray reply;
            QDeadlineTimer deadline(10000);
            while (socket.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired())
                if (socket.waitForReadyRead(100))
                    reply += socket.readAll();
            reply += socket.readAll();
            QVERIFY2(reply.startsWith("HTTP/1.1 507 "), (rid + ": " + reply.left(300)).constData());
            QVERIFY2(reply.contains("X-Request-Id: " + rid), reply.left(300).constData());
            checkIntact(rid);
            // the access line for this request carries its id and the status the client got
            QVERIFY2(waitUntil(
                         [&] {
                             for (const QByteArray &line : m_daemon->log().split('\n'))
                                 if (line.contains(rid + ' ') && line.contains(" 507 "))
                                     return true;
                             return false;
                         },
                         5000),
                     rid.constData());
        }
        QCOMPARE(used(), usedBefore);
        QCOMPARE(call("DELETE", S("/volumes/") + vol).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestVolumeFiles)
#include "tst_volume_files.moc"
