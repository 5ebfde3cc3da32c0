// Issue 18: panels written for the earlier daemon work unchanged. Each alias of API.md section 12 and
// each compatibility fix of sections 3-4 is driven the way those clients drive it: the upstream docs'
// own curl lines (../shared/reference/upstream-docs, run through sh with only the URL, token and ids
// substituted) and the earlier code's request shapes, with the same header casing; the answers are
// checked against the contract. Real daemon, curl, real SQLite.
#include "ApiTestUtil.h"

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

namespace {
QString S(const char *s)
{
    return QString::fromUtf8(s);
}

// The curl line of an upstream docs page that contains `marker`.
QString upstreamLine(const char *page, const char *marker)
{
    const QString path = sharedDir() + S("/reference/upstream-docs/") + S(page);
    for (const QString &line : seedCurlLines(path)) {
        if (line.contains(S(marker)))
            return line;
    }
    return {};
}

// Headers spelled as the upstream docs' JavaScript examples spell them.
QStringList jsHeaders(const DaemonProcess &d)
{
    return {S("-H"), S("Authorization: Bearer ") + d.token(),
            S("-H"), S("Accept: Application/vnd.pkglatv1+json"),
            S("-H"), S("Content-Type: application/json")};
}
} // namespace

class TestApiCompat : public QObject
{
    Q_OBJECT

    std::unique_ptr<DaemonProcess> m_daemon;
    DaemonProcess &d() { return *m_daemon; }

    // Runs an upstream docs curl line with this daemon's URL and token, `from` replaced by `to`.
    CurlResult runUpstream(const char *page, const char *marker, const QStringList &replace = {})
    {
        QString line = localise(upstreamLine(page, marker), d());
        if (line.isEmpty())
            qWarning("no curl line with %s in %s", marker, page);
        for (qsizetype i = 0; i + 1 < replace.size(); i += 2)
            line.replace(replace[i], replace[i + 1]);
        // keep the status on the last line, as curl() does
        const ShellResult r = shell(line + S(" -s -w '\\n%{http_code}'"));
        CurlResult out;
        const qsizetype nl = r.out.lastIndexOf('\n');
        out.status = r.out.mid(nl + 1).toInt();
        out.body = r.out.left(nl);
        return out;
    }
    CurlResult js(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        QStringList a{S("-X"), QString::fromLatin1(method), d().url(path)};
        a += jsHeaders(d());
        if (!body.isEmpty())
            a += {S("--data-binary"), QString::fromUtf8(body)};
        return curl(a);
    }
    QString newVolume(QString *path = nullptr)
    {
        const auto r = js("POST", S("/volumes"));
        if (path)
            *path = r.json().value(S("path")).toString();
        return r.json().value(S("volume_id")).toString();
    }
    QJsonObject poolEntry(int port, const QString &protocol)
    {
        for (const auto &v : js("GET", S("/network/ports")).json().value(S("ports")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(S("port")).toInt() == port && o.value(S("protocol")).toString() == protocol)
                return o;
        }
        return {};
    }

  private Q_SLOTS:
    void init()
    {
        m_daemon = std::make_unique<DaemonProcess>(testConfig());
        QVERIFY(d().start());
    }
    void cleanup() { m_daemon.reset(); }

    // API.md section 4: `size` (upstream docs, MB) is `size_mb`; the answer carries `id` too.
    void volumeCreateSizeAndId()
    {
        const auto r = runUpstream("volume-quotas.mdx", "\"size\": 2048");
        QCOMPARE(r.status, 201);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(S("quota_mb")).toInt(), 2048);
        QVERIFY(!o.value(S("volume_id")).toString().isEmpty());
        QCOMPARE(o.value(S("id")).toString(), o.value(S("volume_id")).toString());
        const QString id = o.value(S("id")).toString();
        QCOMPARE(js("GET", S("/volumes/%1/quota").arg(id)).json().value(S("size_mb")).toInt(), 2048);

        // the plain create of volumes.mdx, and resize with {"size"}
        const auto plain = runUpstream("volumes.mdx", "/volumes \\");
        QCOMPARE(plain.status, 201);
        QCOMPARE(plain.json().value(S("id")).toString(), plain.json().value(S("volume_id")).toString());
        const auto resized = runUpstream("volume-quotas.mdx", "/resize", {S("550e8400"), id});
        QCOMPARE(resized.status, 200);
        QCOMPARE(js("GET", S("/volumes/%1/quota").arg(id)).json().value(S("size_mb")).toInt(), 4096);
        QCOMPARE(js("GET", S("/volumes/") + id).json().value(S("id")).toString(), id);
    }

    // API.md section 4: an unknown key is a 400, never silently dropped.
    void unknownVolumeKeyRefused()
    {
        API_VERIFY_ERROR(js("POST", S("/volumes"), R"({"sise": 2048})"), 400, "unknown_field");
        API_VERIFY_ERROR(js("POST", S("/volumes"), R"({"size": 1, "size_mb": 1})"), 400, "invalid_field");
        QCOMPARE(js("GET", S("/volumes")).json().value(S("volumes")).toArray().size(), 0);
    }

    // Every route of the table with a JSON body refuses a key it does not know (a bogus key on a
    // body that is otherwise fine), before it looks anything up.
    void everyRouteRefusesUnknownKeys()
    {
        int checked = 0;
        for (const RouteEntry &route : routeTable()) {
            if (route.access == S("Public") || route.pattern == S("/volumes/:id/files/content"))
                continue; // public routes take no body; the upload route's body is the file itself
            if (route.method == "POST" && route.pattern == S("/containers"))
                continue; // the create body's keys are checked in tst_ct_validation
            const auto r =
                curl(curlArgs(d(), route.method, concretePath(route.pattern), jsonBody(R"({"bogus": 1})")));
            QString why;
            QVERIFY2(r.status == 400 && isError(r.json(), S("unknown_field"), &why),
                     qPrintable(S("%1 %2: %3 %4")
                                    .arg(QString::fromLatin1(route.method), route.pattern)
                                    .arg(r.status)
                                    .arg(QString::fromUtf8(r.body))));
            QVERIFY2(r.json().value(S("error")).toString().contains(S("bogus")), r.body.constData());
            ++checked;
        }
        QVERIFY2(checked > 50, qPrintable(QString::number(checked)));
    }

    // POST /volumes/:id/write {"filename","content"} = files write.
    void writeAlias()
    {
        const QString vol = newVolume();
        const auto r = js("POST", S("/volumes/%1/write").arg(vol),
                          R"({"filename":"cfg/server.properties","content":"motd=hi"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(S("message")).toString(), S("File written successfully"));
        QCOMPARE(r.json().value(S("path")).toString(), S("cfg/server.properties"));
        QCOMPARE(js("GET", S("/volumes/%1/files/content?path=cfg/server.properties").arg(vol)).body,
                 QByteArray("motd=hi"));
        API_VERIFY_ERROR(js("POST", S("/volumes/%1/write").arg(vol), R"({"filename":"../x","content":""})"),
                         400, "invalid_path");
        API_VERIFY_ERROR(js("POST", S("/volumes/%1/write").arg(vol), R"({"path":"a","content":""})"), 400,
                         "unknown_field");
        // and the upstream docs' own files write still works
        QCOMPARE(runUpstream("volumes.mdx", "/files \\", {S("d6764075"), vol}).status, 200);
    }

    // POST /volumes/:id/create-folder {"root","name"} = folders.
    void createFolderAlias()
    {
        const QString vol = newVolume();
        const auto r =
            js("POST", S("/volumes/%1/create-folder").arg(vol), R"({"root":"plugins","name":"Other"})");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(S("path")).toString(), S("plugins/Other"));
        const auto top =
            js("POST", S("/volumes/%1/create-folder").arg(vol), R"({"root":"/","name":"world"})");
        QCOMPARE(top.status, 201);
        QCOMPARE(top.json().value(S("path")).toString(), S("world"));
        API_VERIFY_ERROR(js("POST", S("/volumes/%1/create-folder").arg(vol), R"({"root":"..","name":"x"})"),
                         400, "invalid_path");
        API_VERIFY_ERROR(js("POST", S("/volumes/%1/create-folder").arg(vol), R"({"root":""})"), 400,
                         "missing_field");
        QCOMPARE(runUpstream("volumes.mdx", "/folders \\", {S("d6764075"), vol}).status, 201);
    }

    // GET /volumes/:id/files/detailed: the earlier daemon's file objects.
    void detailedListing()
    {
        QString path;
        const QString vol = newVolume(&path);
        QCOMPARE(
            js("POST", S("/volumes/%1/files").arg(vol), R"({"path":"start.sh","content":"echo hi"})").status,
            200);
        QCOMPARE(js("POST", S("/volumes/%1/chmod").arg(vol), R"({"path":"start.sh","mode":"0755"})").status,
                 200);
        QCOMPARE(js("POST", S("/volumes/%1/folders").arg(vol), R"({"path":"logs"})").status, 201);
        QVERIFY(QFile::link(S("start.sh"), path + S("/link.sh")));
        const auto r = js("GET", S("/volumes/%1/files/detailed").arg(vol));
        QCOMPARE(r.status, 200);
        const QJsonArray files = r.json().value(S("files")).toArray();
        QCOMPARE(files.size(), 3);
        QMap<QString, QJsonObject> byName;
        for (const auto &f : files) {
            QCOMPARE(f.toObject().value(S("object")).toString(), S("file_object"));
            const QJsonObject a = f.toObject().value(S("attributes")).toObject();
            QStringList keys = a.keys();
            keys.sort();
            QCOMPARE(keys, (QStringList{S("created_at"), S("is_file"), S("is_symlink"), S("mimetype"),
                                        S("mode"), S("mode_bits"), S("modified_at"), S("name"), S("size")}));
            byName.insert(a.value(S("name")).toString(), a);
        }
        QCOMPARE(files.first().toObject().value(S("attributes")).toObject().value(S("name")).toString(),
                 S("logs"));
        const QJsonObject sh = byName.value(S("start.sh"));
        QCOMPARE(sh.value(S("mode")).toString(), S("-rwxr-xr-x"));
        QCOMPARE(sh.value(S("mode_bits")).toString(), S("755"));
        QCOMPARE(sh.value(S("size")).toInt(), 7);
        QCOMPARE(sh.value(S("is_file")).toBool(), true);
        QCOMPARE(sh.value(S("mimetype")).toString(), S("text/x-shellscript"));
        QVERIFY(sh.value(S("modified_at")).toInteger() > 0);
        QCOMPARE(byName.value(S("logs")).value(S("is_file")).toBool(), false);
        QCOMPARE(byName.value(S("logs")).value(S("mode")).toString().left(1), S("d"));
        QCOMPARE(byName.value(S("link.sh")).value(S("is_symlink")).toBool(), true);
        QCOMPARE(js("GET", S("/volumes/%1/files/detailed?path=logs").arg(vol))
                     .json()
                     .value(S("files"))
                     .toArray()
                     .size(),
                 0);
        API_VERIFY_ERROR(js("GET", S("/volumes/%1/files/detailed?path=../").arg(vol)), 400, "invalid_path");
    }

    // compress {"sources","output","format"} incl. tar.bz2, extension appended; the upstream docs'
    // compress (no paths: the whole volume, output_name "backup") answers backup.tar.gz.
    void compressAliases()
    {
        const QString vol = newVolume();
        QCOMPARE(
            js("POST", S("/volumes/%1/write").arg(vol), R"({"filename":"world/level.dat","content":"x"})")
                .status,
            200);
        const auto bz = js("POST", S("/volumes/%1/compress").arg(vol),
                           R"({"sources":["world"],"output":"backup","format":"tar.bz2"})");
        QCOMPARE(bz.status, 200);
        QCOMPARE(bz.json().value(S("archive_path")).toString(), S("backup.tar.bz2"));
        QCOMPARE(bz.json().value(S("message")).toString(), S("Compressed successfully"));
        QCOMPARE(js("GET", S("/volumes/%1/files/content?path=backup.tar.bz2").arg(vol)).body.left(3),
                 QByteArray("BZh"));
        // it extracts again
        const auto back = js("POST", S("/volumes/%1/decompress").arg(vol),
                             R"({"archive_path":"backup.tar.bz2","destination":"restored"})");
        QCOMPARE(back.status, 200);
        QCOMPARE(js("GET", S("/volumes/%1/files/content?path=restored/world/level.dat").arg(vol)).body,
                 QByteArray("x"));
        // a name with an extension is kept
        const auto zip = js("POST", S("/volumes/%1/compress").arg(vol),
                            R"({"sources":["world"],"output":"w.zip","format":"zip"})");
        QCOMPARE(zip.json().value(S("archive_path")).toString(), S("w.zip"));
        API_VERIFY_ERROR(
            js("POST", S("/volumes/%1/compress").arg(vol), R"({"sources":["world"],"paths":["world"]})"), 400,
            "invalid_field");
        API_VERIFY_ERROR(
            js("POST", S("/volumes/%1/compress").arg(vol), R"({"sources":["world"],"format":"rar"})"), 400,
            "invalid_field");

        const auto docs = runUpstream("volumes.mdx", "/compress \\", {S("d6764075"), vol});
        QCOMPARE(docs.status, 200);
        QCOMPARE(docs.json().value(S("archive_path")).toString(), S("backup.tar.gz"));
        QVERIFY(docs.json().value(S("size")).toInteger() > 0);
    }

    // MIME names the upstream docs list: start.sh text/x-shellscript, .log text/plain.
    void mimeTypes()
    {
        const QString vol = newVolume();
        QCOMPARE(js("POST", S("/volumes/%1/files").arg(vol),
                    R"({"path":"start.sh","content":"#!/bin/sh\necho hi\n"})")
                     .status,
                 200);
        QCOMPARE(
            js("POST", S("/volumes/%1/files").arg(vol), R"({"path":"latest.log","content":"[12:00] Done\n"})")
                .status,
            200);
        const auto sh = curl(QStringList{d().url(S("/volumes/%1/files/content?path=start.sh").arg(vol))} +
                             d().authArgs());
        QVERIFY2(sh.header("content-type").startsWith("text/x-shellscript"), sh.headers.constData());
        const auto log = curl(QStringList{d().url(S("/volumes/%1/files/content?path=latest.log").arg(vol))} +
                              d().authArgs());
        QVERIFY2(log.header("content-type").startsWith("text/plain"), log.headers.constData());
        QMap<QString, QString> mime;
        for (const auto &f : js("GET", S("/volumes/%1/files").arg(vol)).json().value(S("files")).toArray())
            mime.insert(f.toObject().value(S("name")).toString(),
                        f.toObject().value(S("mimetype")).toString());
        QCOMPARE(mime.value(S("start.sh")), S("text/x-shellscript"));
        QCOMPARE(mime.value(S("latest.log")), S("text/plain"));
    }

    // GET /volumes shows the usage /volumes/:id/quota counts, right after a write.
    void listUsageMatchesQuota()
    {
        const QString vol = newVolume();
        const QByteArray content(100000, 'a');
        QCOMPARE(
            js("POST", S("/volumes/%1/files").arg(vol), R"({"path":"a.bin","content":")" + content + R"("})")
                .status,
            200);
        const QJsonObject listed =
            js("GET", S("/volumes")).json().value(S("volumes")).toArray().first().toObject();
        QCOMPARE(listed.value(S("used_bytes")).toInteger(), qint64(content.size()));
        QCOMPARE(listed.value(S("id")).toString(), vol);
        QCOMPARE(js("GET", S("/volumes/") + vol).json().value(S("used_bytes")).toInteger(),
                 qint64(content.size()));
        const double quotaMb =
            js("GET", S("/volumes/%1/quota").arg(vol)).json().value(S("used_mb")).toDouble();
        QCOMPARE(quotaMb, std::round(content.size() / 1048576.0 * 100) / 100);
    }

    // The pool holds 25565/tcp and 25565/udp at once; protocol defaults to tcp; the :ip/:port
    // routes act on tcp unless ?protocol=udp.
    void tcpAndUdpTogether()
    {
        QCOMPARE(runUpstream("network.mdx", "/network/ports \\\n").status, 201); // 25565/tcp
        const auto udp = js("POST", S("/network/ports"), R"({"ip":"0.0.0.0","port":25565,"protocol":"udp"})");
        QCOMPARE(udp.status, 201);
        QCOMPARE(udp.json().value(S("protocol")).toString(), S("udp"));
        API_VERIFY_ERROR(js("POST", S("/network/ports"), R"({"ip":"0.0.0.0","port":25565})"), 409,
                         "port_exists");
        const auto dflt = js("POST", S("/network/ports"), R"({"ip":"0.0.0.0","port":25570})");
        QCOMPARE(dflt.status, 201);
        QCOMPARE(dflt.json().value(S("protocol")).toString(), S("tcp"));
        QCOMPARE(js("GET", S("/network/ports")).json().value(S("ports")).toArray().size(), 3);

        QCOMPARE(runUpstream("network.mdx", "0.0.0.0/25565 \\\n  -H \"Authorization")
                     .json()
                     .value(S("protocol"))
                     .toString(),
                 S("tcp"));
        QCOMPARE(
            js("GET", S("/network/ports/0.0.0.0/25565?protocol=udp")).json().value(S("protocol")).toString(),
            S("udp"));
        QCOMPARE(runUpstream("network.mdx", "/use").status, 200); // tcp marked in use
        QCOMPARE(poolEntry(25565, S("tcp")).value(S("in_use")).toBool(), true);
        QCOMPARE(poolEntry(25565, S("udp")).value(S("in_use")).toBool(), false);
        QCOMPARE(js("DELETE", S("/network/ports/0.0.0.0/25565?protocol=udp")).status, 200);
        QVERIFY(poolEntry(25565, S("udp")).isEmpty());
        QVERIFY(!poolEntry(25565, S("tcp")).isEmpty());
    }

    // Ports by id: GET/DELETE /network/ports/:id, POST /network/ports/:id/use, bulk-delete {"ids"},
    // GET /network/ports/available.
    void portsById()
    {
        const auto a = js("POST", S("/network/ports"), R"({"ip":"0.0.0.0","port":27015,"protocol":"tcp"})");
        const auto b = js("POST", S("/network/ports"), R"({"ip":"0.0.0.0","port":27015,"protocol":"udp"})");
        const auto c = js("POST", S("/network/ports"), R"({"ip":"127.0.0.1","port":27016})");
        QCOMPARE(a.status, 201);
        const qint64 idA = a.json().value(S("id")).toInteger(), idB = b.json().value(S("id")).toInteger(),
                     idC = c.json().value(S("id")).toInteger();
        QVERIFY(idA > 0 && idB > 0 && idC > 0 && idA != idB && idB != idC);
        QCOMPARE(poolEntry(27015, S("udp")).value(S("id")).toInteger(), idB);

        const auto got = js("GET", S("/network/ports/%1").arg(idB));
        QCOMPARE(got.status, 200);
        QVERIFY(hasShape(got.json(), {{S("id"), idB},
                                      {S("ip"), S("0.0.0.0")},
                                      {S("port"), 27015},
                                      {S("protocol"), S("udp")},
                                      {S("in_use"), false}}));
        API_VERIFY_ERROR(js("GET", S("/network/ports/999999")), 404, "port_not_found");

        const auto use = js("POST", S("/network/ports/%1/use").arg(idA), R"({"in_use":true})");
        QCOMPARE(use.status, 200);
        QCOMPARE(use.json().value(S("in_use")).toBool(), true);
        API_VERIFY_ERROR(js("POST", S("/network/ports/%1/use").arg(idA), R"({"used":true})"), 400,
                         "unknown_field");

        const auto avail = js("GET", S("/network/ports/available"));
        QCOMPARE(avail.status, 200);
        QList<qint64> free;
        for (const auto &p : avail.json().value(S("ports")).toArray())
            free.append(p.toObject().value(S("id")).toInteger());
        std::sort(free.begin(), free.end());
        QCOMPARE(free, (QList<qint64>{idB, idC}));

        const auto bulk = js("POST", S("/network/ports/bulk-delete"),
                             QStringLiteral(R"({"ids":[%1,%2,424242]})").arg(idB).arg(idC).toUtf8());
        QCOMPARE(bulk.status, 200);
        QCOMPARE(bulk.json().value(S("deleted_count")).toInt(), 2);
        QCOMPARE(js("DELETE", S("/network/ports/%1").arg(idA)).status, 200);
        API_VERIFY_ERROR(js("DELETE", S("/network/ports/%1").arg(idA)), 404, "port_not_found");
        QCOMPARE(js("GET", S("/network/ports")).json().value(S("ports")).toArray().size(), 0);

        // the seeds' bulk-delete by address still works (the upstream docs' line, no protocol given)
        QCOMPARE(
            js("POST", S("/network/ports/bulk"),
               R"({"ports":[{"ip":"0.0.0.0","port":25565,"protocol":"tcp"},{"ip":"0.0.0.0","port":25566,"protocol":"udp"}]})")
                .status,
            201);
        const auto docs = runUpstream("network.mdx", "bulk-delete");
        QCOMPARE(docs.status, 200);
        QCOMPARE(docs.json().value(S("deleted_count")).toInt(), 2);
    }

    // The migration to the ip+port+protocol key keeps every row and its in_use.
    void migrationKeepsRows()
    {
        QVERIFY(d().stop());
        const QString db = d().dataDir() + S("/data/lightd.db");
        QVERIFY(QFile::exists(db));
        // Back to schema 1: its ports table, three rows (one held by a container, one marked by hand).
        const auto r =
            shell(S("python3 - '%1' <<'PY'\n"
                    "import sqlite3, sys\n"
                    "c = sqlite3.connect(sys.argv[1])\n"
                    "c.executescript('''\n"
                    "DROP TABLE ports;\n"
                    "CREATE TABLE ports (ip TEXT NOT NULL, port INTEGER NOT NULL, protocol TEXT NOT NULL,"
                    " in_use INTEGER NOT NULL DEFAULT 0, container TEXT, created_at INTEGER NOT NULL,"
                    " PRIMARY KEY (ip, port));\n"
                    "INSERT INTO ports VALUES ('0.0.0.0', 25565, 'tcp', 1, 'old-server', 100);\n"
                    "INSERT INTO ports VALUES ('0.0.0.0', 25566, 'udp', 1, NULL, 101);\n"
                    "INSERT INTO ports VALUES ('127.0.0.1', 25567, 'tcp', 0, NULL, 102);\n"
                    "DROP TABLE IF EXISTS sftp_accounts;\n" // migration 3 (SFTP) runs again too
                    "DROP TABLE IF EXISTS sftp_keys;\n"
                    "DROP TABLE IF EXISTS usage_samples;\n" // and 4, 5 (billing, outbox)
                    "DROP TABLE IF EXISTS outbox;\n"
                    "DROP TABLE IF EXISTS outbox_counters;\n"
                    "DROP TABLE IF EXISTS container_removals;\n" // and 6 (delete tombstones)
                    "DELETE FROM schema_version WHERE version > 1;\n"
                    "''')\n"
                    "c.commit()\n"
                    "PY")
                      .arg(db));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(d().start());
        QVERIFY2(d().log().contains("applied migration 2"), d().log().right(2000).constData());
        const QJsonArray ports = js("GET", S("/network/ports")).json().value(S("ports")).toArray();
        QCOMPARE(ports.size(), 3);
        QMap<int, QJsonObject> byPort;
        for (const auto &p : ports)
            byPort.insert(p.toObject().value(S("port")).toInt(), p.toObject());
        QVERIFY(hasShape(byPort.value(25565), {{S("ip"), S("0.0.0.0")},
                                               {S("protocol"), S("tcp")},
                                               {S("in_use"), true},
                                               {S("container"), S("old-server")}}));
        QVERIFY(hasShape(byPort.value(25566), {{S("protocol"), S("udp")}, {S("in_use"), true}}));
        QVERIFY(hasShape(byPort.value(25567), {{S("ip"), S("127.0.0.1")}, {S("in_use"), false}}));
        QSet<qint64> ids;
        for (const auto &p : byPort)
            ids.insert(p.value(S("id")).toInteger());
        QCOMPARE(ids.size(), 3);
        QVERIFY(!ids.contains(0));
        // and now the udp twin of a migrated port can join
        QCOMPARE(js("POST", S("/network/ports"), R"({"ip":"0.0.0.0","port":25565,"protocol":"udp"})").status,
                 201);
        // a restart keeps ids stable
        const qint64 id = byPort.value(25567).value(S("id")).toInteger();
        QVERIFY(d().restart());
        QCOMPARE(js("GET", S("/network/ports/%1").arg(id)).json().value(S("port")).toInt(), 25567);
    }
};

QTEST_GUILESS_MAIN(TestApiCompat)
#include "tst_api_compat.moc"
