// The WebSocket protocol of one container console (API.md section 6) with Qt and node clients:
// upgrade refusals as plain HTTP before any 101 (401 token, 404 container, 403 origin), scoped and
// single-use tokens, commands and power over the socket, error frames for bad messages with the
// connection kept, 1009 past 64 KiB, rate limiting, and the last frames when the container is deleted.
#include "Curl.h"
#include "WsTestUtil.h"
#include "lightd/JsonUtil.h"

#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ws;

namespace {
const QByteArray kGoodOrigin = "http://panel.example";
const QByteArray kBadOrigin = "http://evil.example";

// curl with the upgrade headers; the daemon's answer (status, headers) and never a 101 when refused.
CurlResult upgradeWithCurl(const QString &url, const QByteArray &origin = {})
{
    QStringList args{QStringLiteral("--max-time"),
                     QStringLiteral("3"),
                     QStringLiteral("--http1.1"),
                     QStringLiteral("-H"),
                     QStringLiteral("Connection: Upgrade"),
                     QStringLiteral("-H"),
                     QStringLiteral("Upgrade: websocket"),
                     QStringLiteral("-H"),
                     QStringLiteral("Sec-WebSocket-Version: 13"),
                     QStringLiteral("-H"),
                     QStringLiteral("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==")};
    if (!origin.isEmpty())
        args << QStringLiteral("-H") << QStringLiteral("Origin: ") + QString::fromLatin1(origin);
    args << url;
    return curl(args);
}

QString statusLines(const CurlResult &r)
{
    QStringList out;
    for (const auto &l : r.headers.split('\n')) {
        if (l.startsWith("HTTP/"))
            out.append(QString::fromLatin1(l.trimmed()));
    }
    return out.join(QLatin1Char('|'));
}
} // namespace

class TestWsProtocol : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        env = std::make_unique<Env>(
            QStringLiteral("proto"),
            QJsonObject{
                {QStringLiteral("server"), QJsonObject{{QStringLiteral("allowed_origins"),
                                                        QJsonArray{QString::fromLatin1(kGoodOrigin)}}}},
                {QStringLiteral("authorization"), QJsonObject{{QStringLiteral("max_failures"), 1000}}}});
        QVERIFY(env->started);
        volume = env->createVolume();
        QVERIFY(!volume.isEmpty());
        id = env->id(QStringLiteral("proto"));
        QVERIFY(env->createRunning(id, volume));
    }
    void cleanupTestCase() { env.reset(); }

    void upgradeRefusedBeforeHandshake()
    {
        const QString base = QStringLiteral("http://127.0.0.1:%1/ws/").arg(env->daemon->port());
        struct Case
        {
            const char *name;
            QString url;
            QByteArray origin;
            int status;
            const char *code;
        };
        const QList<Case> cases{
            {"bad token",
             base + id + QStringLiteral("?token=lightd_wrong0000000000000000"),
             {},
             401,
             "unauthorized"},
            {"no token", base + id, {}, 401, "unauthorized"},
            {"unknown container",
             base + QStringLiteral("nosuch?token=") + env->token(),
             {},
             404,
             "container_not_found"},
            {"disallowed origin", base + id + QStringLiteral("?token=") + env->token(), kBadOrigin, 403,
             "forbidden"},
        };
        for (const auto &c : cases) {
            const CurlResult r = upgradeWithCurl(c.url, c.origin);
            QVERIFY2(r.status == c.status, qPrintable(QStringLiteral("%1: %2 %3")
                                                          .arg(QLatin1StringView(c.name))
                                                          .arg(r.status)
                                                          .arg(QString::fromUtf8(r.body))));
            QVERIFY2(!r.headers.contains("101"), qPrintable(statusLines(r)));
            QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QLatin1StringView(c.code));

            // Qt: a handshake error, no frame, no connection
            const QUrl url(c.url);
            QtViewer v(QStringLiteral("http://127.0.0.1:%1").arg(env->daemon->port()),
                       url.path().section(QLatin1Char('/'), 2),
                       QUrlQuery(url).queryItemValue(QStringLiteral("token")), c.origin);
            QVERIFY2(waitUntil([&] { return !v.socketErrors.isEmpty() || v.disconnected; }, 10000), c.name);
            QVERIFY(!v.connected);
            QVERIFY(v.frames.isEmpty());

            // node: never opens (node's WebSocket cannot set an Origin)
            if (c.origin.isEmpty()) {
                NodeClient n(QStringLiteral("wsclient.mjs"),
                             {QStringLiteral("probe"),
                              QString(c.url).replace(QStringLiteral("http:"), QStringLiteral("ws:"))});
                // node 20's WebSocket reports a failed handshake with an error event (and no close event)
                QVERIFY(n.waitType(QStringLiteral("error")));
                QVERIFY(n.ofType(QStringLiteral("open")).isEmpty());
                QVERIFY(n.ofType(QStringLiteral("frame")).isEmpty());
            }
        }
        // the allowed origin and no origin at all are accepted
        for (const QByteArray &origin : {kGoodOrigin, QByteArray()}) {
            QtViewer v(env->baseUrl(), id, env->token(), origin);
            QVERIFY(v.waitConnected());
            QCOMPARE(v.frames.first().text, QStringLiteral("running"));
        }
        // and curl, accepted, gets a 101
        const CurlResult ok =
            upgradeWithCurl(base + id + QStringLiteral("?token=") + env->token(), kGoodOrigin);
        QVERIFY2(statusLines(ok).startsWith(QLatin1StringView("HTTP/1.1 101")), qPrintable(statusLines(ok)));
    }

    void scopedTokens()
    {
        const QString once = env->scopedToken({QStringLiteral("ws:") + id}, true);
        QVERIFY(!once.isEmpty());
        {
            QtViewer v(env->baseUrl(), id, once);
            QVERIFY(v.waitConnected());
            QCOMPARE(v.frames.first().text, QStringLiteral("running"));
        }
        // used up
        QtViewer again(env->baseUrl(), id, once);
        QVERIFY(waitUntil([&] { return !again.socketErrors.isEmpty() || again.disconnected; }, 10000));
        QVERIFY(!again.connected);
        QCOMPARE(upgradeWithCurl(lightd::ConsoleSocket::consoleUrl(QUrl(env->baseUrl()), id, once)
                                     .toString()
                                     .replace(QStringLiteral("ws:"), QStringLiteral("http:")))
                     .status,
                 401);

        // a token for another container
        const QString other = env->scopedToken({QStringLiteral("ws:other")}, false);
        const CurlResult r =
            upgradeWithCurl(lightd::ConsoleSocket::consoleUrl(QUrl(env->baseUrl()), id, other)
                                .toString()
                                .replace(QStringLiteral("ws:"), QStringLiteral("http:")));
        QCOMPARE(r.status, 403); // a valid token outside its scope (issue 20's auth matrix)
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("forbidden"));
        QtViewer v(env->baseUrl(), id, other);
        QVERIFY(waitUntil([&] { return !v.socketErrors.isEmpty() || v.disconnected; }, 10000));
        QVERIFY(!v.connected);

        // a reusable token for this container works more than once
        const QString mine = env->scopedToken({QStringLiteral("ws:") + id}, false);
        for (int i = 0; i < 2; ++i) {
            QtViewer ok(env->baseUrl(), id, mine);
            QVERIFY(ok.waitConnected());
        }
    }

    void commandAndPower()
    {
        QtViewer v(env->baseUrl(), id, env->token());
        QVERIFY(v.waitConnected());
        v.socket.sendCommand(QStringLiteral("say hi over ws"));
        QVERIFY(waitUntil([&] { return v.sawConsole(QStringLiteral("echo:say hi over ws")); }));

        // wrong state: start while running
        v.socket.power(QStringLiteral("start"));
        QVERIFY(waitUntil([&] { return v.sawError(QStringLiteral("invalid_state")); }));

        v.socket.power(QStringLiteral("stop"));
        QVERIFY(waitUntil([&] { return v.sawState(QStringLiteral("ready")); }, 30000));
        QVERIFY(v.texts(QStringLiteral("event")).contains(QStringLiteral("stopping")));
        QCOMPARE(env->state(id), QStringLiteral("ready"));

        // wrong state again, from node this time; and a command while stopped is refused too
        NodeClient n(QStringLiteral("wsclient.mjs"),
                     {QStringLiteral("probe"),
                      lightd::ConsoleSocket::consoleUrl(QUrl(env->baseUrl()), id, env->token()).toString()});
        QVERIFY(n.waitType(QStringLiteral("open")));
        n.write(R"({"event":"power","action":"stop"})");
        QVERIFY(waitUntil([&] {
            for (const auto &f : n.ofType(QStringLiteral("frame")))
                if (f.value(QStringLiteral("event")).toString() == QLatin1StringView("error"))
                    return true;
            return false;
        }));
        QJsonObject err;
        for (const auto &f : n.ofType(QStringLiteral("frame")))
            if (f.value(QStringLiteral("event")).toString() == QLatin1StringView("error"))
                err = f.value(QStringLiteral("data")).toObject();
        QCOMPARE(err.value(QStringLiteral("code")).toString(), QStringLiteral("invalid_state"));
        QVERIFY(!err.value(QStringLiteral("message")).toString().isEmpty());

        const int errorsBefore = v.of(QStringLiteral("error")).size();
        v.socket.sendCommand(QStringLiteral("nobody listens"));
        QVERIFY(waitUntil([&] { return v.of(QStringLiteral("error")).size() > errorsBefore; }));

        // start over WS: starting, running, in that order, on both clients
        const qsizetype mark = v.frames.size();
        v.socket.power(QStringLiteral("start"));
        QVERIFY(waitUntil(
            [&] {
                return v.frames.size() > mark && v.sawState(QStringLiteral("running")) &&
                       v.texts(QStringLiteral("event")).last() == QLatin1StringView("running");
            },
            30000));
        QStringList states;
        for (qsizetype i = mark; i < v.frames.size(); ++i) {
            if (v.frames[i].event == QLatin1StringView("event"))
                states.append(v.frames[i].text);
        }
        QVERIFY2(states.indexOf(QStringLiteral("starting")) >= 0 &&
                     states.indexOf(QStringLiteral("starting")) <
                         states.lastIndexOf(QStringLiteral("running")),
                 qPrintable(states.join(QLatin1Char(','))));
        QVERIFY(waitUntil(
            [&] {
                for (const auto &f : n.ofType(QStringLiteral("frame")))
                    if (f.value(QStringLiteral("event")).toString() == QLatin1StringView("event") &&
                        f.value(QStringLiteral("data")).toString() == QLatin1StringView("running"))
                        return true;
                return false;
            },
            15000));
        v.socket.sendCommand(QStringLiteral("back again"));
        QVERIFY(waitUntil([&] { return v.sawConsole(QStringLiteral("echo:back again")); }));
    }

    // API.md section 6: console frames carry `seq`, logs frames `seqs`, GET /logs `first_seq`; the
    // same text twice is two lines with two numbers.
    void consoleLinesCarrySeq()
    {
        QtViewer a(env->baseUrl(), id, env->token());
        QVERIFY(a.waitConnected());
        QVERIFY(waitUntil([&] { return !a.of(QStringLiteral("logs")).isEmpty(); }));
        a.socket.sendCommand(QStringLiteral("same twice"));
        a.socket.sendCommand(QStringLiteral("same twice"));
        const QString echo = QStringLiteral("echo:same twice");
        QVERIFY(waitUntil([&] { return a.console().count(echo) == 2; }));
        QList<qint64> seqs;
        for (const auto &f : a.of(QStringLiteral("console")))
            if (f.text == echo)
                seqs.append(f.seq);
        QCOMPARE(seqs.size(), 2);
        QVERIFY(seqs[0] >= 0);
        QCOMPARE(seqs[1], seqs[0] + 1);
        // Live numbers continue the history the viewer was sent on connect.
        const auto history = a.of(QStringLiteral("logs")).first();
        QVERIFY(history.seq >= 0 || history.lines.isEmpty());
        QVERIFY(seqs[0] >= history.seq + history.lines.size());

        // A late viewer's history ends with the same two lines under the same numbers.
        QtViewer b(env->baseUrl(), id, env->token());
        QVERIFY(b.waitConnected());
        QVERIFY(waitUntil([&] { return !b.of(QStringLiteral("logs")).isEmpty(); }));
        const auto late = b.of(QStringLiteral("logs")).first();
        const qsizetype at = late.lines.lastIndexOf(echo);
        QVERIFY(at >= 1);
        QCOMPARE(late.lines.at(at - 1), echo);
        QCOMPARE(late.seq + at, seqs[1]);

        // GET /logs: the same numbering.
        const Reply r = env->get(QStringLiteral("/containers/%1/logs?lines=1000").arg(id));
        QCOMPARE(r.status, 200);
        const QStringList lines =
            lightd::json::toStringList(r.json().value(QStringLiteral("lines")).toArray());
        const qint64 first = r.json().value(QStringLiteral("first_seq")).toInteger(-1);
        QVERIFY2(first >= 0, qPrintable(r.dump()));
        QCOMPARE(lines.lastIndexOf(echo), qsizetype(seqs[1] - first));
    }

    void malformedMessagesKeepTheConnection()
    {
        QtViewer v(env->baseUrl(), id, env->token());
        QVERIFY(v.waitConnected());
        const QList<std::pair<QString, QString>> cases{
            {QStringLiteral("not json"), QStringLiteral("invalid_json")},
            {QStringLiteral("[1,2,3]"), QStringLiteral("invalid_json")},
            {QStringLiteral(R"({"event":"dance"})"), QStringLiteral("bad_request")},
            {QStringLiteral(R"({"no_event":1})"), QStringLiteral("bad_request")},
            {QStringLiteral(R"({"event":"send_command"})"), QStringLiteral("invalid_field")},
            {QStringLiteral(R"({"event":"send_command","command":42})"), QStringLiteral("invalid_field")},
            {QStringLiteral(R"({"event":"power"})"), QStringLiteral("invalid_field")},
            {QStringLiteral(R"({"event":"power","action":"explode"})"), QStringLiteral("invalid_field")},
            {QStringLiteral(R"({"event":"request_logs","lines":"many"})"), QStringLiteral("invalid_field")},
        };
        for (const auto &[text, code] : cases) {
            const int before = v.of(QStringLiteral("error")).size();
            v.socket.sendRaw(text);
            QVERIFY2(waitUntil([&] { return v.of(QStringLiteral("error")).size() > before; }),
                     qPrintable(text));
            QVERIFY2(v.of(QStringLiteral("error")).last().text == code,
                     qPrintable(text + QStringLiteral(" -> ") + v.of(QStringLiteral("error")).last().text));
            QVERIFY(v.socket.isConnected());
            QTest::qWait(60); // stay under the per-connection message rate
        }
        // still a working console
        v.socket.requestLogs(5);
        QVERIFY(waitUntil([&] { return v.of(QStringLiteral("logs")).size() >= 2; }));
        QCOMPARE(v.of(QStringLiteral("logs")).last().lines.size(), 5);
        v.socket.requestStats();
        QVERIFY(waitUntil([&] { return !v.of(QStringLiteral("stats")).isEmpty(); }));
        QVERIFY(!v.disconnected);

        // node, the same
        NodeClient n(QStringLiteral("wsclient.mjs"),
                     {QStringLiteral("probe"),
                      lightd::ConsoleSocket::consoleUrl(QUrl(env->baseUrl()), id, env->token()).toString()});
        QVERIFY(n.waitType(QStringLiteral("open")));
        n.write("{{{{");
        n.write(R"({"event":"request_stats"})");
        QVERIFY(waitUntil([&] {
            bool error = false, stats = false;
            for (const auto &f : n.ofType(QStringLiteral("frame"))) {
                error |= f.value(QStringLiteral("event")).toString() == QLatin1StringView("error");
                stats |= f.value(QStringLiteral("event")).toString() == QLatin1StringView("stats");
            }
            return error && stats;
        }));
        QVERIFY(n.ofType(QStringLiteral("close")).isEmpty());
    }

    // The rule REST /command follows too (API.md 6): one trailing \n or \r\n stripped, any other
    // control character refused with an error frame, the connection kept.
    void commandControlCharacters()
    {
        QtViewer v(env->baseUrl(), id, env->token());
        QVERIFY(v.waitConnected());
        if (env->state(id) != QLatin1StringView("running")) {
            QCOMPARE(env->post(QStringLiteral("/containers/%1/start").arg(id)).status, 202);
            QVERIFY(env->waitState(id, QStringLiteral("running")));
        }
        const QStringList bad{QStringLiteral("a\rb"),    QStringLiteral("nul") + QChar(0),
                              QStringLiteral("\x1b[2J"), QStringLiteral("bell\x07"),
                              QStringLiteral("x\n\n"),   QStringLiteral("c1") + QChar(0x85)};
        for (const auto &cmd : bad) {
            const int before = int(v.of(QStringLiteral("error")).size());
            v.socket.sendRaw(QString::fromUtf8(
                QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("send_command")},
                                          {QStringLiteral("command"), cmd}})
                    .toJson(QJsonDocument::Compact)));
            QVERIFY2(waitUntil([&] { return v.of(QStringLiteral("error")).size() > before; }),
                     cmd.toUtf8().toPercentEncoding().constData());
            QCOMPARE(v.of(QStringLiteral("error")).last().text, QStringLiteral("invalid_field"));
        }
        v.socket.sendCommand(QStringLiteral("ws-lf\n"));
        v.socket.sendCommand(QStringLiteral("ws-crlf\r\n"));
        QVERIFY(waitUntil([&] { return v.sawConsole(QStringLiteral("echo:ws-crlf")); }));
        QVERIFY(v.sawConsole(QStringLiteral("echo:ws-lf")));
        QVERIFY(!v.disconnected);
    }

    void oversizedMessageClosesWith1009()
    {
        // just under the limit: an error frame, the connection stays
        QtViewer under(env->baseUrl(), id, env->token());
        QVERIFY(under.waitConnected());
        under.socket.sendRaw(QString(60 * 1024, QLatin1Char('x')));
        QVERIFY(waitUntil([&] { return under.sawError(QStringLiteral("invalid_json")); }));
        QVERIFY(!under.disconnected);

        QtViewer v(env->baseUrl(), id, env->token());
        QVERIFY(v.waitConnected());
        v.socket.sendRaw(QString(65 * 1024, QLatin1Char('x')));
        QVERIFY(waitUntil([&] { return v.disconnected; }));
        QCOMPARE(v.closeCode, 1009);

        NodeClient n(QStringLiteral("wsclient.mjs"),
                     {QStringLiteral("probe"),
                      lightd::ConsoleSocket::consoleUrl(QUrl(env->baseUrl()), id, env->token()).toString()});
        QVERIFY(n.waitType(QStringLiteral("open")));
        n.write("BIG 70000");
        QVERIFY(n.waitType(QStringLiteral("close")));
        QCOMPARE(n.ofType(QStringLiteral("close")).first().value(QStringLiteral("code")).toInt(), 1009);
        QVERIFY(!under.disconnected);
    }

    void framesOfEveryLength()
    {
        // The daemon frames what it sends itself, once for every viewer: payload lengths in 7, 16 and
        // 64 bits (RFC 6455 5.2), and many frames in one write, must read back intact in Qt and node.
        QtViewer v(env->baseUrl(), id, env->token());
        QVERIFY(v.waitConnected());
        NodeClient n(QStringLiteral("wsclient.mjs"),
                     {QStringLiteral("probe"),
                      lightd::ConsoleSocket::consoleUrl(QUrl(env->baseUrl()), id, env->token()).toString()});
        QVERIFY(n.waitType(QStringLiteral("open")));
        QCOMPARE(env->command(id, QStringLiteral("burst 2 len7")).status, 202);
        QCOMPARE(env->command(id, QStringLiteral("burst 2 len16 1000")).status, 202);
        QCOMPARE(env->command(id, QStringLiteral("burst 1 len64 70000")).status, 202);
        QCOMPARE(env->command(id, QStringLiteral("burst 1000 many 100")).status, 202);
        auto nodeFrames = [&n](const QString &event) {
            n.readOutput();
            QList<QJsonValue> out;
            for (const auto &f : n.ofType(QStringLiteral("frame"))) {
                if (f.value(QStringLiteral("event")).toString() == event)
                    out.append(f.value(QStringLiteral("data")));
            }
            return out;
        };
        auto nodeConsole = [&] {
            QStringList out;
            for (const auto &d : nodeFrames(QStringLiteral("console")))
                out.append(d.toString());
            return out;
        };
        QVERIFY(waitUntil([&] { return v.sawConsole(QStringLiteral("many:end")); }, 30000));
        QVERIFY(waitUntil([&] { return nodeConsole().contains(QStringLiteral("many:end")); }, 30000));
        for (const QStringList &seen : {v.console(), nodeConsole()}) {
            QCOMPARE(numbers(seen, QStringLiteral("len7")), (QList<qint64>{1, 2}));
            QCOMPARE(numbers(seen, QStringLiteral("len16")), (QList<qint64>{1, 2}));
            QVERIFY(seen.filter(QStringLiteral("len16:")).first().size() > 1000);
            const QStringList big = seen.filter(QStringLiteral("len64:1:"));
            QCOMPARE(big.size(), 1);
            QVERIFY2(big.first().size() > 65535, qPrintable(QString::number(big.first().size())));
            QVERIFY(checkSequence(numbers(seen, QStringLiteral("many")), 1, 1000).isEmpty());
        }
        QCOMPARE(nodeConsole(), v.console());

        // history as one frame of 1000 lines of over 100 bytes: a 64-bit length
        v.socket.requestLogs(1000);
        n.write(R"({"event":"request_logs","lines":1000})");
        QVERIFY(waitUntil([&] { return v.of(QStringLiteral("logs")).size() == 2; }, 10000));
        QVERIFY(waitUntil([&] { return nodeFrames(QStringLiteral("logs")).size() == 2; }, 10000));
        const QStringList history = v.of(QStringLiteral("logs")).last().lines;
        QCOMPARE(history.size(), 1000);
        QCOMPARE(history.last(), QStringLiteral("many:end"));
        QVERIFY(history.join(QString()).size() > 65535);
        QCOMPARE(nodeFrames(QStringLiteral("logs")).last().toArray().toVariantList(),
                 QJsonArray::fromStringList(history).toVariantList());
    }

    void floodIsRateLimited()
    {
        QtViewer v(env->baseUrl(), id, env->token());
        QVERIFY(v.waitConnected());
        for (int i = 0; i < 200; ++i)
            v.socket.sendRaw(QStringLiteral(R"({"event":"request_logs","lines":1})"));
        QVERIFY(waitUntil(
            [&] { return v.of(QStringLiteral("error")).size() + v.of(QStringLiteral("logs")).size() >= 201; },
            20000));
        const int limited = int(v.texts(QStringLiteral("error")).count(QStringLiteral("rate_limited")));
        const int answered = int(v.of(QStringLiteral("logs")).size()) - 1;
        qInfo("200 messages at once: %d answered, %d rate_limited", answered, limited);
        QVERIFY(limited >= 150);
        QVERIFY(answered >= 1 && answered <= 40); // 20 a second
        QVERIFY(!v.disconnected);
        // after the window, answered again
        QVERIFY(waitUntil(
            [&] {
                const int before = int(v.of(QStringLiteral("logs")).size());
                v.socket.requestLogs(1);
                return waitUntil([&] { return v.of(QStringLiteral("logs")).size() > before; }, 300);
            },
            5000));
    }

    void deletedContainerClosesViewers()
    {
        QtViewer v(env->baseUrl(), id, env->token());
        QVERIFY(v.waitConnected());
        NodeClient n(QStringLiteral("wsclient.mjs"),
                     {QStringLiteral("probe"),
                      lightd::ConsoleSocket::consoleUrl(QUrl(env->baseUrl()), id, env->token()).toString()});
        QVERIFY(n.waitType(QStringLiteral("open")));
        const Reply r = env->call("DELETE", QStringLiteral("/containers/") + id);
        QCOMPARE(r.status, 200);
        QVERIFY(waitUntil([&] { return v.disconnected; }, 30000));
        QCOMPARE(v.closeCode, 1000);
        QVERIFY(!v.frames.isEmpty());
        // the last frames: a state frame, then the notice
        qsizetype lastState = -1;
        for (qsizetype i = 0; i < v.frames.size(); ++i) {
            if (v.frames[i].event == QLatin1StringView("event"))
                lastState = i;
        }
        QVERIFY(lastState >= 0);
        QCOMPARE(v.frames.last().event, QStringLiteral("daemon_message"));
        QCOMPARE(lastState, v.frames.size() - 2);
        QVERIFY(n.waitType(QStringLiteral("close")));
        QCOMPARE(n.ofType(QStringLiteral("close")).first().value(QStringLiteral("code")).toInt(), 1000);
        QVERIFY(waitUntil([&] { return env->viewers() == 0; }, 10000));
        QCOMPARE(env->streams("attach"), 0);
        QCOMPARE(env->streams("stats"), 0);
        // and the id is gone for new viewers
        QCOMPARE(upgradeWithCurl(QStringLiteral("http://127.0.0.1:%1/ws/%2?token=%3")
                                     .arg(env->daemon->port())
                                     .arg(id, env->token()))
                     .status,
                 404);
    }

  private:
    std::unique_ptr<Env> env;
    QString volume;
    QString id;
};

QTEST_MAIN(TestWsProtocol)
#include "tst_ws_protocol.moc"
