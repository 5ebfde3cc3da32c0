// The network port pool (API.md section 5, seed 004): the seed's curl lines unchanged, shapes and
// messages, validation, conflicts, random with a protocol filter, in-use marking, bulk add/delete.
#include "ApiTestUtil.h"

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

namespace {
QJsonObject obj(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonObject portJson(const char *ip, int port, const char *protocol)
{
    return {{QStringLiteral("ip"), QString::fromLatin1(ip)},
            {QStringLiteral("port"), port},
            {QStringLiteral("protocol"), QString::fromLatin1(protocol)}};
}

PortDto port(const char *ip, int p, const char *protocol = "tcp")
{
    PortDto d;
    d.ip = QString::fromLatin1(ip);
    d.port = p;
    d.protocol = QString::fromLatin1(protocol);
    return d;
}
} // namespace

class TestApiPorts : public QObject
{
    Q_OBJECT

    std::unique_ptr<DaemonProcess> m_daemon;
    DaemonProcess &d() { return *m_daemon; }

    CurlResult post(const QString &path, const QJsonObject &body)
    {
        return curl(
            curlArgs(d(), "POST", path, jsonBody(QJsonDocument(body).toJson(QJsonDocument::Compact))));
    }
    CurlResult get(const QString &path) { return curl(curlArgs(d(), "GET", path)); }

    QList<PortDto> listPorts()
    {
        const auto r =
            awaitResult<ApiResult<QList<PortDto>>>([&](auto done) { d().client().listPorts(done); });
        QList<PortDto> list = r && r->ok() ? **r : QList<PortDto>();
        for (auto &p : list)
            p.id = 0; // the stable id (API.md section 12) is checked in tst_api_compat
        return list;
    }

    std::optional<PortDto> findPort(const QString &ip, int p)
    {
        for (const auto &x : listPorts()) {
            if (x.ip == ip && x.port == p)
                return x;
        }
        return std::nullopt;
    }

    bool clientOk(std::function<void(ApiClient::JsonCallback)> start)
    {
        const auto r = awaitResult<ApiResult<QJsonObject>>([&](auto done) { start(done); });
        return r && r->ok();
    }

  private Q_SLOTS:
    void init()
    {
        // every test starts from an empty pool
        m_daemon = std::make_unique<DaemonProcess>(testConfig());
        QVERIFY(d().start());
    }

    void cleanup() { m_daemon.reset(); }

    void seedCurlLinesRunUnchanged()
    {
        const QString seed = seedFile(QStringLiteral("004"));
        if (seed.isEmpty())
            QSKIP("../shared/seeds/004_*.txt not found");
        const QStringList lines = seedCurlLines(seed);
        QCOMPARE(lines.size(), 7);
        auto run = [&](int i) {
            const auto r = shell(localise(lines[i], d()));
            if (r.exitCode != 0)
                qWarning("seed line %d: curl exit %d: %s", i, r.exitCode, r.err.constData());
            return obj(r.out);
        };
        QVERIFY(lines[0].contains(QLatin1StringView("-X POST")) &&
                lines[0].contains(QLatin1StringView("/network/ports")));

        // Add Port to Pool (plus the additive `id` of API.md section 12)
        QJsonObject added = run(0);
        QVERIFY(added.take(QStringLiteral("id")).toInteger() > 0);
        QCOMPARE(added, (QJsonObject{{QStringLiteral("message"), QStringLiteral("Port added to pool")},
                                     {QStringLiteral("ip"), QStringLiteral("0.0.0.0")},
                                     {QStringLiteral("port"), 25565},
                                     {QStringLiteral("protocol"), QStringLiteral("tcp")}}));
        // the same line again: Port Already Exists
        const QJsonObject dup = run(0);
        QCOMPARE(dup.value(QStringLiteral("error")).toString(),
                 QStringLiteral("Port already exists in pool"));
        QCOMPARE(dup.value(QStringLiteral("code")).toString(), QStringLiteral("port_exists"));

        // Get Specific Port
        const QJsonObject one = run(1);
        QVERIFY2(hasShape(one, portJson("0.0.0.0", 25565, "tcp")), qPrintable(compact(one)));
        QCOMPARE(one.value(QStringLiteral("in_use")), QJsonValue(false));

        // List All Ports: the seed's example pool
        QVERIFY(clientOk([&](auto done) { d().client().addPort(port("0.0.0.0", 25566), done); }));
        QVERIFY(clientOk(
            [&](auto done) { d().client().setPortInUse(QStringLiteral("0.0.0.0"), 25566, true, done); }));
        QVERIFY(clientOk([&](auto done) { d().client().addPort(port("0.0.0.0", 19132, "udp"), done); }));
        const QJsonObject listed = run(2);
        const QJsonArray ports = listed.value(QStringLiteral("ports")).toArray();
        QCOMPARE(ports.size(), 3);
        QMap<int, QJsonObject> byPort;
        for (const auto &v : ports)
            byPort.insert(v.toObject().value(QStringLiteral("port")).toInt(), v.toObject());
        QVERIFY(hasShape(byPort[25565], {{QStringLiteral("ip"), QStringLiteral("0.0.0.0")},
                                         {QStringLiteral("protocol"), QStringLiteral("tcp")},
                                         {QStringLiteral("in_use"), false}}));
        QVERIFY(hasShape(byPort[25566], {{QStringLiteral("ip"), QStringLiteral("0.0.0.0")},
                                         {QStringLiteral("protocol"), QStringLiteral("tcp")},
                                         {QStringLiteral("in_use"), true}}));
        QVERIFY(hasShape(byPort[19132], {{QStringLiteral("ip"), QStringLiteral("0.0.0.0")},
                                         {QStringLiteral("protocol"), QStringLiteral("udp")},
                                         {QStringLiteral("in_use"), false}}));
        for (const auto &o : byPort)
            QVERIFY2(o.contains(QStringLiteral("container")), "API.md: list entries carry \"container\"");

        // Get Random Available Port: a free one, never the one in use
        for (int i = 0; i < 10; ++i) {
            const QJsonObject r = run(3);
            QVERIFY2(r.value(QStringLiteral("in_use")) == QJsonValue(false), qPrintable(compact(r)));
            const int p = r.value(QStringLiteral("port")).toInt();
            QVERIFY2(p == 25565 || p == 19132, qPrintable(compact(r)));
            QCOMPARE(r.value(QStringLiteral("ip")).toString(), QStringLiteral("0.0.0.0"));
        }
        // ... and it does not mark the port
        QCOMPARE(findPort(QStringLiteral("0.0.0.0"), 25565)->inUse, false);

        // Mark Port as In Use
        QCOMPARE(run(4), (QJsonObject{{QStringLiteral("message"), QStringLiteral("Port usage updated")},
                                      {QStringLiteral("ip"), QStringLiteral("0.0.0.0")},
                                      {QStringLiteral("port"), 25565},
                                      {QStringLiteral("in_use"), true}}));
        QCOMPARE(findPort(QStringLiteral("0.0.0.0"), 25565)->inUse, true);

        // Delete Port
        QCOMPARE(run(5),
                 (QJsonObject{{QStringLiteral("message"), QStringLiteral("Port deleted from pool")}}));
        // Port Not Found
        const QJsonObject gone = run(1);
        QCOMPARE(gone.value(QStringLiteral("error")).toString(), QStringLiteral("Port not found in pool"));
        QCOMPARE(gone.value(QStringLiteral("code")).toString(), QStringLiteral("port_not_found"));

        // Bulk Delete Ports (25565 back in the pool first, as in the seed's example)
        QVERIFY(clientOk([&](auto done) { d().client().addPort(port("0.0.0.0", 25565), done); }));
        QCOMPARE(run(6),
                 (QJsonObject{{QStringLiteral("message"), QStringLiteral("Deleted 2 ports from pool")},
                              {QStringLiteral("deleted_count"), 2}}));
        const auto left = listPorts();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left[0].port, 19132);

        // No Available Ports
        QVERIFY(clientOk(
            [&](auto done) { d().client().setPortInUse(QStringLiteral("0.0.0.0"), 19132, true, done); }));
        const QJsonObject none = run(3);
        QCOMPARE(none.value(QStringLiteral("error")).toString(),
                 QStringLiteral("No available ports in pool"));
        QCOMPARE(none.value(QStringLiteral("code")).toString(), QStringLiteral("no_available_ports"));
    }

    void statusCodes()
    {
        const auto added = post(QStringLiteral("/network/ports"), portJson("0.0.0.0", 25565, "tcp"));
        QCOMPARE(added.status, 201);
        API_VERIFY_ERROR(post(QStringLiteral("/network/ports"), portJson("0.0.0.0", 25565, "tcp")), 409,
                         "port_exists");
        API_VERIFY_ERROR(get(QStringLiteral("/network/ports/0.0.0.0/1")), 404, "port_not_found");
        API_VERIFY_ERROR(curl(curlArgs(d(), "DELETE", QStringLiteral("/network/ports/0.0.0.0/1"))), 404,
                         "port_not_found");
        API_VERIFY_ERROR(curl(curlArgs(d(), "PUT", QStringLiteral("/network/ports/0.0.0.0/1/use"),
                                       jsonBody(R"({"in_use":true})"))),
                         404, "port_not_found");
        QCOMPARE(get(QStringLiteral("/network/ports/0.0.0.0/25565")).status, 200);
        QCOMPARE(curl(curlArgs(d(), "DELETE", QStringLiteral("/network/ports/0.0.0.0/25565"))).status, 200);
        API_VERIFY_ERROR(get(QStringLiteral("/network/ports/random")), 404, "no_available_ports");
    }

    void sameTcpPortOnAnotherIp()
    {
        QCOMPARE(post(QStringLiteral("/network/ports"), portJson("0.0.0.0", 25565, "tcp")).status, 201);
        QCOMPARE(post(QStringLiteral("/network/ports"), portJson("127.0.0.1", 25565, "tcp")).status, 201);
        QCOMPARE(listPorts().size(), 2);
        QCOMPARE(get(QStringLiteral("/network/ports/127.0.0.1/25565"))
                     .json()
                     .value(QStringLiteral("ip"))
                     .toString(),
                 QStringLiteral("127.0.0.1"));
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("port 0") << QByteArray(R"({"ip":"0.0.0.0","port":0,"protocol":"tcp"})")
                                << QStringLiteral("port");
        QTest::newRow("port 65536") << QByteArray(R"({"ip":"0.0.0.0","port":65536,"protocol":"tcp"})")
                                    << QStringLiteral("port");
        QTest::newRow("port negative")
            << QByteArray(R"({"ip":"0.0.0.0","port":-80,"protocol":"tcp"})") << QStringLiteral("port");
        QTest::newRow("port fraction")
            << QByteArray(R"({"ip":"0.0.0.0","port":80.5,"protocol":"tcp"})") << QStringLiteral("port");
        QTest::newRow("port string") << QByteArray(R"({"ip":"0.0.0.0","port":"80","protocol":"tcp"})")
                                     << QStringLiteral("port");
        QTest::newRow("port null") << QByteArray(R"({"ip":"0.0.0.0","port":null,"protocol":"tcp"})")
                                   << QStringLiteral("port");
        QTest::newRow("ip octet 999")
            << QByteArray(R"({"ip":"999.1.1.1","port":80,"protocol":"tcp"})") << QStringLiteral("ip");
        QTest::newRow("ip words") << QByteArray(R"({"ip":"not-an-ip","port":80,"protocol":"tcp"})")
                                  << QStringLiteral("ip");
        QTest::newRow("ip three octets")
            << QByteArray(R"({"ip":"10.0.0","port":80,"protocol":"tcp"})") << QStringLiteral("ip");
        QTest::newRow("ip integer") << QByteArray(R"({"ip":"2130706433","port":80,"protocol":"tcp"})")
                                    << QStringLiteral("ip");
        QTest::newRow("ip hex octet")
            << QByteArray(R"({"ip":"0x7f.0.0.1","port":80,"protocol":"tcp"})") << QStringLiteral("ip");
        QTest::newRow("ip leading zero")
            << QByteArray(R"({"ip":"010.1.1.1","port":80,"protocol":"tcp"})") << QStringLiteral("ip");
        QTest::newRow("ip empty") << QByteArray(R"({"ip":"","port":80,"protocol":"tcp"})")
                                  << QStringLiteral("ip");
        QTest::newRow("ip with port")
            << QByteArray(R"({"ip":"1.2.3.4:80","port":80,"protocol":"tcp"})") << QStringLiteral("ip");
        QTest::newRow("protocol icmp")
            << QByteArray(R"({"ip":"0.0.0.0","port":80,"protocol":"icmp"})") << QStringLiteral("protocol");
        QTest::newRow("protocol empty")
            << QByteArray(R"({"ip":"0.0.0.0","port":80,"protocol":""})") << QStringLiteral("protocol");
        QTest::newRow("protocol number")
            << QByteArray(R"({"ip":"0.0.0.0","port":80,"protocol":6})") << QStringLiteral("protocol");
    }

    void validation()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const auto r = curl(curlArgs(d(), "POST", QStringLiteral("/network/ports"), jsonBody(body)));
        // QHostAddress::setAddress alone would take inet_aton shorthand ("10.0.0", "2130706433",
        // "0x7f.0.0.1", octal "010.1.1.1"); the pool must refuse it rather than store another address than
        // sent.
        QVERIFY2(r.status == 400,
                 qPrintable(QStringLiteral("%1 %2").arg(r.status).arg(QString::fromUtf8(r.body))));
        const QString code = r.json().value(QStringLiteral("code")).toString();
        QVERIFY2(code == QLatin1StringView("invalid_field") || code == QLatin1StringView("missing_field"),
                 r.body.constData());
        QVERIFY2(r.json()
                     .value(QStringLiteral("error"))
                     .toString()
                     .contains(QLatin1Char('\'') + field + QLatin1Char('\'')),
                 r.body.constData());
        QVERIFY(listPorts().isEmpty()); // nothing added
    }

    void pathValidation()
    {
        API_VERIFY_ERROR(get(QStringLiteral("/network/ports/0.0.0.0/0")), 400, "invalid_field");
        API_VERIFY_ERROR(get(QStringLiteral("/network/ports/0.0.0.0/65536")), 400, "invalid_field");
        API_VERIFY_ERROR(get(QStringLiteral("/network/ports/0.0.0.0/http")), 400, "invalid_field");
        API_VERIFY_ERROR(curl(curlArgs(d(), "DELETE", QStringLiteral("/network/ports/0.0.0.0/0"))), 400,
                         "invalid_field");
        API_VERIFY_ERROR(curl(curlArgs(d(), "PUT", QStringLiteral("/network/ports/0.0.0.0/-1/use"),
                                       jsonBody(R"({"in_use":true})"))),
                         400, "invalid_field");
        const auto badIp = get(QStringLiteral("/network/ports/not-an-ip/80"));
        QVERIFY2(badIp.status == 400 || badIp.status == 404, badIp.body.constData());
    }

    void protocolCaseAndIpNormalised()
    {
        const auto r = post(QStringLiteral("/network/ports"), portJson("::1", 7000, "UDP"));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("protocol")).toString(), QStringLiteral("udp"));
        // IPv6 in the path, percent-encoded, through the shared client
        const auto one = awaitResult<ApiResult<PortDto>>(
            [&](auto done) { d().client().getPort(QStringLiteral("::1"), 7000, done); });
        QVERIFY(one && one->ok());
        QCOMPARE((*one)->protocol, QStringLiteral("udp"));
        // the same address spelled differently is the same pool entry
        API_VERIFY_ERROR(post(QStringLiteral("/network/ports"), portJson("0:0:0:0:0:0:0:1", 7000, "udp")),
                         409, "port_exists");
    }

    void randomWithProtocolFilter()
    {
        QList<PortDto> pool{port("0.0.0.0", 30001), port("0.0.0.0", 30002), port("0.0.0.0", 30003),
                            port("0.0.0.0", 30010, "udp")};
        QVERIFY(clientOk([&](auto done) { d().client().addPorts(pool, done); }));
        QSet<int> tcpSeen;
        for (int i = 0; i < 30; ++i) {
            const auto u = get(QStringLiteral("/network/ports/random?protocol=udp"));
            QCOMPARE(u.status, 200);
            QCOMPARE(u.json().value(QStringLiteral("port")).toInt(), 30010);
            QCOMPARE(u.json().value(QStringLiteral("protocol")).toString(), QStringLiteral("udp"));
            const auto t = awaitResult<ApiResult<PortDto>>(
                [&](auto done) { d().client().randomPort(QStringLiteral("tcp"), done); });
            QVERIFY(t && t->ok());
            QCOMPARE((*t)->protocol, QStringLiteral("tcp"));
            tcpSeen.insert((*t)->port);
        }
        QVERIFY2(tcpSeen.size() >= 2, "random is not random");
        QVERIFY(tcpSeen.contains(30001) || tcpSeen.contains(30002) || tcpSeen.contains(30003));
        // upper-case filter is fine, an unknown one is 400
        QCOMPARE(get(QStringLiteral("/network/ports/random?protocol=UDP")).status, 200);
        API_VERIFY_ERROR(get(QStringLiteral("/network/ports/random?protocol=icmp")), 400, "invalid_field");
        // udp all in use: 404 for udp, tcp still fine
        QVERIFY(clientOk(
            [&](auto done) { d().client().setPortInUse(QStringLiteral("0.0.0.0"), 30010, true, done); }));
        const auto none = get(QStringLiteral("/network/ports/random?protocol=udp"));
        API_VERIFY_ERROR(none, 404, "no_available_ports");
        QCOMPARE(none.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("No available ports in pool"));
        QCOMPARE(get(QStringLiteral("/network/ports/random?protocol=tcp")).status, 200);
        // random never returns a port in use
        for (int p : {30001, 30002})
            QVERIFY(clientOk(
                [&](auto done) { d().client().setPortInUse(QStringLiteral("0.0.0.0"), p, true, done); }));
        for (int i = 0; i < 10; ++i)
            QCOMPARE(
                get(QStringLiteral("/network/ports/random")).json().value(QStringLiteral("port")).toInt(),
                30003);
    }

    void putUse()
    {
        QCOMPARE(post(QStringLiteral("/network/ports"), portJson("0.0.0.0", 25565, "tcp")).status, 201);
        const auto on = curl(curlArgs(d(), "PUT", QStringLiteral("/network/ports/0.0.0.0/25565/use"),
                                      jsonBody(R"({"in_use":true})")));
        QCOMPARE(on.status, 200);
        QCOMPARE(on.json().value(QStringLiteral("in_use")), QJsonValue(true));
        const auto one = get(QStringLiteral("/network/ports/0.0.0.0/25565"));
        QCOMPARE(one.json().value(QStringLiteral("in_use")), QJsonValue(true));
        QVERIFY(one.json().value(QStringLiteral("container")).isNull()); // marked by hand, no container
        const auto off = curl(curlArgs(d(), "PUT", QStringLiteral("/network/ports/0.0.0.0/25565/use"),
                                       jsonBody(R"({"in_use":false})")));
        QCOMPARE(off.status, 200);
        QCOMPARE(findPort(QStringLiteral("0.0.0.0"), 25565)->inUse, false);
        // idempotent
        QCOMPARE(curl(curlArgs(d(), "PUT", QStringLiteral("/network/ports/0.0.0.0/25565/use"),
                               jsonBody(R"({"in_use":false})")))
                     .status,
                 200);
        // a port in use by hand can still be deleted (no container holds it)
        QVERIFY(clientOk(
            [&](auto done) { d().client().setPortInUse(QStringLiteral("0.0.0.0"), 25565, true, done); }));
        QVERIFY(
            clientOk([&](auto done) { d().client().deletePort(QStringLiteral("0.0.0.0"), 25565, done); }));
        QVERIFY(listPorts().isEmpty());
    }

    void bulkAdd()
    {
        const QJsonObject body{{QStringLiteral("ports"), QJsonArray{portJson("0.0.0.0", 27015, "tcp"),
                                                                    portJson("0.0.0.0", 27016, "udp"),
                                                                    portJson("0.0.0.0", 27015, "tcp")}}};
        const auto r = post(QStringLiteral("/network/ports/bulk"), body);
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        QCOMPARE(r.json().value(QStringLiteral("added_count")).toInt(), 2); // the duplicate counted once
        QCOMPARE(listPorts().size(), 2);
        // entries already in the pool are skipped, not an error
        const auto again = post(QStringLiteral("/network/ports/bulk"),
                                {{QStringLiteral("ports"), QJsonArray{portJson("0.0.0.0", 27015, "tcp"),
                                                                      portJson("0.0.0.0", 27017, "tcp")}}});
        QCOMPARE(again.json().value(QStringLiteral("added_count")).toInt(), 1);
        QCOMPARE(listPorts().size(), 3);
        // empty list
        QCOMPARE(post(QStringLiteral("/network/ports/bulk"), {{QStringLiteral("ports"), QJsonArray{}}})
                     .json()
                     .value(QStringLiteral("added_count"))
                     .toInt(),
                 0);
        // one bad entry refuses the whole request and names it
        const auto bad = post(QStringLiteral("/network/ports/bulk"),
                              {{QStringLiteral("ports"), QJsonArray{portJson("0.0.0.0", 28000, "tcp"),
                                                                    portJson("0.0.0.0", 70000, "tcp")}}});
        QCOMPARE(bad.status, 400);
        const QString msg = bad.json().value(QStringLiteral("error")).toString();
        QVERIFY2(msg.contains(QStringLiteral("ports[1]")) && msg.contains(QStringLiteral("port")),
                 qPrintable(msg));
        QVERIFY(!findPort(QStringLiteral("0.0.0.0"), 28000));
        const auto notObject =
            post(QStringLiteral("/network/ports/bulk"), {{QStringLiteral("ports"), QJsonArray{1}}});
        QCOMPARE(notObject.status, 400);
        // the shared client
        QVERIFY(clientOk([&](auto done) {
            d().client().addPorts({port("10.0.0.1", 1000), port("10.0.0.1", 1001, "udp")}, done);
        }));
        QCOMPARE(listPorts().size(), 5);
    }

    void bulkDelete()
    {
        QVERIFY(clientOk([&](auto done) {
            d().client().addPorts(
                {port("0.0.0.0", 1), port("0.0.0.0", 2), port("0.0.0.0", 3), port("0.0.0.0", 4, "udp")},
                done);
        }));
        // seed form: entries without protocol; unknown entries are not counted
        const auto r = curl(curlArgs(
            d(), "POST", QStringLiteral("/network/ports/bulk-delete"),
            jsonBody(
                R"({"ports":[{"ip":"0.0.0.0","port":1},{"ip":"0.0.0.0","port":9},{"ip":"0.0.0.0","port":2},{"ip":"0.0.0.0","port":1}]})")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("message"), QStringLiteral("Deleted 2 ports from pool")},
                              {QStringLiteral("deleted_count"), 2}}));
        QCOMPARE(listPorts().size(), 2);
        // nothing matched
        const auto zero = curl(curlArgs(d(), "POST", QStringLiteral("/network/ports/bulk-delete"),
                                        jsonBody(R"({"ports":[{"ip":"0.0.0.0","port":9}]})")));
        QCOMPARE(zero.json().value(QStringLiteral("deleted_count")).toInt(), 0);
        QCOMPARE(zero.json().value(QStringLiteral("message")).toString(),
                 QStringLiteral("Deleted 0 ports from pool"));
        // invalid entry: 400 and nothing deleted
        const auto bad =
            curl(curlArgs(d(), "POST", QStringLiteral("/network/ports/bulk-delete"),
                          jsonBody(R"({"ports":[{"ip":"0.0.0.0","port":3},{"ip":"bad","port":4}]})")));
        QCOMPARE(bad.status, 400);
        QCOMPARE(listPorts().size(), 2);
        // the shared client
        QVERIFY(clientOk([&](auto done) {
            d().client().deletePorts({port("0.0.0.0", 3), port("0.0.0.0", 4, "udp")}, done);
        }));
        QVERIFY(listPorts().isEmpty());
    }

    void getOneShape()
    {
        QVERIFY(clientOk([&](auto done) { d().client().addPort(port("127.0.0.1", 8080), done); }));
        const auto r = get(QStringLiteral("/network/ports/127.0.0.1/8080"));
        QCOMPARE(r.status, 200);
        QVERIFY(hasShape(r.json(), {{QStringLiteral("ip"), QStringLiteral("127.0.0.1")},
                                    {QStringLiteral("port"), 8080},
                                    {QStringLiteral("protocol"), QStringLiteral("tcp")},
                                    {QStringLiteral("in_use"), false}}));
        const auto viaClient = awaitResult<ApiResult<PortDto>>(
            [&](auto done) { d().client().getPort(QStringLiteral("127.0.0.1"), 8080, done); });
        QVERIFY(viaClient && viaClient->ok());
        PortDto got = **viaClient;
        QVERIFY(got.id > 0);
        got.id = 0;
        QCOMPARE(got, port("127.0.0.1", 8080));
        // list and get agree
        QCOMPARE(listPorts(), QList<PortDto>{port("127.0.0.1", 8080)});
    }

    void manyPortsListed()
    {
        QList<PortDto> many;
        for (int p = 40000; p < 40500; ++p)
            many.append(port("0.0.0.0", p, p % 2 ? "udp" : "tcp"));
        QVERIFY(clientOk([&](auto done) { d().client().addPorts(many, done); }));
        const auto listed = listPorts();
        QCOMPARE(listed.size(), 500);
        QSet<int> seen;
        for (const auto &p : listed)
            seen.insert(p.port);
        QCOMPARE(seen.size(), 500);
        // the cached list follows every change
        QVERIFY(clientOk(
            [&](auto done) { d().client().setPortInUse(QStringLiteral("0.0.0.0"), 40007, true, done); }));
        QCOMPARE(findPort(QStringLiteral("0.0.0.0"), 40007)->inUse, true);
        QVERIFY(
            clientOk([&](auto done) { d().client().deletePort(QStringLiteral("0.0.0.0"), 40008, done); }));
        QCOMPARE(listPorts().size(), 499);
    }
};

QTEST_GUILESS_MAIN(TestApiPorts)
#include "tst_api_ports.moc"
