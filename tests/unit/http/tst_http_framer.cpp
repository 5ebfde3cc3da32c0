// HttpFramer: the byte-stream framing and head parsing of the connection guard (the daemon's only parser).
#include "http/HttpFramer.h"

#include <QTest>

using lightd::http::HttpFramer;
using lightd::http::RequestHead;

Q_DECLARE_METATYPE(HttpFramer::Error)

namespace {
// Everything a framer run produced, as one comparable string: one line per head and per message
// end (with the de-chunked body that went by), then the final error.
struct Trace
{
    QByteArrayList events;
    QByteArray body;
    HttpFramer::Error error = HttpFramer::Error::None;

    QByteArray text() const { return events.join('\n') + "\nerror=" + QByteArray::number(int(error)); }
};

struct Options
{
    qsizetype maxHead = 16 * 1024;
    qint64 bodyLimit = 1024 * 1024;
};

// Feeds `input` cut at the given offsets (ascending, each strictly inside the input).
Trace run(const QByteArray &input, const QList<qsizetype> &cuts, const Options &opt = {})
{
    Trace t;
    HttpFramer framer(opt.maxHead);
    framer.onHead = [&](const RequestHead &h) -> qint64 {
        QByteArray e =
            "HEAD " + h.method + ' ' + h.target + ' ' + h.version +
            " cl=" + QByteArray::number(h.contentLength) + " chunked=" + QByteArray::number(h.chunked) +
            " continue=" + QByteArray::number(h.expectContinue) +
            " close=" + QByteArray::number(h.wantsClose) + " ws=" + QByteArray::number(h.websocketUpgrade) +
            " headers=" + QByteArray::number(h.headers.size());
        t.events.append(e);
        return opt.bodyLimit;
    };
    framer.onBody = [&](const char *p, qsizetype n) { t.body.append(p, n); };
    framer.onMessageEnd = [&] {
        t.events.append("END body=" + t.body);
        t.body.clear();
    };
    qsizetype from = 0;
    QList<qsizetype> all = cuts;
    all.append(input.size());
    for (qsizetype to : all) {
        const auto err = framer.feed(input.constData() + from, to - from);
        from = to;
        if (err != HttpFramer::Error::None)
            break;
    }
    t.error = framer.error();
    if (!t.body.isEmpty())
        t.events.append("PARTIAL body=" + t.body);
    return t;
}

Trace runWhole(const QByteArray &input, const Options &opt = {})
{
    return run(input, {}, opt);
}

const QByteArray kGet = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
} // namespace

class TestHttpFramer : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void simpleHead()
    {
        const Trace t = runWhole(kGet);
        QCOMPARE(t.error, HttpFramer::Error::None);
        QCOMPARE(t.events.size(), 2);
        QCOMPARE(t.events[0],
                 QByteArray("HEAD GET /health HTTP/1.1 cl=0 chunked=0 continue=0 close=0 ws=0 headers=1"));
        QCOMPARE(t.events[1], QByteArray("END body="));
    }

    void parseHeadFields()
    {
        RequestHead h;
        QVERIFY(HttpFramer::parseHead("POST /a?b=c HTTP/1.1\r\nContent-Length: 12\r\nEXPECT: 100-Continue\r\n"
                                      "Connection: keep-alive, Close\r\nX-Thing:   spaced value  \r\n\r\n",
                                      h));
        QCOMPARE(h.method, QByteArray("POST"));
        QCOMPARE(h.target, QByteArray("/a?b=c"));
        QCOMPARE(h.version, QByteArray("HTTP/1.1"));
        QCOMPARE(h.contentLength, 12);
        QVERIFY(h.expectContinue);
        QVERIFY(h.wantsClose);
        QVERIFY(!h.chunked);
        QCOMPARE(h.header("x-thing"), QByteArray("spaced value"));
        QCOMPARE(h.header("X-THING"), QByteArray("spaced value"));
        QVERIFY(h.header("absent").isEmpty());

        RequestHead ws;
        QVERIFY(HttpFramer::parseHead(
            "GET /ws/x HTTP/1.1\r\nUpgrade: WebSocket\r\nConnection: Upgrade\r\n\r\n", ws));
        QVERIFY(ws.websocketUpgrade);
        QVERIFY(!ws.wantsClose);

        RequestHead old;
        QVERIFY(HttpFramer::parseHead("GET / HTTP/1.0\r\n\r\n", old));
        QVERIFY2(old.wantsClose, "HTTP/1.0 without keep-alive closes");
        RequestHead oldKeep;
        QVERIFY(HttpFramer::parseHead("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", oldKeep));
        QVERIFY(!oldKeep.wantsClose);

        RequestHead lfOnly;
        QVERIFY(HttpFramer::parseHead("GET / HTTP/1.1\nHost: a\n\n", lfOnly));
        QCOMPARE(lfOnly.header("host"), QByteArray("a"));
    }

    void contentLengthBody()
    {
        const Trace t = runWhole("POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello");
        QCOMPARE(t.error, HttpFramer::Error::None);
        QCOMPARE(t.events.size(), 2);
        QVERIFY(t.events[0].contains("cl=5 chunked=0"));
        QCOMPARE(t.events[1], QByteArray("END body=hello"));
    }

    void contentLengthIncompleteWaits()
    {
        const Trace t = runWhole("POST /x HTTP/1.1\r\nContent-Length: 10\r\n\r\nhello");
        QCOMPARE(t.error, HttpFramer::Error::None);
        QCOMPARE(t.events.size(), 2); // head, then the partial body; no END yet
        QCOMPARE(t.events[1], QByteArray("PARTIAL body=hello"));
    }

    void chunkedBody()
    {
        const Trace t = runWhole("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 "5\r\nhello\r\n"
                                 "6;name=value;other=\"q\"\r\n world\r\n"
                                 "A\r\n0123456789\r\n"
                                 "0\r\n\r\n");
        QCOMPARE(t.error, HttpFramer::Error::None);
        QCOMPARE(t.events.size(), 2);
        QVERIFY(t.events[0].contains("cl=0 chunked=1"));
        QCOMPARE(t.events[1], QByteArray("END body=hello world0123456789"));
    }

    void chunkedWithTrailers()
    {
        const Trace t = runWhole("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 "3\r\nabc\r\n0;ext=1\r\nX-Checksum: 123\r\nX-Other: y\r\n\r\n" +
                                 kGet);
        QCOMPARE(t.error, HttpFramer::Error::None);
        QCOMPARE(t.events.size(), 4);
        QCOMPARE(t.events[1], QByteArray("END body=abc"));
        QVERIFY(t.events[2].startsWith("HEAD GET /health"));
        QCOMPARE(t.events[3], QByteArray("END body="));
    }

    void contentLengthWithChunkedRefused()
    {
        // Both framings sent: a smuggling attempt (RFC 9112 6.1), refused rather than "chunked wins".
        for (const QByteArray &head : {QByteArray("Content-Length: 100\r\nTransfer-Encoding: chunked"),
                                       QByteArray("Transfer-Encoding: chunked\r\nContent-Length: 2")}) {
            const Trace t = runWhole("POST /x HTTP/1.1\r\n" + head + "\r\n\r\n2\r\nok\r\n0\r\n\r\n");
            QCOMPARE(t.error, HttpFramer::Error::BadRequest);
        }
    }

    void pipelined()
    {
        const QByteArray input =
            kGet + "POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc" +
            "PUT /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nwxyz\r\n0\r\n\r\n" +
            "\r\n" // a stray blank line between requests is tolerated
            + "DELETE /c HTTP/1.1\r\nConnection: close\r\n\r\n";
        const Trace t = runWhole(input);
        QCOMPARE(t.error, HttpFramer::Error::None);
        QCOMPARE(t.events.size(), 8);
        QVERIFY(t.events[0].startsWith("HEAD GET /health"));
        QVERIFY(t.events[2].startsWith("HEAD POST /a"));
        QCOMPARE(t.events[3], QByteArray("END body=abc"));
        QVERIFY(t.events[4].startsWith("HEAD PUT /b"));
        QCOMPARE(t.events[5], QByteArray("END body=wxyz"));
        QVERIFY(t.events[6].startsWith("HEAD DELETE /c"));
        QVERIFY(t.events[6].contains("close=1"));
        QCOMPARE(t.events[7], QByteArray("END body="));
    }

    // Every input, cut at every byte boundary (and fed one byte at a time), gives the same events.
    void splitAtEveryBoundary_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<qsizetype>("maxHead");
        QTest::addColumn<qint64>("bodyLimit");
        QTest::newRow("get") << kGet << qsizetype(16384) << qint64(1 << 20);
        QTest::newRow("content-length")
            << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello world") << qsizetype(16384)
            << qint64(1 << 20);
        QTest::newRow("chunked+ext+trailer")
            << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\r\nhello\r\n1\r\n!\r\n"
                          "0\r\nTrailer: v\r\n\r\n")
            << qsizetype(16384) << qint64(1 << 20);
        QTest::newRow("pipelined")
            << (kGet + "POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc" +
                "POST /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nxyz\r\n0\r\n\r\n" + kGet)
            << qsizetype(16384) << qint64(1 << 20);
        QTest::newRow("lf-only")
            << QByteArray("GET / HTTP/1.1\nHost: a\n\nPOST /b HTTP/1.1\nContent-Length: 2\n\nok")
            << qsizetype(16384) << qint64(1 << 20);
        QTest::newRow("head-too-large")
            << (kGet + "GET / HTTP/1.1\r\nX-Big: " + QByteArray(200, 'a') + "\r\n\r\n") << qsizetype(100)
            << qint64(1 << 20);
        QTest::newRow("body-too-large-cl")
            << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello world") << qsizetype(16384)
            << qint64(10);
        QTest::newRow("body-too-large-chunked")
            << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n "
                          "world\r\n0\r\n\r\n")
            << qsizetype(16384) << qint64(10);
        QTest::newRow("bad-chunk")
            << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX")
            << qsizetype(16384) << qint64(1 << 20);
        QTest::newRow("bad-request-line")
            << QByteArray("GARBAGE\r\n\r\n") << qsizetype(16384) << qint64(1 << 20);
    }

    void splitAtEveryBoundary()
    {
        QFETCH(QByteArray, input);
        QFETCH(qsizetype, maxHead);
        QFETCH(qint64, bodyLimit);
        const Options opt{maxHead, bodyLimit};
        const Trace whole = run(input, {}, opt);
        for (qsizetype cut = 1; cut < input.size(); ++cut) {
            const Trace t = run(input, {cut}, opt);
            QVERIFY2(t.text() == whole.text(),
                     qPrintable(QStringLiteral("cut at %1:\n%2\n--- vs whole ---\n%3")
                                    .arg(cut)
                                    .arg(QString::fromLatin1(t.text()), QString::fromLatin1(whole.text()))));
        }
        // two cuts, every pair (inputs are small enough)
        if (input.size() <= 160) {
            for (qsizetype a = 1; a < input.size(); ++a) {
                for (qsizetype b = a + 1; b < input.size(); ++b) {
                    const Trace t = run(input, {a, b}, opt);
                    QVERIFY2(t.text() == whole.text(),
                             qPrintable(QStringLiteral("cuts at %1,%2").arg(a).arg(b)));
                }
            }
        }
        QList<qsizetype> bytewise;
        for (qsizetype i = 1; i < input.size(); ++i)
            bytewise.append(i);
        QCOMPARE(run(input, bytewise, opt).text(), whole.text());
    }

    void headTooLarge()
    {
        const QByteArray big = "GET / HTTP/1.1\r\nX-Big: " + QByteArray(2000, 'a') + "\r\n\r\n";
        QCOMPARE(runWhole(big, {1024, 1 << 20}).error, HttpFramer::Error::HeadTooLarge);
        QCOMPARE(runWhole(big, {4096, 1 << 20}).error, HttpFramer::Error::None);
        // many small header lines add up
        QByteArray many = "GET / HTTP/1.1\r\n";
        for (int i = 0; i < 200; ++i)
            many += "X-H" + QByteArray::number(i) + ": v\r\n";
        many += "\r\n";
        QCOMPARE(runWhole(many, {1024, 1 << 20}).error, HttpFramer::Error::HeadTooLarge);
        // a head that never ends (no blank line) is caught as it grows, not only at its end
        QByteArray endless = "GET / HTTP/1.1\r\n";
        endless += QByteArray(5000, 'x');
        QCOMPARE(runWhole(endless, {1024, 1 << 20}).error, HttpFramer::Error::HeadTooLarge);
    }

    void bodyTooLargeContentLength()
    {
        // refused at the head, before any body byte
        const Trace t = runWhole("POST /x HTTP/1.1\r\nContent-Length: 101\r\n\r\n", {16384, 100});
        QCOMPARE(t.error, HttpFramer::Error::BodyTooLarge);
        QCOMPARE(t.events.size(), 1);
        const Trace atLimit = runWhole("POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello", {16384, 5});
        QCOMPARE(atLimit.error, HttpFramer::Error::None);
        const Trace huge =
            runWhole("POST /x HTTP/1.1\r\nContent-Length: 209715200\r\n\r\n", {16384, 10 << 20});
        QCOMPARE(huge.error, HttpFramer::Error::BodyTooLarge);
    }

    void bodyTooLargeChunked()
    {
        // refused at the chunk-size line that crosses the limit, before its data
        const Trace t =
            runWhole("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n7\r\n", {16384, 10});
        QCOMPARE(t.error, HttpFramer::Error::BodyTooLarge);
        const Trace ok = runWhole(
            "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n6\r\nefghij\r\n0\r\n\r\n",
            {16384, 10});
        QCOMPARE(ok.error, HttpFramer::Error::None);
        // a single absurd chunk size
        const Trace absurd =
            runWhole("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFF\r\n", {16384, 10});
        QCOMPARE(absurd.error, HttpFramer::Error::BodyTooLarge);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<HttpFramer::Error>("expected");
        const auto bad = HttpFramer::Error::BadRequest;
        const auto badChunk = HttpFramer::Error::BadChunk;
        QTest::newRow("two-part request line") << QByteArray("GET /\r\n\r\n") << bad;
        QTest::newRow("four-part request line") << QByteArray("GET / x HTTP/1.1\r\n\r\n") << bad;
        QTest::newRow("not http") << QByteArray("GET / FTP/1.0\r\n\r\n") << bad;
        QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << bad;
        QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nNoColonHere\r\n\r\n") << bad;
        QTest::newRow("header empty name") << QByteArray("GET / HTTP/1.1\r\n: v\r\n\r\n") << bad;
        QTest::newRow("content-length not a number")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\n") << bad;
        QTest::newRow("content-length negative")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << bad;
        QTest::newRow("content-length conflicting")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd") << bad;
        // What two parsers could read two ways (the smuggling class): refused, never guessed.
        QTest::newRow("space before colon")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length : 3\r\n\r\nabc") << bad;
        QTest::newRow("tab before colon")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length\t: 3\r\n\r\nabc") << bad;
        QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nX-A: a\r\n b\r\n\r\n") << bad;
        QTest::newRow("obs-fold tab") << QByteArray("GET / HTTP/1.1\r\nX-A: a\r\n\tb\r\n\r\n") << bad;
        QTest::newRow("folded content-length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length:\r\n 3\r\n\r\nabc") << bad;
        QTest::newRow("leading space first header")
            << QByteArray("GET / HTTP/1.1\r\n Host: a\r\n\r\n") << bad;
        QTest::newRow("content-length list")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3, 3\r\n\r\nabc") << bad;
        QTest::newRow("transfer-encoding list")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") << bad;
        QTest::newRow("transfer-encoding twice")
            << QByteArray(
                   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n")
            << bad;
        QTest::newRow("transfer-encoding unknown")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: xchunked\r\n\r\n") << bad;
        QTest::newRow("transfer-encoding in 1.0")
            << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n") << bad;
        QTest::newRow("nul in value") << QByteArray("GET / HTTP/1.1\r\nX-A: a\0b\r\n\r\n", 30) << bad;
        QTest::newRow("bare cr in value") << QByteArray("GET / HTTP/1.1\r\nX-A: a\rb\r\n\r\n") << bad;
        QTest::newRow("control in value") << QByteArray("GET / HTTP/1.1\r\nX-A: a\x01\r\n\r\n") << bad;
        QTest::newRow("non-token name") << QByteArray("GET / HTTP/1.1\r\nX(A): b\r\n\r\n") << bad;
        QTest::newRow("http/1.2") << QByteArray("GET / HTTP/1.2\r\n\r\n") << bad;
        QTest::newRow("double space request line") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << bad;
        QTest::newRow("target not origin-form") << QByteArray("GET volumes HTTP/1.1\r\n\r\n") << bad;
        QTest::newRow("8-bit target") << QByteArray("GET /\xff HTTP/1.1\r\n\r\n") << bad;
        QTest::newRow("chunk size overflow")
            << (QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") + "10000000000000001\r\n")
            << badChunk;
        const QByteArray chunkedHead = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("chunk size not hex") << (chunkedHead + "zz\r\n") << badChunk;
        QTest::newRow("chunk size empty") << (chunkedHead + "\r\n") << badChunk;
        QTest::newRow("chunk size negative") << (chunkedHead + "-5\r\nhello\r\n") << badChunk;
        QTest::newRow("chunk data overrun") << (chunkedHead + "3\r\nabcdef\r\n") << badChunk;
        QTest::newRow("chunk size line too long")
            << (chunkedHead + "1;" + QByteArray(5000, 'e') + "\r\n") << badChunk;
        QTest::newRow("trailer line too long")
            << (chunkedHead + "0\r\nX: " + QByteArray(5000, 't') + "\r\n\r\n") << badChunk;
    }

    void malformed()
    {
        QFETCH(QByteArray, input);
        QFETCH(HttpFramer::Error, expected);
        QCOMPARE(runWhole(input).error, expected);
    }

    // RFC 9112: chunk-size = 1*HEXDIG, Content-Length = 1*DIGIT; anything looser is refused.
    void strictNumberSyntax_data()
    {
        QTest::addColumn<QByteArray>("input");
        const QByteArray chunkedHead = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("chunk size 0x prefix") << (chunkedHead + "0x5\r\nhello\r\n0\r\n\r\n");
        QTest::newRow("chunk size plus sign") << (chunkedHead + "+5\r\nhello\r\n0\r\n\r\n");
        QTest::newRow("content-length plus sign")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: +5\r\n\r\nhello");
    }

    void strictNumberSyntax()
    {
        QFETCH(QByteArray, input);
        const Trace t = runWhole(input);
        QVERIFY2(t.error != HttpFramer::Error::None, t.text().constData());
    }

    void errorIsSticky()
    {
        HttpFramer f;
        int heads = 0;
        f.onHead = [&](const RequestHead &) -> qint64 {
            ++heads;
            return 0;
        };
        QCOMPARE(f.feed("BROKEN\r\n\r\n", 10), HttpFramer::Error::BadRequest);
        QCOMPARE(f.feed(kGet.constData(), kGet.size()), HttpFramer::Error::BadRequest);
        QCOMPARE(f.error(), HttpFramer::Error::BadRequest);
        QCOMPARE(heads, 0);
    }

    void stopIgnoresTheRest()
    {
        // After an upgrade the framer stops: the WebSocket bytes that follow are not HTTP.
        HttpFramer f;
        int heads = 0;
        f.onHead = [&](const RequestHead &h) -> qint64 {
            ++heads;
            if (h.websocketUpgrade)
                f.stop();
            return 0;
        };
        const QByteArray input =
            "GET /ws/a HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x81\x85garbage-frame";
        QCOMPARE(f.feed(input.constData(), input.size()), HttpFramer::Error::None);
        QCOMPARE(f.feed("\x00\x01\x02", 3), HttpFramer::Error::None);
        QCOMPARE(heads, 1);
    }

    // An upload sink that refuses a write stops the framer from inside onBody. Whatever the split of
    // the bytes, nothing may follow: above all no onMessageEnd when the refused bytes were the last
    // of the body (that once committed uploads cut at the quota, answered 200), and no further body
    // bytes or heads from the rest of the same feed().
    void stopInBodyCallbackIsFinal_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<qint64>("refuseAfter"); // body bytes accepted before the refusing write
        const QByteArray cl = "PUT /up HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789";
        const QByteArray chunked = "PUT /up HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                   "4\r\n0123\r\n4\r\n4567\r\n2\r\n89\r\n0\r\n\r\n";
        for (qint64 n : {0, 3, 4, 8, 9}) {
            QTest::addRow("content-length/refuse-after-%lld", n) << (cl + kGet) << n;
            QTest::addRow("chunked/refuse-after-%lld", n) << (chunked + kGet) << n;
        }
    }

    void stopInBodyCallbackIsFinal()
    {
        QFETCH(QByteArray, input);
        QFETCH(qint64, refuseAfter);
        // every single cut, and byte by byte
        QList<QList<qsizetype>> splits{{}};
        for (qsizetype cut = 1; cut < input.size(); ++cut)
            splits.append(QList<qsizetype>{cut});
        QList<qsizetype> bytewise;
        for (qsizetype i = 1; i < input.size(); ++i)
            bytewise.append(i);
        splits.append(bytewise);
        for (const auto &cuts : std::as_const(splits)) {
            HttpFramer f;
            int heads = 0, ends = 0, callsAfterStop = 0;
            qint64 accepted = 0;
            f.onHead = [&](const RequestHead &) -> qint64 {
                callsAfterStop += f.isStopped();
                ++heads;
                return 1 << 20;
            };
            f.onBody = [&](const char *, qsizetype n) {
                callsAfterStop += f.isStopped();
                if (accepted + n > refuseAfter) {
                    f.stop(); // the sink threw: quota exceeded
                    return;
                }
                accepted += n;
            };
            f.onMessageEnd = [&] { ++ends; };
            qsizetype from = 0;
            QList<qsizetype> all = cuts;
            all.append(input.size());
            for (qsizetype to : all) {
                QCOMPARE(f.feed(input.constData() + from, to - from), HttpFramer::Error::None);
                from = to;
            }
            const QByteArray where =
                "cuts " + QByteArray::number(cuts.size()) + " first " + QByteArray::number(cuts.value(0));
            QVERIFY2(f.isStopped(), where.constData());
            QVERIFY2(ends == 0, where.constData());
            QVERIFY2(heads == 1, where.constData());
            QVERIFY2(callsAfterStop == 0, where.constData());
            QVERIFY2(accepted <= refuseAfter, where.constData());
            QVERIFY(f.inBody()); // a stopped framer never asks for a new head (no 408 for it)
        }
    }

    void inBodyTracksState()
    {
        HttpFramer f;
        f.onHead = [](const RequestHead &) -> qint64 { return 100; };
        QVERIFY(!f.inBody());
        const QByteArray head = "POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nab";
        f.feed(head.constData(), head.size());
        QVERIFY(f.inBody());
        f.feed("cd", 2);
        QVERIFY(!f.inBody());
    }

    void bodyLimitPerRequest()
    {
        // onHead decides the limit per request (uploads may allow more than JSON routes)
        HttpFramer f;
        f.onHead = [](const RequestHead &h) -> qint64 { return h.target.startsWith("/upload") ? 1000 : 4; };
        const QByteArray a = "PUT /upload HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789";
        QCOMPARE(f.feed(a.constData(), a.size()), HttpFramer::Error::None);
        const QByteArray b = "POST /json HTTP/1.1\r\nContent-Length: 10\r\n\r\n";
        QCOMPARE(f.feed(b.constData(), b.size()), HttpFramer::Error::BodyTooLarge);
    }
};

QTEST_APPLESS_MAIN(TestHttpFramer)
#include "tst_http_framer.moc"
