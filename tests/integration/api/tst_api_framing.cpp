// HTTP framing of the real daemon against request smuggling and pipelining abuse (issue 13,
// finding 3): the guard is the only parser, so whatever could be read two ways is a 400; a body
// past the limit is a 413 before it is read, never buffered; pipelined requests are answered all,
// in order, in linear time.
#include "ApiTestUtil.h"

#include <unistd.h>

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

namespace {
// CPU time (user + system) of a process, in ms, from /proc/<pid>/stat.
qint64 cpuMs(qint64 pid)
{
    const QByteArray stat = readAll(QStringLiteral("/proc/%1/stat").arg(pid));
    const auto fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return (fields[11].toLongLong() + fields[12].toLongLong()) * 1000 / sysconf(_SC_CLK_TCK);
}

// Counts complete responses in `data` from `pos` on (Content-Length framed), collecting statuses
// and request ids; returns where the next response starts.
qsizetype scanResponses(const QByteArray &data, qsizetype pos, QList<int> &statuses, QList<QByteArray> &ids)
{
    while (true) {
        const auto end = data.indexOf("\r\n\r\n", pos);
        if (end < 0)
            return pos;
        const QByteArray head = data.mid(pos, end - pos);
        qint64 len = 0;
        QByteArray id;
        for (const auto &line : head.split('\n')) {
            const auto colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            if (name == "content-length")
                len = line.mid(colon + 1).trimmed().toLongLong();
            else if (name == "x-request-id")
                id = line.mid(colon + 1).trimmed();
        }
        if (end + 4 + len > data.size())
            return pos;
        statuses.append(head.mid(9, 3).toInt());
        ids.append(id);
        pos = end + 4 + len;
    }
}
} // namespace

class TestApiFraming : public QObject
{
    Q_OBJECT

    std::unique_ptr<DaemonProcess> m_daemon;
    DaemonProcess &d() { return *m_daemon; }
    qint64 pid() { return d().process().processId(); }

    // One raw exchange: sends `bytes`, reads until the daemon closes; the responses it gave.
    QList<RawConnection::Response> exchange(const QByteArray &bytes)
    {
        RawConnection c;
        if (!c.open(d().port()))
            return {};
        c.send(bytes);
        c.readUntilClosed(5000);
        return c.responses();
    }

  private Q_SLOTS:
    void initTestCase()
    {
        m_daemon = std::make_unique<DaemonProcess>(testConfig(QJsonObject{
            {QStringLiteral("server"), QJsonObject{{QStringLiteral("max_body_mb"), 10}}},
        }));
        QVERIFY(d().start());
    }

    // The probe's repro: POST /health whose `Content-Length : N` (space before the colon) covers
    // the next request, then a request announcing 150 MB. The daemon answered 405 and buffered
    // the 150 MB (RSS 28 -> 294 MB). Now: 400 at the first head, nothing buffered.
    void smuggledBodyNeverBuffered_data()
    {
        QTest::addColumn<QByteArray>("firstHeader");
        QTest::addColumn<int>("status");
        QTest::newRow("space before colon") << QByteArray("Content-Length : ") << 400;
        QTest::newRow("tab before colon") << QByteArray("Content-Length\t: ") << 400;
        QTest::newRow("obs-folded") << QByteArray("Content-Length:\r\n ") << 400;
        QTest::newRow("well formed") << QByteArray("Content-Length: ") << 405;
    }

    void smuggledBodyNeverBuffered()
    {
        QFETCH(QByteArray, firstHeader);
        QFETCH(int, status);
        const QByteArray second = "POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 150000000\r\n\r\n";
        const QByteArray first = "POST /health HTTP/1.1\r\nHost: x\r\n" + firstHeader +
                                 QByteArray::number(second.size()) + "\r\n\r\n";
        const qint64 rssBefore = procStatusKb(pid(), "VmRSS");
        RawConnection c;
        QVERIFY(c.open(d().port()));
        c.send(first + second);
        // the answer to the first head comes before any body byte is sent (so a reset cannot hide it)
        waitUntil(
            [&] {
                c.received += c.socket.readAll();
                return c.received.contains("\r\n\r\n") || c.socket.state() != QAbstractSocket::ConnectedState;
            },
            3000);
        // then the 150 MB, as fast as the daemon takes it, until it closes
        const QByteArray chunk(1 << 20, 'A');
        qint64 peak = rssBefore;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0;
             i < 150 && c.socket.state() == QAbstractSocket::ConnectedState && clock.elapsed() < 15000; ++i) {
            c.socket.write(chunk);
            while (c.socket.bytesToWrite() > 4 << 20 && c.socket.state() == QAbstractSocket::ConnectedState &&
                   clock.elapsed() < 15000)
                c.socket.waitForBytesWritten(100);
            peak = std::max(peak, procStatusKb(pid(), "VmRSS"));
            c.received += c.socket.readAll();
        }
        c.readUntilClosed(5000);
        peak = std::max(peak, procStatusKb(pid(), "VmRSS"));
        const auto rs = c.responses();
        qInfo("RSS %lld kB before, peak %lld kB; statuses %s", rssBefore, peak,
              c.received.left(200).replace("\r\n", " | ").constData());
        QVERIFY(!rs.isEmpty());
        QCOMPARE(rs.first().status, status);
        // never a 2xx for the smuggled request, and the 150 MB never buffered
        for (const auto &r : rs)
            QVERIFY2(r.status >= 400, r.head.constData());
        if (DaemonProcess::memoryBoundsApply())
            QVERIFY2(peak - rssBefore < 20 * 1024,
                     qPrintable(QStringLiteral("RSS grew %1 kB").arg(peak - rssBefore)));
        QVERIFY(c.socket.state() == QAbstractSocket::UnconnectedState);
    }

    // Every head another parser could read differently is refused with 400 and the connection closed.
    void ambiguousHeads400_data()
    {
        QTest::addColumn<QByteArray>("request");
        const QByteArray post = "POST /health HTTP/1.1\r\nHost: x\r\n";
        QTest::newRow("space before colon") << post + "Content-Length : 2\r\n\r\nok";
        QTest::newRow("obs-fold") << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n");
        QTest::newRow("cl and te") << post +
                                          "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
        QTest::newRow("te and cl") << post +
                                          "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n";
        QTest::newRow("two differing cl") << post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\nok!";
        QTest::newRow("cl list") << post + "Content-Length: 2, 2\r\n\r\nok";
        QTest::newRow("te list") << post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n";
        QTest::newRow("te twice")
            << post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
        QTest::newRow("chunk size overflow")
            << post + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFF\r\n";
        QTest::newRow("chunk size 0x") << post + "Transfer-Encoding: chunked\r\n\r\n0x2\r\nok\r\n0\r\n\r\n";
        QTest::newRow("no host") << QByteArray("GET /health HTTP/1.1\r\n\r\n");
        QTest::newRow("two hosts") << QByteArray("GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
        QTest::newRow("nul in value")
            << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n", 44);
        QTest::newRow("bare cr in value")
            << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n");
        QTest::newRow("non-token name") << QByteArray("GET /health HTTP/1.1\r\nHost: x\r\nX A: b\r\n\r\n");
        QTest::newRow("http/1.2") << QByteArray("GET /health HTTP/1.2\r\nHost: x\r\n\r\n");
        QTest::newRow("upgrade with body")
            << QByteArray("GET /ws/x HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          "Content-Length: 4\r\n\r\nabcd");
    }

    void ambiguousHeads400()
    {
        QFETCH(QByteArray, request);
        // the same request again after it: it must never be read as a second request
        const auto rs = exchange(request + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(!rs.isEmpty());
        QVERIFY2(rs.first().status == 400 || rs.first().status == 401, rs.first().head.constData());
        if (rs.first().status == 400)
            QVERIFY(
                isError(QJsonDocument::fromJson(rs.first().body).object(), QStringLiteral("bad_request")));
        QCOMPARE(rs.size(), 1);
    }

    // What is unusual but unambiguous still works.
    void plainVariantsAccepted()
    {
        auto rs = exchange("GET /health HTTP/1.0\r\n\r\n");
        QCOMPARE(rs.size(), 1);
        QCOMPARE(rs[0].status, 200);
        rs = exchange("POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\n"
                      "Connection: close\r\n\r\nok");
        QCOMPARE(rs.size(), 1);
        QCOMPARE(rs[0].status, 405);
        rs = exchange("GET /health HTTP/1.1\nHost: x\nConnection: close\n\n");
        QCOMPARE(rs.size(), 1);
        QCOMPARE(rs[0].status, 200);
        rs = exchange("GET http://x/health?a=b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(rs.size(), 1);
        QCOMPARE(rs[0].status, 200);
    }

    // `//volumes` is a path of its own, answered 404 naming it (QHttpServer read it as a host).
    void doubleSlashPath404()
    {
        const auto rs = exchange("GET //volumes HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(rs.size(), 1);
        QCOMPARE(rs[0].status, 404);
        const auto body = QJsonDocument::fromJson(rs[0].body).object();
        QVERIFY(isError(body, QStringLiteral("route_not_found")));
        QVERIFY2(body.value(QStringLiteral("error")).toString().contains(QStringLiteral("//volumes")),
                 rs[0].body.constData());
    }

    // N pipelined requests in one write: all answered, in order, in time linear in N.
    void pipelinedInOneWrite_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("status");
        QTest::newRow("3500 GET /") << QByteArray("/") << 3500 << 404;
        QTest::newRow("5001 GET /health") << QByteArray("/health") << 5001 << 200;
    }

    void pipelinedInOneWrite()
    {
        QFETCH(QByteArray, path);
        QFETCH(int, count);
        QFETCH(int, status);
        QByteArray all;
        for (int i = 0; i < count; ++i)
            all += "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-Request-Id: p" + QByteArray::number(i) +
                   "\r\n\r\n";
        const qint64 cpuBefore = cpuMs(pid());
        QElapsedTimer clock;
        clock.start();
        RawConnection c;
        QVERIFY(c.open(d().port()));
        c.send(all);
        QList<int> statuses;
        QList<QByteArray> ids;
        qsizetype pos = 0;
        // (served events also drain the daemon's stdout pipe, which carries one access line a request)
        waitUntil(
            [&] {
                c.received += c.socket.readAll();
                pos = scanResponses(c.received, pos, statuses, ids);
                return statuses.size() >= count || c.socket.state() != QAbstractSocket::ConnectedState;
            },
            20000);
        const qint64 wall = clock.elapsed();
        const qint64 cpu = cpuMs(pid()) - cpuBefore;
        qInfo(
            "%d pipelined GET %s (%lld bytes): %lld answers (%lld bytes) in %lld ms wall, %lld ms daemon CPU",
            count, path.constData(), qint64(all.size()), qint64(statuses.size()), qint64(c.received.size()),
            wall, cpu);
        QCOMPARE(statuses.size(), count);
        for (int i = 0; i < count; ++i) {
            QCOMPARE(statuses[i], status);
            QCOMPARE(ids[i], "p" + QByteArray::number(i));
        }
        QVERIFY2(cpu < 2000, qPrintable(QStringLiteral("%1 ms of CPU").arg(cpu)));
        QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
    }

    // A client that pipelines without reading is read no faster than it is answered: the daemon
    // holds a bounded backlog, not every answer.
    void pipelinerThatNeverReadsIsBounded()
    {
        QByteArray many;
        for (int i = 0; i < 2000; ++i)
            many += "GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: " + QByteArray(400, 'p') + "\r\n\r\n";
        const qint64 rssBefore = procStatusKb(pid(), "VmRSS");
        RawConnection c;
        QVERIFY(c.open(d().port()));
        c.socket.setReadBufferSize(1); // do not drain the answers
        for (int i = 0; i < 40 && c.socket.state() == QAbstractSocket::ConnectedState; ++i) {
            c.socket.write(many);
            waitUntil([&] { return c.socket.bytesToWrite() < many.size(); }, 200);
        }
        const qint64 grown = procStatusKb(pid(), "VmRSS") - rssBefore;
        qInfo("pipeliner that never reads: RSS grew %lld kB", grown);
        if (DaemonProcess::memoryBoundsApply())
            QVERIFY2(grown < 15 * 1024, qPrintable(QString::number(grown)));
        c.socket.abort();
        QCOMPARE(curl({d().url(QStringLiteral("/health"))}).status, 200);
    }

    void daemonStillHealthy() { QCOMPARE(curl({d().url(QStringLiteral("/health"))}).status, 200); }
};

QTEST_GUILESS_MAIN(TestApiFraming)
#include "tst_api_framing.moc"
