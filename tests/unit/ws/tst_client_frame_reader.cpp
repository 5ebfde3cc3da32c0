// The reader of what WebSocket clients send (issue 13: unmasked client frames were accepted).
#include "ws/ClientFrameReader.h"
#include "ws/ServerFrame.h"

#include <QtTest>

using namespace lightd::ws;
using Kind = ClientFrameReader::Kind;

namespace {
// A client frame: FIN and opcode in the first byte as given, masked with `mask` unless it is null.
QByteArray clientFrame(quint8 first, const QByteArray &payload, const char *mask = "\x11\x22\x33\x44")
{
    QByteArray f(1, char(first));
    const quint8 maskBit = mask ? 0x80 : 0;
    const qsizetype n = payload.size();
    if (n < 126) {
        f.append(char(maskBit | n));
    } else if (n <= 0xffff) {
        f.append(char(maskBit | 126));
        f.append(char(n >> 8));
        f.append(char(n));
    } else {
        f.append(char(maskBit | 127));
        for (int i = 7; i >= 0; --i)
            f.append(char(quint64(n) >> (8 * i)));
    }
    if (!mask)
        return f + payload;
    f.append(mask, 4);
    for (qsizetype i = 0; i < n; ++i)
        f.append(char(payload[i] ^ mask[i % 4]));
    return f;
}

ClientFrameReader::Limits limits(qint64 bytes = 64 * 1024, int fragments = 256)
{
    return {bytes, fragments};
}
} // namespace

class TestClientFrameReader : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void maskedTextIsRead()
    {
        ClientFrameReader r(limits());
        const auto events = r.feed(clientFrame(0x81, R"({"event":"request_stats"})"));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].kind, Kind::Text);
        QCOMPARE(events[0].payload, QByteArray(R"({"event":"request_stats"})"));
    }

    void unmaskedFrameIsAProtocolError_data()
    {
        QTest::addColumn<quint8>("first");
        QTest::newRow("text") << quint8(0x81);
        QTest::newRow("binary") << quint8(0x82);
        QTest::newRow("ping") << quint8(0x89);
        QTest::newRow("close") << quint8(0x88);
    }
    void unmaskedFrameIsAProtocolError()
    {
        QFETCH(quint8, first);
        ClientFrameReader r(limits());
        const auto events = r.feed(clientFrame(first, "hi", nullptr) + clientFrame(0x81, "after"));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].kind, Kind::Error);
        QCOMPARE(events[0].closeCode, 1002);
        QVERIFY(r.finished());
        QVERIFY(r.feed(clientFrame(0x81, "more")).isEmpty()); // nothing is read after the error
    }

    void byteByByteEqualsWhole()
    {
        const QByteArray stream = clientFrame(0x01, "frag") + clientFrame(0x89, "p") +
                                  clientFrame(0x80, "ment") + clientFrame(0x82, QByteArray(300, 'b')) +
                                  clientFrame(0x81, QByteArray(70000, 'c').left(65000)) +
                                  clientFrame(0x88, QByteArray("\x03\xe8", 2) + "bye");
        ClientFrameReader whole(limits()), bytewise(limits());
        const auto a = whole.feed(stream);
        QList<ClientFrameReader::Event> b;
        for (char c : stream)
            b += bytewise.feed(QByteArrayView(&c, 1));
        QCOMPARE(bytewise.buffered(), 0);
        QCOMPARE(a.size(), 5);
        QCOMPARE(b.size(), a.size());
        const QList<Kind> kinds{Kind::Ping, Kind::Text, Kind::Binary, Kind::Text, Kind::Close};
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].kind, kinds[i]);
            QCOMPARE(b[i].kind, a[i].kind);
            QCOMPARE(b[i].payload, a[i].payload);
        }
        QCOMPARE(a[1].payload, QByteArray("fragment")); // the ping came between its fragments
        QCOMPARE(a[4].closeCode, 1000);
        QCOMPARE(a[4].reason, QStringLiteral("bye"));
    }

    void protocolErrors_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<int>("code");
        QTest::newRow("reserved bit") << clientFrame(0xC1, "x") << 1002;
        QTest::newRow("unknown opcode") << clientFrame(0x83, "x") << 1002;
        QTest::newRow("fragmented ping") << clientFrame(0x09, "x") << 1002;
        QTest::newRow("long ping") << clientFrame(0x89, QByteArray(126, 'p')) << 1002;
        QTest::newRow("continuation first") << clientFrame(0x80, "x") << 1002;
        QTest::newRow("text inside text") << clientFrame(0x01, "a") + clientFrame(0x81, "b") << 1002;
        QTest::newRow("invalid utf-8") << clientFrame(0x81, "\xc3\x28") << 1007;
        QTest::newRow("overlong utf-8") << clientFrame(0x81, "\xc0\xaf") << 1007;
        QTest::newRow("surrogate") << clientFrame(0x81, "\xed\xa0\x80") << 1007;
        QTest::newRow("one-byte close") << clientFrame(0x88, "\x03") << 1002;
        QTest::newRow("close 1005") << clientFrame(0x88, QByteArray("\x03\xed", 2)) << 1002;
        QTest::newRow("close 999") << clientFrame(0x88, QByteArray("\x03\xe7", 2)) << 1002;
        QTest::newRow("close reason not utf-8") << clientFrame(0x88, QByteArray("\x03\xe8\xff", 3)) << 1007;
    }
    void protocolErrors()
    {
        QFETCH(QByteArray, stream);
        QFETCH(int, code);
        ClientFrameReader r(limits());
        const auto events = r.feed(stream);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last().kind, Kind::Error);
        QCOMPARE(events.last().closeCode, code);
    }

    // The limit is checked on the frame's header: an announced 1 GiB frame is refused before any of
    // it is held, and so is the fragment that takes a message past the limit.
    void tooLargeRefusedFromTheHeader()
    {
        ClientFrameReader r(limits(1024));
        QByteArray head = clientFrame(0x81, QByteArray(70000, 'x')).left(14); // header and mask only
        head[1] = char(0x80 | 127);
        head.remove(2, 2);
        head.insert(2, QByteArray("\0\0\0\0\x40\0\0\0", 8));
        auto events = r.feed(head.left(14));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].closeCode, 1009);

        ClientFrameReader r2(limits(1024));
        events = r2.feed(clientFrame(0x01, QByteArray(600, 'a')) + clientFrame(0x80, QByteArray(600, 'b')));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].closeCode, 1009);
    }

    void fragmentsCounted()
    {
        ClientFrameReader r(limits(64 * 1024, 3));
        QByteArray ok =
            clientFrame(0x01, "a") + clientFrame(0x00, "b") + clientFrame(0x00, "c") + clientFrame(0x80, "d");
        auto events = r.feed(ok);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].payload, QByteArray("abcd"));
        events = r.feed(clientFrame(0x01, "a") + clientFrame(0x00, "") + clientFrame(0x00, "") +
                        clientFrame(0x00, ""));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].closeCode, 1002);
    }

    void emptyCloseIs1005()
    {
        ClientFrameReader r(limits());
        const auto events = r.feed(clientFrame(0x88, {}));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].kind, Kind::Close);
        QCOMPARE(events[0].closeCode, 1005);
    }

    void closeFrameFitsAControlFrame()
    {
        const QByteArray f = closeFrame(1008, QString(200, QChar(0x00e9))); // 2 bytes each in UTF-8
        QCOMPARE(quint8(f[0]), quint8(0x88));
        QVERIFY(quint8(f[1]) <= 125);
        QCOMPARE(f.size(), 2 + quint8(f[1]));
        QVERIFY(isValidUtf8(QByteArrayView(f).sliced(4)));
        QCOMPARE(closeFrame(1005, QStringLiteral("x")), QByteArray("\x88\x00", 2));
    }
};

QTEST_GUILESS_MAIN(TestClientFrameReader)
#include "tst_client_frame_reader.moc"
