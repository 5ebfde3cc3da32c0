// What one console token holder may cost the daemon (issue 13, finding 4): a viewer that pings and
// never reads is closed (1008) before the pongs it owes pile up; viewers per container and messages
// per viewer are capped the way Wings caps them since CVE-2025-69199 (config keys).
#include "Curl.h"
#include "WsTestUtil.h"

#include <QtTest>

using namespace lightd::test;
using namespace lightd::test::ws;

namespace {
qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const auto &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// A client frame, masked as RFC 6455 requires (mask 0x01020304).
QByteArray clientFrame(quint8 opcode, const QByteArray &payload)
{
    QByteArray f;
    f.append(char(0x80 | opcode));
    Q_ASSERT(payload.size() < 126);
    f.append(char(0x80 | payload.size()));
    const char mask[4] = {1, 2, 3, 4};
    f.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        f.append(char(payload[i] ^ mask[i % 4]));
    return f;
}

CurlResult upgrade(const QString &url)
{
    return curl({QStringLiteral("--max-time"), QStringLiteral("3"), QStringLiteral("--http1.1"),
                 QStringLiteral("-H"), QStringLiteral("Connection: Upgrade"), QStringLiteral("-H"),
                 QStringLiteral("Upgrade: websocket"), QStringLiteral("-H"),
                 QStringLiteral("Sec-WebSocket-Version: 13"), QStringLiteral("-H"),
                 QStringLiteral("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="), url});
}
} // namespace

class TestWsLimits : public QObject
{
    Q_OBJECT
    // A console opened by hand on a raw socket; `got` holds the 101 answer. The key is RFC 6455's
    // example, whose accept value the RFC gives.
    bool openRaw(QTcpSocket &s, QByteArray &got, const QByteArray &version = "13")
    {
        s.connectToHost(QHostAddress::LocalHost, QUrl(env->baseUrl()).port());
        if (!s.waitForConnected(5000))
            return false;
        s.write("GET /ws/" + id.toUtf8() + "?token=" + env->token().toUtf8() +
                " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                "Sec-WebSocket-Version: " +
                version + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
        waitUntil([&] {
            got += s.readAll();
            return got.contains("\r\n\r\n");
        });
        if (!got.startsWith("HTTP/1.1 101")) {
            qWarning("no 101: %s", got.constData());
            return false;
        }
        return got.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n");
    }
    // Reads until the server's close frame (0x88) or the end of the connection; its code, or -1.
    int closeCode(QTcpSocket &s, QByteArray &got)
    {
        waitUntil(
            [&] {
                got += s.readAll();
                return got.contains(QByteArray("\x88", 1)) || s.state() != QAbstractSocket::ConnectedState;
            },
            10000);
        got += s.readAll();
        const qsizetype close = got.lastIndexOf(QByteArray("\x88", 1));
        if (close < 0 || got.size() < close + 4)
            return -1;
        return (quint8(got[close + 2]) << 8) | quint8(got[close + 3]);
    }

  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        env = std::make_unique<Env>(QStringLiteral("lim"),
                                    QJsonObject{{QStringLiteral("websocket"),
                                                 QJsonObject{{QStringLiteral("max_viewers_per_container"), 3},
                                                             {QStringLiteral("max_messages"), 5},
                                                             {QStringLiteral("message_window_ms"), 1000}}}});
        QVERIFY(env->started);
        volume = env->createVolume();
        QVERIFY(!volume.isEmpty());
        id = env->id(QStringLiteral("lim"));
        QVERIFY(env->createRunning(id, volume));
    }
    void cleanupTestCase() { env.reset(); }

    // The probe: pings without reading took RSS from 39 to 180 MB in 2.4 s, held until it closed.
    void pingFloodClosed1008()
    {
        const qint64 pid = env->daemon->process().processId();
        QTcpSocket s;
        QByteArray got;
        QVERIFY(openRaw(s, got));
        QVERIFY(waitUntil([&] { return env->viewers() == 1; }));
        s.setReadBufferSize(1); // from here on it never reads

        const QByteArray ping = clientFrame(0x9, QByteArray(125, 'p'));
        QByteArray batch;
        for (int i = 0; i < 8000; ++i) // ~1 MB of pings
            batch += ping;
        const qint64 before = rssKb(pid);
        qint64 peak = before;
        int sentMb = 0;
        for (; sentMb < 150 && s.state() == QAbstractSocket::ConnectedState; ++sentMb) {
            s.write(batch);
            waitUntil([&] { return s.bytesToWrite() < 4 * batch.size(); }, 200);
            peak = std::max(peak, rssKb(pid));
            if (env->viewers() == 0)
                break;
        }
        qInfo("ping flood: %d MB of pings sent, RSS %lld kB before, peak %lld kB", sentMb, before, peak);
        QVERIFY2(waitUntil([&] { return env->viewers() == 0; }, 10000), "the flooding viewer was not closed");
        if (DaemonProcess::memoryBoundsApply())
            QVERIFY2(peak - before < 20 * 1024,
                     qPrintable(QStringLiteral("RSS grew %1 kB").arg(peak - before)));
        s.abort();
        // others are still served
        QtViewer v(env->baseUrl(), id, env->token());
        QVERIFY(v.waitConnected());
    }

    // A message split into endless empty continuation frames never reaches the size limit: past
    // 256 fragments the viewer is closed with 1002 (protocol error).
    void emptyContinuationFloodClosed1002()
    {
        QTcpSocket s;
        QByteArray got;
        QVERIFY(openRaw(s, got));
        QByteArray frames = clientFrame(0x1, "a");
        frames[0] = char(0x01); // text, not final
        QByteArray empty = clientFrame(0x0, QByteArray());
        empty[0] = char(0x00); // continuation, not final
        for (int i = 0; i < 2000; ++i)
            frames += empty;
        s.write(frames);
        QCOMPARE(closeCode(s, got), 1002);
        s.abort();
        QVERIFY(waitUntil([&] { return env->viewers() == 0; }));
    }

    // RFC 6455 5.1: a server closes on an unmasked client frame (1002). Qt 6.4's QWebSocket took
    // them; the daemon reads client frames itself now (issue 13).
    void unmaskedFrameClosed1002()
    {
        QTcpSocket s;
        QByteArray got;
        QVERIFY(openRaw(s, got));
        QVERIFY(waitUntil([&] { return env->viewers() == 1; }));
        got.clear();
        s.write(QByteArray("\x81\x19", 2) + R"({"event":"request_stats"})"); // text, length 25, no mask
        QCOMPARE(closeCode(s, got), 1002);
        QVERIFY2(!got.contains("\"stats\""), got.constData()); // the frame was not acted on
        // the daemon ends the connection after its close frame
        QVERIFY(waitUntil([&] {
            s.readAll();
            return s.state() == QAbstractSocket::UnconnectedState;
        }));
        QVERIFY(waitUntil([&] { return env->viewers() == 0; }));
        // the same message masked is answered
        QTcpSocket m;
        QByteArray mgot;
        QVERIFY(openRaw(m, mgot));
        m.write(clientFrame(0x1, R"({"event":"request_logs"})"));
        QVERIFY(waitUntil([&] {
            mgot += m.readAll();
            return mgot.count("\"logs\"") >= 2; // the history on connect, then the answer
        }));
    }

    // A handshake a WebSocket server may not accept is refused before the 101 (400, JSON error).
    void badHandshakeRefused()
    {
        QTcpSocket s;
        QByteArray got;
        QVERIFY(!openRaw(s, got, "8"));
        QVERIFY2(got.startsWith("HTTP/1.1 400"), got.constData());
        QVERIFY2(got.contains("Sec-WebSocket-Version must be 13"), got.constData());
    }

    void viewersPerContainerCapped()
    {
        std::vector<std::unique_ptr<QtViewer>> viewers;
        for (int i = 0; i < 3; ++i) {
            viewers.push_back(std::make_unique<QtViewer>(env->baseUrl(), id, env->token()));
            QVERIFY(viewers.back()->waitConnected());
        }
        QVERIFY(waitUntil([&] { return env->viewers() == 3; }));
        const auto refused =
            upgrade(env->baseUrl() + QStringLiteral("/ws/") + id + QStringLiteral("?token=") + env->token());
        QCOMPARE(refused.status, 429);
        QVERIFY2(refused.body.contains("rate_limited"), refused.body.constData());
        // one leaves: room for the next
        viewers.pop_back();
        QVERIFY(waitUntil([&] { return env->viewers() == 2; }));
        QtViewer next(env->baseUrl(), id, env->token());
        QVERIFY(next.waitConnected());
    }

    // websocket.max_messages per websocket.message_window_ms (5 per 1000 ms here).
    void messagesPerWindowCapped()
    {
        QtViewer v(env->baseUrl(), id, env->token());
        QVERIFY(v.waitConnected());
        QVERIFY(waitUntil([&] { return !v.of(QStringLiteral("logs")).isEmpty(); }));
        for (int i = 0; i < 20; ++i)
            v.socket.sendRaw(QStringLiteral(R"({"event":"request_logs","lines":1})"));
        QVERIFY(waitUntil(
            [&] { return v.of(QStringLiteral("error")).size() + v.of(QStringLiteral("logs")).size() >= 21; },
            10000));
        const int answered = int(v.of(QStringLiteral("logs")).size()) - 1;
        qInfo("20 messages at once, 5 per second allowed: %d answered", answered);
        QVERIFY(answered >= 5 && answered <= 10);
        QVERIFY(v.texts(QStringLiteral("error")).count(QStringLiteral("rate_limited")) >= 10);
        QVERIFY(!v.disconnected);
    }

    // About 360 bytes stayed behind per console session (RSS 39 -> 204 MB over ~450k cycles): a
    // QHttpServerRequest per connection that QHttpServer frees only on a signal the WebSocket
    // hand-off cut. 10,000 sessions after a warm-up must not grow RSS by 1.5 MB (150 bytes each).
    void sessionsDoNotLeak()
    {
        const qint64 pid = env->daemon->process().processId();
        const QString url =
            lightd::ConsoleSocket::consoleUrl(QUrl(env->baseUrl()), id, env->token()).toString();
        auto cycles = [&](int n) {
            NodeClient c(QStringLiteral("wsclient.mjs"), {QStringLiteral("cycles"), url, QString::number(n)});
            const bool done = c.waitType(QStringLiteral("done"), 1, 120000);
            if (!done)
                qWarning("node: %s", c.stderrText.constData());
            return done;
        };
        QVERIFY(cycles(2000));
        const qint64 before = rssKb(pid);
        QVERIFY(cycles(10000));
        const qint64 after = rssKb(pid);
        qInfo("10000 console sessions: RSS %lld -> %lld kB (%lld bytes a session)", before, after,
              (after - before) * 1024 / 10000);
        if (DaemonProcess::memoryBoundsApply())
            QVERIFY2(after - before < 1536, qPrintable(QStringLiteral("RSS grew %1 kB").arg(after - before)));
        QVERIFY(waitUntil([&] { return env->viewers() == 0; }));
    }

  private:
    std::unique_ptr<Env> env;
    QString volume;
    QString id;
};

QTEST_GUILESS_MAIN(TestWsLimits)
#include "tst_ws_limits.moc"
