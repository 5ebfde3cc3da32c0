// The HTTP layer of the real daemon: errors as JSON, body and header limits (without buffering),
// 404/405/HEAD, 100-continue, Connection: close, idle timeout, X-Request-Id.
#include "ApiTestUtil.h"

#include <QTemporaryFile>
#include <QUuid>

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

class TestApiHttp : public QObject
{
    Q_OBJECT

    std::unique_ptr<DaemonProcess> m_daemon;
    QTemporaryDir m_tmp;

    DaemonProcess &d() { return *m_daemon; }

  private Q_SLOTS:
    void initTestCase()
    {
        m_daemon = std::make_unique<DaemonProcess>(testConfig(QJsonObject{
            {QStringLiteral("server"), QJsonObject{{QStringLiteral("idle_timeout_s"), 1},
                                                   {QStringLiteral("max_body_mb"), 10},
                                                   {QStringLiteral("max_header_kb"), 16}}},
            {QStringLiteral("authorization"), QJsonObject{{QStringLiteral("max_failures"), 100000}}},
        }));
        QVERIFY(d().start());
    }

    void publicRoutes()
    {
        static const QRegularExpression version(QStringLiteral("^\\d+\\.\\d+\\.\\d+$"));
        for (const char *path : {"/health", "/api/v1/public/ping"}) {
            const auto r = curl({d().url(QString::fromLatin1(path))}); // no token, no vendor header
            QCOMPARE(r.status, 200);
            const auto o = r.json();
            QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
            QVERIFY2(version.match(o.value(QStringLiteral("version")).toString()).hasMatch(),
                     r.body.constData());
            QCOMPARE(o.keys().size(), 2);
            QVERIFY(r.header("content-type").startsWith("application/json"));
        }
        // the shared client sees the same
        const auto h = awaitResult<ApiResult<QJsonObject>>([&](auto done) { d().client().health(done); });
        QVERIFY(h && h->ok());
        QCOMPARE((*h)->value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    }

    void badJson_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("truncated") << QByteArray(R"({"ip": "0.0.0.0", "port": )") << QStringLiteral("offset");
        QTest::newRow("trailing comma") << QByteArray(R"({"ip": "0.0.0.0",})") << QStringLiteral("offset");
        QTest::newRow("not json") << QByteArray("ip=0.0.0.0&port=1") << QStringLiteral("offset");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("object");
        QTest::newRow("string") << QByteArray("\"text\"") << QStringLiteral("JSON");
    }

    void badJson()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        const auto r = curl(curlArgs(d(), "POST", QStringLiteral("/network/ports"), jsonBody(body)));
        API_VERIFY_ERROR(r, 400, "invalid_json");
        const QString msg = r.json().value(QStringLiteral("error")).toString();
        QVERIFY2(msg.contains(mentions, Qt::CaseInsensitive), qPrintable(msg));
    }

    void fieldErrorsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        auto row = [](const char *name, const char *method, const char *path, const char *body,
                      const char *code, const char *field) {
            QTest::newRow(name) << QByteArray(method) << QString::fromLatin1(path) << QByteArray(body)
                                << QString::fromLatin1(code) << QString::fromLatin1(field);
        };
        row("port: empty body", "POST", "/network/ports", "", "missing_field", "ip");
        row("port: missing ip", "POST", "/network/ports", R"({"port":1,"protocol":"tcp"})", "missing_field",
            "ip");
        row("port: missing port", "POST", "/network/ports", R"({"ip":"0.0.0.0","protocol":"tcp"})",
            "missing_field", "port");
        row("port: unknown key", "POST", "/network/ports", R"({"ip":"0.0.0.0","port":1,"proto":"tcp"})",
            "unknown_field", "proto");
        row("port: port is a string", "POST", "/network/ports",
            R"({"ip":"0.0.0.0","port":"80","protocol":"tcp"})", "invalid_field", "port");
        row("port: ip is a number", "POST", "/network/ports", R"({"ip":127,"port":80,"protocol":"tcp"})",
            "invalid_field", "ip");
        row("use: missing in_use", "PUT", "/network/ports/0.0.0.0/1/use", "{}", "missing_field", "in_use");
        row("use: in_use string", "PUT", "/network/ports/0.0.0.0/1/use", R"({"in_use":"yes"})",
            "invalid_field", "in_use");
        row("bulk: ports missing", "POST", "/network/ports/bulk", "{}", "missing_field", "ports");
        row("bulk: ports not array", "POST", "/network/ports/bulk", R"({"ports":{}})", "invalid_field",
            "ports");
        row("bulk-delete: ports missing", "POST", "/network/ports/bulk-delete", "{}", "missing_field",
            "ports");
        row("token: bad ttl", "POST", "/auth/tokens", R"({"ttl":"5x"})", "invalid_field", "ttl");
        row("token: remove_on_use string", "POST", "/auth/tokens", R"({"remove_on_use":"no"})",
            "invalid_field", "remove_on_use");
        row("token: scopes not array", "POST", "/auth/tokens", R"({"scopes":"api"})", "invalid_field",
            "scopes");
        row("token: bad scope", "POST", "/auth/tokens", R"({"scopes":["root"]})", "invalid_field", "scopes");
        row("volume: size_mb string", "POST", "/volumes", R"({"size_mb":"big"})", "invalid_field", "size_mb");
        row("volume: size_mb zero", "POST", "/volumes", R"({"size_mb":0})", "invalid_field", "size_mb");
        row("volume: size_mb fraction", "POST", "/volumes", R"({"size_mb":1.5})", "invalid_field", "size_mb");
    }

    void fieldErrorsNameTheField()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QStringList extra;
        if (!body.isEmpty())
            extra = jsonBody(body);
        const auto r = curl(curlArgs(d(), method, path, extra));
        QVERIFY2(r.status == 400,
                 qPrintable(QStringLiteral("%1 %2").arg(r.status).arg(QString::fromUtf8(r.body))));
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), code);
        const QString msg = r.json().value(QStringLiteral("error")).toString();
        QVERIFY2(msg.contains(QLatin1Char('\'') + field + QLatin1Char('\'')) || msg.contains(field),
                 qPrintable(msg));
    }

    void oversizedContentLengthRefusedAtTheHead()
    {
        // 200 MB announced, not one byte sent: the 413 comes at once
        RawConnection c;
        QVERIFY(c.open(d().port()));
        QElapsedTimer t;
        t.start();
        c.send("POST /network/ports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + d().token().toUtf8() +
               "\r\nAccept: " + kVendor.toUtf8() +
               "\r\nContent-Type: application/json\r\nContent-Length: 209715200\r\n\r\n");
        QVERIFY(c.readUntilClosed(5000));
        const auto rs = c.responses();
        QCOMPARE(rs.size(), 1);
        QCOMPARE(rs[0].status, 413);
        QVERIFY(isError(QJsonDocument::fromJson(rs[0].body).object(), QStringLiteral("payload_too_large")));
        QVERIFY(!rs[0].header("x-request-id").isEmpty());
        QVERIFY2(t.elapsed() < 3000, "refused before any body byte, without waiting");
    }

    void oversizedBodyWithCurl_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("content-length") << false;
        QTest::newRow("chunked") << true;
    }

    // A 200 MB body (announced or chunked) is refused with 413 and the daemon's memory does not grow by it.
    void oversizedBodyWithCurl()
    {
        QFETCH(bool, chunked);
        const qint64 pid = d().process().processId();
        // settle what the earlier tests allocated, then read the baseline
        const qint64 rssBefore = procStatusKb(pid, "VmRSS");
        const qint64 hwmBefore = procStatusKb(pid, "VmHWM");
        QVERIFY(rssBefore > 0);

        const QString url = d().url(QStringLiteral("/network/ports"));
        const QString auth =
            QStringLiteral("-H 'Authorization: Bearer %1' -H 'Accept: %2'").arg(d().token(), kVendor);
        QString cmd;
        if (chunked) {
            cmd = QStringLiteral(
                      "head -c 209715200 /dev/zero | curl -s -o /dev/null -w '%{http_code}' -X POST %1 %2 "
                      "-H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' -H 'Expect:' -T -")
                      .arg(url, auth);
        } else {
            QTemporaryFile big(m_tmp.filePath(QStringLiteral("big-XXXXXX")));
            QVERIFY(big.open());
            QVERIFY(big.resize(209715200)); // sparse: no disk used
            big.setAutoRemove(false);
            cmd = QStringLiteral("curl -s -o /dev/null -w '%{http_code}' -X POST %1 %2 -H 'Content-Type: "
                                 "application/json' "
                                 "-H 'Expect:' --data-binary @%3")
                      .arg(url, auth, big.fileName());
        }
        const auto r = shell(cmd, 120000);
        // curl may see the connection cut while it is still sending; when it read the answer it is 413
        QVERIFY2(
            r.out == "413" || (r.out == "000" && r.exitCode != 0),
            qPrintable(
                QStringLiteral("curl printed %1, exit %2").arg(QString::fromUtf8(r.out)).arg(r.exitCode)));

        const qint64 rssAfter = procStatusKb(pid, "VmRSS");
        const qint64 hwmAfter = procStatusKb(pid, "VmHWM");
        qInfo("VmRSS %lld -> %lld kB, VmHWM %lld -> %lld kB", rssBefore, rssAfter, hwmBefore, hwmAfter);
        if (DaemonProcess::memoryBoundsApply()) {
            QVERIFY2(rssAfter - rssBefore < 50 * 1024, "RSS grew by (a large part of) the body");
            QVERIFY2(hwmAfter - hwmBefore < 50 * 1024,
                     "peak RSS grew by (a large part of) the body: it was buffered");
        }
        QVERIFY(d().isRunning());
        // and the daemon still answers
        QCOMPARE(curl({d().url(QStringLiteral("/health"))}).status, 200);
    }

    void oversizedChunkedRaw()
    {
        // chunked over the limit: 413 once the running total passes max_body_mb (10 MB)
        RawConnection c;
        QVERIFY(c.open(d().port()));
        c.send("POST /network/ports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + d().token().toUtf8() +
               "\r\nAccept: " + kVendor.toUtf8() + "\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk =
            QByteArray::number(1024 * 1024, 16) + "\r\n" + QByteArray(1024 * 1024, ' ') + "\r\n";
        for (int i = 0; i < 12 && c.socket.state() == QAbstractSocket::ConnectedState; ++i) {
            c.socket.write(chunk);
            c.socket.waitForBytesWritten(2000);
        }
        QVERIFY(c.readUntilClosed(10000));
        const auto rs = c.responses();
        QVERIFY2(rs.size() == 1, c.received.left(300).constData());
        QCOMPARE(rs[0].status, 413);
    }

    void bodyAtTheLimitAccepted()
    {
        // just under 10 MB of valid JSON goes through (the limit is not off by a lot)
        QByteArray body = "{\"ip\":\"0.0.0.0\",\"port\":40001,\"protocol\":\"tcp\"";
        body += QByteArray(10 * 1024 * 1024 - body.size() - 1, ' '); // JSON whitespace: no unknown key
        body += "}";
        QCOMPARE(body.size(), 10 * 1024 * 1024);
        QTemporaryFile f(m_tmp.filePath(QStringLiteral("limit-XXXXXX")));
        QVERIFY(f.open());
        f.write(body);
        f.flush();
        const auto r = curl(curlArgs(d(), "POST", QStringLiteral("/network/ports"),
                                     {QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
                                      QStringLiteral("--data-binary"), QLatin1Char('@') + f.fileName()}));
        QVERIFY2(r.status == 201, r.body.constData());
        // one byte more is 413
        f.write(" ");
        f.flush();
        const auto over = curl(curlArgs(d(), "POST", QStringLiteral("/network/ports"),
                                        {QStringLiteral("--data-binary"), QLatin1Char('@') + f.fileName()}));
        API_VERIFY_ERROR(over, 413, "payload_too_large");
    }

    void headersTooLarge()
    {
        const QString big = QStringLiteral("X-Big: ") + QString(20 * 1024, QLatin1Char('h'));
        const auto r = curl({d().url(QStringLiteral("/health")), QStringLiteral("-H"), big});
        API_VERIFY_ERROR(r, 431, "headers_too_large");
        QVERIFY(!r.header("x-request-id").isEmpty());
        // many headers that add up count too
        QStringList many{d().url(QStringLiteral("/health"))};
        for (int i = 0; i < 40; ++i)
            many << QStringLiteral("-H")
                 << QStringLiteral("X-H%1: %2").arg(i).arg(QString(500, QLatin1Char('v')));
        API_VERIFY_ERROR(curl(many), 431, "headers_too_large");
        // under the limit is fine
        QCOMPARE(curl({d().url(QStringLiteral("/health")), QStringLiteral("-H"),
                       QStringLiteral("X-Ok: ") + QString(8 * 1024, QLatin1Char('o'))})
                     .status,
                 200);
    }

    void unknownRoute404()
    {
        for (const char *path : {"/nope", "/network", "/network/ports/1/2/3/4/5", "/volumes/a/b/c/d/e"}) {
            const auto withAuth = curl(curlArgs(d(), "GET", QString::fromLatin1(path)));
            API_VERIFY_ERROR(withAuth, 404, "route_not_found");
            QVERIFY(withAuth.header("content-type").startsWith("application/json"));
        }
        // an unknown route is 404 with or without credentials
        API_VERIFY_ERROR(curl({d().url(QStringLiteral("/definitely/not/here"))}), 404, "route_not_found");
    }

    void wrongMethod405()
    {
        const auto a =
            curl({QStringLiteral("-X"), QStringLiteral("DELETE"), d().url(QStringLiteral("/health"))});
        API_VERIFY_ERROR(a, 405, "method_not_allowed");
        QCOMPARE(a.header("allow"), QByteArray("GET"));

        const auto b = curl(curlArgs(d(), "PATCH", QStringLiteral("/volumes/abc")));
        API_VERIFY_ERROR(b, 405, "method_not_allowed");
        QStringList allowed = QString::fromLatin1(b.header("allow")).split(QStringLiteral(", "));
        allowed.sort();
        QCOMPARE(allowed, (QStringList{QStringLiteral("DELETE"), QStringLiteral("GET")}));

        const auto c = curl(curlArgs(d(), "GET", QStringLiteral("/network/ports/bulk")));
        API_VERIFY_ERROR(c, 405, "method_not_allowed");
        QCOMPARE(c.header("allow"), QByteArray("POST"));
    }

    void headHasNoBody()
    {
        const auto r = curl({QStringLiteral("-I"), d().url(QStringLiteral("/health"))});
        QCOMPARE(r.status, 200);
        QVERIFY(!r.body.contains("\"status\""));         // curl -I prints the head only; no JSON came
        QVERIFY(r.header("content-length").toInt() > 0); // the GET's length

        // raw: nothing after the head, and the next response on the connection is framed right
        RawConnection c;
        QVERIFY(c.open(d().port()));
        c.send("HEAD /network/ports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + d().token().toUtf8() +
               "\r\nAccept: " + kVendor.toUtf8() +
               "\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY(c.readUntilClosed(5000));
        const auto rs = c.responses({true, false});
        QCOMPARE(rs.size(), 2);
        QCOMPARE(rs[0].status, 200);
        QVERIFY(rs[0].header("content-length").toInt() > 0);
        QVERIFY(rs[0].body.isEmpty());
        QCOMPARE(rs[1].status, 200);
        QVERIFY(rs[1].body.startsWith("{\"status\":\"ok\""));
        QVERIFY2(c.received.endsWith('}'), "nothing after the last response");
    }

    void expectContinueAnswered()
    {
        QByteArray body = "{\"ip\":\"0.0.0.0\",\"port\":40002,\"protocol\":\"tcp\"";
        body += QByteArray(2 * 1024 * 1024, ' ');
        body += "}";
        QTemporaryFile f(m_tmp.filePath(QStringLiteral("cont-XXXXXX")));
        QVERIFY(f.open());
        f.write(body);
        f.flush();
        QProcess p;
        p.start(QStringLiteral("curl"),
                QStringList{QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                            QStringLiteral("-w"), QStringLiteral("%{http_code} %{time_total}")} +
                    curlArgs(d(), "POST", QStringLiteral("/network/ports"),
                             {QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
                              QStringLiteral("-H"), QStringLiteral("Expect: 100-continue"),
                              QStringLiteral("--data-binary"), QLatin1Char('@') + f.fileName()}));
        QVERIFY(p.waitForFinished(30000));
        const auto parts = QString::fromLatin1(p.readAllStandardOutput()).split(QLatin1Char(' '));
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts[0], QStringLiteral("201"));
        const double seconds = parts[1].toDouble();
        qInfo("2 MB POST with Expect: 100-continue took %.3f s", seconds);
        // without a 100 Continue curl waits 1 s before sending the body anyway
        QVERIFY2(seconds < 0.5, qPrintable(parts[1]));

        // raw: the interim response arrives before any body byte is sent
        RawConnection c;
        QVERIFY(c.open(d().port()));
        c.send("POST /network/ports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + d().token().toUtf8() +
               "\r\nAccept: " + kVendor.toUtf8() +
               "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 48\r\n\r\n");
        QVERIFY(waitUntil(
            [&] {
                c.socket.waitForReadyRead(20);
                c.received += c.socket.readAll();
                return c.received.contains("\r\n\r\n");
            },
            3000));
        QVERIFY2(c.received.startsWith("HTTP/1.1 100 Continue\r\n\r\n"), c.received.constData());

        // over the limit: no 100, a 413 instead
        RawConnection big;
        QVERIFY(big.open(d().port()));
        big.send("POST /network/ports HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: "
                 "104857600\r\n\r\n");
        QVERIFY(big.readUntilClosed(5000));
        QVERIFY2(big.received.startsWith("HTTP/1.1 413"), big.received.left(100).constData());
    }

    void connectionCloseHonoured()
    {
        RawConnection c;
        QVERIFY(c.open(d().port()));
        QElapsedTimer t;
        t.start();
        c.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY2(c.readUntilClosed(3000), "the daemon did not close the connection");
        QVERIFY2(t.elapsed() < 900, "closed by the request, not by the idle timer");
        const auto rs = c.responses();
        QCOMPARE(rs.size(), 1);
        QCOMPARE(rs[0].status, 200);
        QCOMPARE(rs[0].header("connection").toLower(), QByteArray("close"));

        // HTTP/1.0 without keep-alive closes too
        RawConnection old;
        QVERIFY(old.open(d().port()));
        old.send("GET /health HTTP/1.0\r\n\r\n");
        QVERIFY(old.readUntilClosed(3000));
        QCOMPARE(old.responses().size(), 1);

        // a pipelined request after the close request is not answered
        RawConnection p;
        QVERIFY(p.open(d().port()));
        p.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /health HTTP/1.1\r\nHost: "
               "x\r\n\r\n");
        QVERIFY(p.readUntilClosed(3000));
        QCOMPARE(p.responses().size(), 1);
    }

    void keepAliveAndPipelining()
    {
        RawConnection c;
        QVERIFY(c.open(d().port()));
        QByteArray three;
        for (const char *id : {"pipe-1", "pipe-2", "pipe-3"})
            three += QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nX-Request-Id: ") + id + "\r\n\r\n";
        c.send(three);
        QVERIFY(c.readResponses(3, 5000));
        const auto rs = c.responses();
        QCOMPARE(rs.size(), 3);
        QCOMPARE(rs[0].header("x-request-id"), QByteArray("pipe-1"));
        QCOMPARE(rs[1].header("x-request-id"), QByteArray("pipe-2"));
        QCOMPARE(rs[2].header("x-request-id"), QByteArray("pipe-3"));
        QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
    }

    void idleConnectionClosed()
    {
        // server.idle_timeout_s = 1: a silent connection is closed after about a second
        RawConnection c;
        QVERIFY(c.open(d().port()));
        QElapsedTimer t;
        t.start();
        QVERIFY2(c.readUntilClosed(6000), "idle connection still open after 6 s");
        QVERIFY2(t.elapsed() >= 700, qPrintable(QString::number(t.elapsed())));
        QVERIFY(c.received.isEmpty());

        // and after a keep-alive request, the idle timer runs again
        RawConnection k;
        QVERIFY(k.open(d().port()));
        k.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(k.readResponses(1, 3000));
        t.restart();
        QVERIFY2(k.readUntilClosed(6000), "keep-alive connection not closed when idle");
        QVERIFY2(t.elapsed() >= 500, qPrintable(QString::number(t.elapsed())));
    }

    void slowHeadIsNotIdle()
    {
        // a connection that keeps sending its head byte by byte, within the idle time, stays open
        RawConnection c;
        QVERIFY(c.open(d().port()));
        const QByteArray req = "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        // three pieces, 400 ms apart: 1.2 s in all, more than the 1 s idle timeout
        const qsizetype third = req.size() / 3;
        for (int i = 0; i < 3; ++i) {
            c.send(req.mid(i * third, i == 2 ? -1 : third));
            QTest::qWait(400);
        }
        QVERIFY(c.readUntilClosed(3000));
        QCOMPARE(c.responses().size(), 1);
        QCOMPARE(c.responses()[0].status, 200);
    }

    void requestIdOnEveryResponse()
    {
        static const QRegularExpression sane(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
        QList<CurlResult> results{
            curl({d().url(QStringLiteral("/health"))}),                   // 200 public
            curl(curlArgs(d(), "GET", QStringLiteral("/network/ports"))), // 200 protected
            curl({d().url(QStringLiteral("/network/ports"))}),            // 401
            curl({d().url(QStringLiteral("/network/ports")), QStringLiteral("-H"),
                  QStringLiteral("Authorization: Bearer ") + d().token()}),                           // 403
            curl(curlArgs(d(), "GET", QStringLiteral("/nope"))),                                      // 404
            curl({QStringLiteral("-X"), QStringLiteral("POST"), d().url(QStringLiteral("/health"))}), // 405
            curl(curlArgs(d(), "POST", QStringLiteral("/network/ports"), jsonBody("{"))),             // 400
        };
        QSet<QByteArray> ids;
        for (const auto &r : results) {
            const QByteArray id = r.header("x-request-id");
            QVERIFY2(sane.match(QString::fromLatin1(id)).hasMatch(), r.headers.constData());
            ids.insert(id);
        }
        QCOMPARE(ids.size(), results.size()); // unique per request
    }

    void requestIdEchoedAndLogged()
    {
        const QString mine = QStringLiteral("req-") + QUuid::createUuid().toString(QUuid::Id128).left(16);
        const auto r = curl(curlArgs(d(), "GET", QStringLiteral("/network/ports"),
                                     {QStringLiteral("-H"), QStringLiteral("X-Request-Id: ") + mine}));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-request-id"), mine.toLatin1());
        // the daemon's log line for the request carries the same id
        QVERIFY2(waitUntil([&] { return d().log().contains(mine.toLatin1()); }, 5000),
                 "request id not in the log");
        const auto lines = d().log().split('\n');
        for (const auto &line : lines) {
            if (line.contains(mine.toLatin1())) {
                QVERIFY2(line.contains("/network/ports") && line.contains("200"), line.constData());
                break;
            }
        }
        // ids that are not sane are replaced, never echoed
        for (const QString &bad : {QStringLiteral("has space"), QString(100, QLatin1Char('a')),
                                   QStringLiteral("semi;colon"), QStringLiteral("<script>")}) {
            const auto b = curl({d().url(QStringLiteral("/health")), QStringLiteral("-H"),
                                 QStringLiteral("X-Request-Id: ") + bad});
            QCOMPARE(b.status, 200);
            QVERIFY(!b.header("x-request-id").isEmpty());
            QVERIFY2(b.header("x-request-id") != bad.toLatin1(), qPrintable(bad));
        }
        // a refused request (431) is logged with its id too
        const auto refused = curl({d().url(QStringLiteral("/health")), QStringLiteral("-H"),
                                   QStringLiteral("X-Big: ") + QString(20 * 1024, QLatin1Char('h'))});
        QCOMPARE(refused.status, 431);
        const QByteArray rid = refused.header("x-request-id");
        QVERIFY(!rid.isEmpty());
        QVERIFY2(waitUntil([&] { return d().log().contains(rid); }, 5000), rid.constData());
    }

    // One generator serves handled requests and the guard's refusals, and every one of them gets an
    // access line (lightd.api) with the id its response carries.
    void refusalsShareRequestIdsAndAccessLines()
    {
        auto accessLine = [&](const QByteArray &rid) -> QByteArray {
            QByteArray found;
            waitUntil(
                [&] {
                    for (const QByteArray &line : d().log().split('\n'))
                        if (line.contains("lightd.api: " + rid + ' '))
                            found = line;
                    return !found.isEmpty();
                },
                5000);
            return found;
        };
        // Ids the daemon makes up look alike, handled or refused: "<per-process prefix>-<counter>".
        const QByteArray handled = curl({d().url(QStringLiteral("/health"))}).header("x-request-id");
        const auto big = curl({d().url(QStringLiteral("/health")), QStringLiteral("-H"),
                               QStringLiteral("X-Big: ") + QString(20 * 1024, QLatin1Char('h'))});
        const QByteArray refused = big.header("x-request-id");
        const auto dash = handled.lastIndexOf('-');
        QVERIFY2(dash > 0 && refused.startsWith(handled.first(dash + 1)),
                 (handled + " vs " + refused).constData());
        QVERIFY2(accessLine(refused).contains(" 431 "), accessLine(refused).constData());

        // The client's own id is kept by refusals that have read the head: 413 at the head, and a
        // console upgrade refused before the 101.
        RawConnection c;
        QVERIFY(c.open(d().port()));
        c.send("POST /network/ports HTTP/1.1\r\nHost: x\r\nX-Request-Id: mine-413\r\nContent-Length: "
               "999999999\r\n\r\n");
        QVERIFY(c.readUntilClosed(5000));
        QCOMPARE(c.responses().value(0).status, 413);
        QCOMPARE(c.responses().value(0).header("x-request-id"), QByteArray("mine-413"));
        const QByteArray line413 = accessLine("mine-413");
        QVERIFY2(line413.contains(" POST /network/ports 413 "), line413.constData());

        const auto ws = curl({d().url(QStringLiteral("/ws/nobody?token=wrong")), QStringLiteral("-H"),
                              QStringLiteral("Connection: Upgrade"), QStringLiteral("-H"),
                              QStringLiteral("Upgrade: websocket"), QStringLiteral("-H"),
                              QStringLiteral("Sec-WebSocket-Version: 13"), QStringLiteral("-H"),
                              QStringLiteral("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="),
                              QStringLiteral("-H"), QStringLiteral("X-Request-Id: mine-ws")});
        QCOMPARE(ws.status, 401);
        QCOMPARE(ws.header("x-request-id"), QByteArray("mine-ws"));
        const QByteArray lineWs = accessLine("mine-ws");
        QVERIFY2(lineWs.contains(" GET /ws/nobody 401 "),
                 lineWs.constData()); // the token in the query is not logged
    }

    void malformedRequest400()
    {
        RawConnection c;
        QVERIFY(c.open(d().port()));
        c.send("THIS IS NOT HTTP\r\n\r\n");
        QVERIFY(c.readUntilClosed(3000));
        const auto rs = c.responses();
        QCOMPARE(rs.size(), 1);
        QCOMPARE(rs[0].status, 400);
        QVERIFY(isError(QJsonDocument::fromJson(rs[0].body).object(), QStringLiteral("bad_request")));
    }

    // Docker failures reach the client through the one mapping (503 docker_unavailable when the
    // engine cannot be reached), the same for /system/info as for the container routes.
    void systemInfo()
    {
        auto metrics = [](DaemonProcess &p) {
            return curl(curlArgs(p, "GET", QStringLiteral("/system/metrics"))).json();
        };
        QVERIFY(waitUntil([&] { return metrics(d()).value(QStringLiteral("docker_available")).toBool(); },
                          20000));
        const auto up = curl(curlArgs(d(), "GET", QStringLiteral("/system/info")));
        QCOMPARE(up.status, 200);
        QVERIFY2(!up.json()
                      .value(QStringLiteral("docker"))
                      .toObject()
                      .value(QStringLiteral("Version"))
                      .toString()
                      .isEmpty(),
                 up.body.constData());

        DaemonProcess down(
            testConfig({{QStringLiteral("docker"),
                         QJsonObject{{QStringLiteral("socket_path"),
                                      QStringLiteral("/nonexistent/lightd-test/docker.sock")}}}}));
        QVERIFY(down.start());
        API_VERIFY_ERROR(curl(curlArgs(down, "GET", QStringLiteral("/system/info"))), 503,
                         "docker_unavailable");
    }

    void daemonStillHealthy()
    {
        QVERIFY(d().isRunning());
        QCOMPARE(curl({d().url(QStringLiteral("/health"))}).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestApiHttp)
#include "tst_api_http.moc"
