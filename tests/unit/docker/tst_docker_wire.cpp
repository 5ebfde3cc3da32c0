// The pure wire decoders of the Docker client, fed recorded engine byte streams cut at every byte
// boundary: whatever the cuts, the decoded output must be the same.
#include "WireFixtures.h"

#include "docker/ChunkedDecoder.h"
#include "docker/DockerRequest.h"
#include "docker/DockerTypes.h"
#include "docker/HttpResponseParser.h"
#include "docker/JsonLineSplitter.h"
#include "docker/MultiplexDemuxer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace lightd::docker;
using Event = HttpResponseParser::Event;
using Frame = MultiplexDemuxer::Frame;

namespace {

// Adjacent body events are merged: how the body is cut into events depends on the cuts.
QList<Event> normalise(const QList<Event> &events)
{
    QList<Event> out;
    for (const Event &e : events) {
        if (e.type == Event::Type::Body && e.data.isEmpty())
            continue;
        if (e.type == Event::Type::Body && !out.isEmpty() && out.last().type == Event::Type::Body)
            out.last().data += e.data;
        else
            out.append(e);
    }
    return out;
}

struct ParseRun
{
    QList<Event> events;
    HttpResponseHead head;
    bool ok = true;
};

ParseRun parsePieces(const QList<QByteArrayView> &pieces, bool finishAtEof)
{
    HttpResponseParser parser;
    ParseRun run;
    for (QByteArrayView piece : pieces)
        run.ok = parser.feed(piece, run.events) && run.ok;
    if (finishAtEof)
        run.ok = parser.finish(run.events) && run.ok;
    run.head = parser.head();
    run.events = normalise(run.events);
    return run;
}

QByteArray bodyOf(const QList<Event> &events)
{
    QByteArray body;
    for (const Event &e : events) {
        if (e.type == Event::Type::Body)
            body += e.data;
    }
    return body;
}

QList<Frame> demuxPieces(const QList<QByteArrayView> &pieces, bool *ok = nullptr)
{
    MultiplexDemuxer demuxer;
    QList<Frame> frames;
    bool good = true;
    for (QByteArrayView piece : pieces)
        good = demuxer.feed(piece, frames) && good;
    if (ok)
        *ok = good && demuxer.atFrameBoundary();
    return frames;
}

QList<Frame> mergeFrames(const QList<Frame> &frames)
{
    QList<Frame> out;
    for (const Frame &f : frames) {
        if (!out.isEmpty() && out.last().stream == f.stream)
            out.last().data += f.data;
        else
            out.append(f);
    }
    return out;
}

// Every two-piece cut, then byte by byte.
template <typename Run> void forEveryCut(const QByteArray &data, Run run)
{
    const QByteArrayView all(data);
    for (qsizetype i = 0; i <= all.size(); ++i)
        run(QList<QByteArrayView>{all.first(i), all.sliced(i)}, i);
    QList<QByteArrayView> bytes;
    for (qsizetype i = 0; i < all.size(); ++i)
        bytes.append(all.sliced(i, 1));
    run(bytes, -1);
}

} // namespace

class TestDockerWire : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void responseSplitEverywhere_data();
    void responseSplitEverywhere();
    void logsBodyDemuxes();
    void pullStreamLines();
    void upgradeThenRawFrames();
    void chunkedDecoderStopsAtEnd();
    void chunkedDecoderRejectsGarbage();
    void demuxerLargeFrameInPieces();
    void demuxerRejectsTtyBytes();
    void parserErrors();
    void parserSkipsContinue();
    void requestSerialisation();
    void engineErrorMessage();
};

void TestDockerWire::responseSplitEverywhere_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("finishAtEof");
    QTest::addColumn<int>("bodySize");
    QTest::newRow("content-length json") << fixtures::versionResponse() << 200 << false << -1;
    QTest::newRow("404 json") << fixtures::notFoundResponse() << 404 << false << 38;
    QTest::newRow("chunked logs") << fixtures::logsResponse() << 200 << false << 14 + 16 + 13 + 13;
    QTest::newRow("chunked pull") << fixtures::pullResponse() << 200 << false << -1;
    QTest::newRow("101 upgrade") << fixtures::attachUpgradeResponse() << 101 << true << -1;
}

void TestDockerWire::responseSplitEverywhere()
{
    QFETCH(QByteArray, data);
    QFETCH(int, status);
    QFETCH(bool, finishAtEof);
    QFETCH(int, bodySize);

    const ParseRun reference = parsePieces({data}, finishAtEof);
    QVERIFY(reference.ok);
    QCOMPARE(reference.head.status, status);
    QCOMPARE(reference.events.size(), 3); // head, body, complete
    QCOMPARE(reference.events.first().type, Event::Type::Head);
    QCOMPARE(reference.events.last().type, Event::Type::Complete);
    if (bodySize >= 0)
        QCOMPARE(bodyOf(reference.events).size(), bodySize);

    forEveryCut(data, [&](const QList<QByteArrayView> &pieces, qsizetype cut) {
        const ParseRun run = parsePieces(pieces, finishAtEof);
        if (!run.ok || run.events != reference.events || run.head.headers != reference.head.headers)
            QFAIL(qPrintable(QStringLiteral("output differs when cut at %1").arg(cut)));
    });
}

void TestDockerWire::logsBodyDemuxes()
{
    const QByteArray body = bodyOf(parsePieces({fixtures::logsResponse()}, false).events);
    const QList<Frame> expected{{1, "hello\n"}, {1, "partial\n"}, {1, "done\n"}, {2, "oops\n"}};
    forEveryCut(body, [&](const QList<QByteArrayView> &pieces, qsizetype cut) {
        bool ok = false;
        const QList<Frame> frames = demuxPieces(pieces, &ok);
        if (!ok || frames != expected)
            QFAIL(qPrintable(QStringLiteral("frames differ when cut at %1").arg(cut)));
    });
}

void TestDockerWire::pullStreamLines()
{
    const QByteArray body = bodyOf(parsePieces({fixtures::pullResponse()}, false).events);
    QCOMPARE(body, fixtures::pullLines().join());
    forEveryCut(body, [&](const QList<QByteArrayView> &pieces, qsizetype cut) {
        JsonLineSplitter splitter;
        QList<QByteArray> lines;
        for (QByteArrayView p : pieces)
            QVERIFY(splitter.feed(p, lines));
        splitter.finish(lines);
        QCOMPARE(lines.size(), fixtures::pullLines().size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i] != fixtures::pullLines()[i].trimmed())
                QFAIL(qPrintable(QStringLiteral("line %1 differs when cut at %2").arg(i).arg(cut)));
        }
    });
    QCOMPARE(QJsonDocument::fromJson(fixtures::pullLines()[2])
                 .object()
                 .value(QLatin1StringView("status"))
                 .toString(),
             QStringLiteral("Downloading"));

    // A line that never ends is refused rather than buffered forever.
    JsonLineSplitter small(16);
    QList<QByteArray> lines;
    QVERIFY(!small.feed(QByteArray(17, 'a'), lines));
}

void TestDockerWire::upgradeThenRawFrames()
{
    const QByteArray data = fixtures::attachUpgradeResponse();
    const ParseRun run = parsePieces({data}, true);
    QCOMPARE(run.head.status, 101);
    QCOMPARE(run.head.header("upgrade"), QByteArray("tcp"));
    QVERIFY(run.head.hasToken("Connection", "upgrade"));
    const QByteArray raw = bodyOf(run.events);
    const QList<Frame> expected{
        {1, "hello\n"}, {1, "got:abc\n"}, {2, "warning: slow!\n"}, {1, QByteArray(260, 'x')}};
    forEveryCut(raw, [&](const QList<QByteArrayView> &pieces, qsizetype cut) {
        bool ok = false;
        if (demuxPieces(pieces, &ok) != expected || !ok)
            QFAIL(qPrintable(QStringLiteral("frames differ when cut at %1").arg(cut)));
    });

    // Before the peer closes, an upgraded stream is open: no Complete yet.
    HttpResponseParser parser;
    QList<Event> events;
    QVERIFY(parser.feed(data, events));
    QCOMPARE(parser.state(), HttpResponseParser::State::Upgraded);
    QVERIFY(normalise(events).last().type == Event::Type::Body);
}

void TestDockerWire::chunkedDecoderStopsAtEnd()
{
    const QByteArray encoded = fixtures::chunk("abc") + fixtures::chunk(QByteArray(300, 'z')) + "0\r\n\r\n";
    const QByteArray data = encoded + "NEXT";
    forEveryCut(data, [&](const QList<QByteArrayView> &pieces, qsizetype cut) {
        ChunkedDecoder decoder;
        QByteArray out;
        qsizetype consumed = 0;
        for (QByteArrayView p : pieces) {
            if (decoder.status() == ChunkedDecoder::Status::Done)
                break;
            consumed += decoder.feed(p, out);
        }
        if (decoder.status() != ChunkedDecoder::Status::Done || consumed != encoded.size() ||
            out != "abc" + QByteArray(300, 'z'))
            QFAIL(qPrintable(QStringLiteral("decoder differs when cut at %1").arg(cut)));
    });
}

void TestDockerWire::chunkedDecoderRejectsGarbage()
{
    for (const QByteArray &bad : {QByteArray("zz\r\nab\r\n"), QByteArray("3\r\nabcX\r\n"), QByteArray("\r\n"),
                                  QByteArray("ffffffffffffffffff\r\n"), QByteArray(5000, '1')}) {
        ChunkedDecoder decoder;
        QByteArray out;
        decoder.feed(bad, out);
        QCOMPARE(decoder.status(), ChunkedDecoder::Status::Error);
    }
}

void TestDockerWire::demuxerLargeFrameInPieces()
{
    const quint32 size = MultiplexDemuxer::kMaxBufferedFrame + 5;
    QByteArray data("\x02\x00\x00\x00", 4);
    data += char(size >> 24);
    data += char(size >> 16);
    data += char(size >> 8);
    data += char(size);
    data += QByteArray(size, 'e');
    data += QByteArray("\x01\x00\x00\x00\x00\x00\x00\x02ok", 10);
    const QList<QByteArrayView> pieces{QByteArrayView(data).first(100),
                                       QByteArrayView(data).sliced(100, 70000),
                                       QByteArrayView(data).sliced(70100)};
    bool ok = false;
    const QList<Frame> frames = demuxPieces(pieces, &ok);
    QVERIFY(ok);
    QVERIFY(frames.size() > 2); // handed out in pieces
    QCOMPARE(mergeFrames(frames), (QList<Frame>{{2, QByteArray(size, 'e')}, {1, "ok"}}));
}

void TestDockerWire::demuxerRejectsTtyBytes()
{
    bool ok = true;
    demuxPieces({QByteArrayView("hello world\n")}, &ok);
    QVERIFY(!ok);
    // A clean frame then a cut-off one: not at a boundary.
    demuxPieces({QByteArrayView("\x01\x00\x00\x00\x00\x00\x00\x01"
                                "a\x01\x00",
                                11)},
                &ok);
    QVERIFY(!ok);
}

void TestDockerWire::parserErrors()
{
    const auto fails = [](const QByteArray &data, bool finish) {
        HttpResponseParser parser(1024);
        QList<Event> events;
        bool ok = parser.feed(data, events);
        if (ok && finish)
            ok = parser.finish(events);
        return !ok && parser.state() == HttpResponseParser::State::Error;
    };
    QVERIFY(fails("SSH-2.0-OpenSSH\r\n", false));
    QVERIFY(fails("HTTP/1.1 2000 OK\r\n", false));
    QVERIFY(fails("HTTP/1.1 200 OK\r\nbroken header\r\n\r\n", false));
    QVERIFY(fails("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", false));
    QVERIFY(fails("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", false));
    QVERIFY(fails("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", true)); // truncated
    QVERIFY(fails("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", true));
    QVERIFY(fails("HTTP/1.1 200 OK\r\nX-Big: " + QByteArray(2000, 'a'), false)); // head too large
    QVERIFY(fails("", true));                                                    // closed, nothing sent

    // No length and no chunking: the body runs to EOF.
    HttpResponseParser parser;
    QList<Event> events;
    QVERIFY(parser.feed("HTTP/1.1 200 OK\r\n\r\nraw bytes", events));
    QVERIFY(parser.finish(events));
    QCOMPARE(bodyOf(events), QByteArray("raw bytes"));
    QCOMPARE(events.last().type, Event::Type::Complete);

    // 204/304 have no body whatever the headers say.
    HttpResponseParser p304;
    events.clear();
    QVERIFY(p304.feed("HTTP/1.1 304 Not Modified\r\nContent-Length: 0\r\n\r\n", events));
    QCOMPARE(p304.state(), HttpResponseParser::State::Done);
}

void TestDockerWire::parserSkipsContinue()
{
    const QByteArray data =
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}";
    forEveryCut(data, [&](const QList<QByteArrayView> &pieces, qsizetype) {
        const ParseRun run = parsePieces(pieces, false);
        QVERIFY(run.ok);
        QCOMPARE(run.head.status, 201);
        QCOMPARE(bodyOf(run.events), QByteArray("{}"));
    });
}

void TestDockerWire::requestSerialisation()
{
    DockerRequest req;
    req.method = "GET";
    req.path = "/v1.41/events";
    req.addQuery("filters", QStringLiteral("{\"container\":[\"a b\"],\"event\":[\"die\"]}"))
        .addQuery("x", true);
    const QByteArray wire = req.serialize();
    QVERIFY(wire.startsWith(
        "GET "
        "/v1.41/events?filters=%7B%22container%22%3A%5B%22a%20b%22%5D%2C%22event%22%3A%5B%22die%22%5D%7D&x=1 "
        "HTTP/1.1\r\n"));
    QVERIFY(wire.contains("\r\nHost: docker\r\n"));
    QVERIFY(wire.contains("\r\nConnection: close\r\n"));
    QVERIFY(wire.endsWith("\r\n\r\n"));
    QVERIFY(!wire.contains("Content-Length"));

    DockerRequest post;
    post.method = "POST";
    post.path = "/v1.41/containers/x/attach";
    post.upgrade = true;
    const QByteArray up = post.serialize();
    QVERIFY(up.contains("\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"));
    QVERIFY(up.contains("\r\nContent-Length: 0\r\n"));

    QCOMPARE(encodePathSegment(QStringLiteral("ghcr.io/org/img:1.0")), QByteArray("ghcr.io/org/img:1.0"));
    QCOMPARE(encodePathSegment(QStringLiteral("a b?")), QByteArray("a%20b%3F"));
}

void TestDockerWire::engineErrorMessage()
{
    const DockerError e = httpErrorFromBody(404, "{\"message\":\"No such container: nope\"}\n");
    QCOMPARE(e.kind, DockerError::Kind::Http);
    QCOMPARE(e.httpStatus, 404);
    QCOMPARE(e.message, QStringLiteral("No such container: nope"));
    QVERIFY(e.isNotFound());
    QCOMPARE(httpErrorFromBody(500, "plain text\n").message, QStringLiteral("plain text"));
    QCOMPARE(httpErrorFromBody(502, "").message, QStringLiteral("engine answered HTTP 502"));
}

QTEST_GUILESS_MAIN(TestDockerWire)
#include "tst_docker_wire.moc"
