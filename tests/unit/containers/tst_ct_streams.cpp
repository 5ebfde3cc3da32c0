// Console plumbing of the containers module: the byte stream -> line assembler, the history ring,
// and the stats sample calculator (cgroup v1 and v2 engine samples).
#include "containers/ConsoleHistory.h"
#include "containers/LineAssembler.h"
#include "containers/StatsCalculator.h"

#include <QJsonDocument>
#include <QtTest>

using namespace lightd::containers;

namespace {
QStringList feedSplit(const QByteArray &input, qsizetype at, qsizetype max = 64 * 1024)
{
    LineAssembler a(max);
    QStringList out = a.feed(input.left(at));
    out += a.feed(input.mid(at));
    out += a.flush();
    return out;
}

QStringList feedBytewise(const QByteArray &input, qsizetype max = 64 * 1024)
{
    LineAssembler a(max);
    QStringList out;
    for (char c : input)
        out += a.feed(QByteArray(1, c));
    out += a.flush();
    return out;
}

QJsonObject parse(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}
} // namespace

class TestConsoleStreams : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void linesAtEveryByteBoundary_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("lf") << QByteArray("alpha\nbeta\n")
                            << QStringList{QStringLiteral("alpha"), QStringLiteral("beta")};
        QTest::newRow("crlf") << QByteArray("alpha\r\nbeta\r\n")
                              << QStringList{QStringLiteral("alpha"), QStringLiteral("beta")};
        QTest::newRow("lone cr progress") << QByteArray("10%\r50%\r100%\ndone\n")
                                          << QStringList{QStringLiteral("10%"), QStringLiteral("50%"),
                                                         QStringLiteral("100%"), QStringLiteral("done")};
        QTest::newRow("mixed") << QByteArray("a\r\nb\rc\nd")
                               << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                              QStringLiteral("d")};
        QTest::newRow("empty lines") << QByteArray("\n\nx\n")
                                     << QStringList{QString(), QString(), QStringLiteral("x")};
        QTest::newRow("utf8") << QByteArray("h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80\n")
                              << QStringList{QStringLiteral("h\u00e9llo \u20ac ") +
                                             QString::fromUtf8("\xf0\x9f\x98\x80")};
        QTest::newRow("ansi kept") << QByteArray("\x1b[32mDone\x1b[0m\n")
                                   << QStringList{QStringLiteral("\x1b[32mDone\x1b[0m")};
        QTest::newRow("unterminated") << QByteArray("partial") << QStringList{QStringLiteral("partial")};
    }
    void linesAtEveryByteBoundary()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, lines);
        for (qsizetype i = 0; i <= input.size(); ++i)
            QCOMPARE(feedSplit(input, i), lines);
        QCOMPARE(feedBytewise(input), lines);
    }

    void crlfAcrossFeedsIsOneLineEnd()
    {
        LineAssembler a;
        QCOMPARE(a.feed("one\r"), QStringList{QStringLiteral("one")});
        QCOMPARE(a.feed("\ntwo\r"), QStringList{QStringLiteral("two")});
        QCOMPARE(a.feed("\n"), QStringList());
        QCOMPARE(a.flush(), QStringList());
    }

    void invalidUtf8BecomesReplacement()
    {
        LineAssembler a;
        const QStringList out = a.feed(QByteArray("ok\xff\xfe"
                                                  "end\n\xc3\n"));
        QCOMPARE(out.size(), 2);
        QVERIFY(out[0].startsWith(QStringLiteral("ok")));
        QVERIFY(out[0].endsWith(QStringLiteral("end")));
        QVERIFY(out[0].contains(QChar(QChar::ReplacementCharacter)));
        QCOMPARE(out[1], QString(QChar(QChar::ReplacementCharacter)));
    }

    void longLinesAreCut()
    {
        const qsizetype max = 64 * 1024;
        const QByteArray big(max + 10, 'x');
        for (qsizetype at : {qsizetype(0), qsizetype(1), max - 1, max, max + 1, big.size()}) {
            const QStringList out = feedSplit(big + '\n', at);
            QCOMPARE(out.size(), 2);
            QCOMPARE(out[0].size(), max);
            QCOMPARE(out[1], QString(10, QLatin1Char('x')));
        }
    }

    void lineOfExactlyTheLimitIsOneLine()
    {
        const qsizetype max = 64 * 1024;
        const QByteArray exact(max, 'y');
        for (const QByteArray &end : {QByteArray("\n"), QByteArray("\r\n"), QByteArray("\r")}) {
            const QStringList out = feedBytewise(exact + end + "next\n");
            QCOMPARE(out.size(), 2);
            QCOMPARE(out[0].size(), max);
            QCOMPARE(out[1], QStringLiteral("next"));
        }
    }

    void cutNeverSplitsACharacter()
    {
        const qsizetype max = 16;
        for (qsizetype pad = 0; pad < 4; ++pad) {
            // a 3-byte and a 4-byte character straddling the cut
            const QByteArray line =
                QByteArray(max - 2 + pad, 'a') + "\xe2\x82\xac" + "\xf0\x9f\x98\x80" + "tail";
            const QStringList out = feedBytewise(line + '\n', max);
            QVERIFY(out.size() >= 2);
            for (const auto &l : out) {
                QVERIFY2(!l.contains(QChar(QChar::ReplacementCharacter)), qPrintable(l));
                QVERIFY(l.toUtf8().size() <= max);
            }
            QCOMPARE(out.join(QString()), QString::fromUtf8(line));
        }
    }

    void history()
    {
        ConsoleHistory h(3);
        QCOMPARE(h.last(10), QStringList());
        QCOMPARE(h.append(QStringLiteral("a")), quint64(0));
        h.append(QStringLiteral("b"));
        QCOMPARE(h.last(10), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        h.append(QStringLiteral("c"));
        h.append(QStringLiteral("d"));
        QCOMPARE(h.append(QStringLiteral("e")), quint64(4));
        QCOMPARE(h.nextSeq(), quint64(5));
        QCOMPARE(h.size(), 3);
        QCOMPARE(h.last(10), (QStringList{QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("e")}));
        QCOMPARE(h.last(2), (QStringList{QStringLiteral("d"), QStringLiteral("e")}));
        QCOMPARE(h.last(0), QStringList());
        QCOMPARE(h.last(-5), QStringList());

        h.setCapacity(2); // shrinking keeps the newest, and the numbering
        QCOMPARE(h.last(10), (QStringList{QStringLiteral("d"), QStringLiteral("e")}));
        QCOMPARE(h.nextSeq(), quint64(5));
        QCOMPARE(h.append(QStringLiteral("f")), quint64(5));
        h.setCapacity(10); // growing keeps everything
        QCOMPARE(h.last(10), (QStringList{QStringLiteral("e"), QStringLiteral("f")}));
        h.setCapacity(0); // at least one line
        QCOMPARE(h.last(10), QStringList{QStringLiteral("f")});
    }

    // The seq of a tail's first line: the others follow by one, also after the ring wrapped.
    void historyTailCarriesFirstSeq()
    {
        ConsoleHistory h(3);
        QCOMPARE(h.tail(10).firstSeq, quint64(0));
        QVERIFY(h.tail(10).lines.isEmpty());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(h.append(QStringLiteral("same")), quint64(i));
        const auto t = h.tail(10);
        QCOMPARE(t.lines, QStringList(3, QStringLiteral("same")));
        QCOMPARE(t.firstSeq, quint64(2));
        QCOMPARE(h.tail(1).firstSeq, quint64(4));
    }

    void historyWrapsManyTimes()
    {
        ConsoleHistory h(100);
        for (int i = 0; i < 1050; ++i)
            h.append(QString::number(i));
        const QStringList l = h.last(100);
        QCOMPARE(l.size(), 100);
        QCOMPARE(l.first(), QStringLiteral("950"));
        QCOMPARE(l.last(), QStringLiteral("1049"));
    }

    void statsCgroupV1()
    {
        // Docker 20.10 on cgroup v1: percpu_usage present, total_inactive_file in stats.
        const QJsonObject s = parse(R"({
            "cpu_stats": {"cpu_usage": {"total_usage": 3000000000, "percpu_usage": [1500000000, 1500000000]},
                          "system_cpu_usage": 120000000000, "online_cpus": 2},
            "precpu_stats": {"cpu_usage": {"total_usage": 2500000000, "percpu_usage": [1250000000, 1250000000]},
                             "system_cpu_usage": 118000000000, "online_cpus": 2},
            "memory_stats": {"usage": 104857600, "limit": 536870912,
                             "stats": {"total_inactive_file": 4194304, "cache": 8388608, "rss": 50000000}},
            "networks": {"eth0": {"rx_bytes": 1000, "tx_bytes": 2000}, "eth1": {"rx_bytes": 5, "tx_bytes": 7}}
        })");
        const StatsSample st = computeStats(s);
        QCOMPARE(st.cpuAbsolute, 0.5e9 / 2e9 * 2 * 100); // 50 %
        QCOMPARE(st.memoryBytes, qint64(104857600 - 4194304));
        QCOMPARE(st.memoryLimitBytes, qint64(536870912));
        QCOMPARE(st.rxBytes, qint64(1005));
        QCOMPARE(st.txBytes, qint64(2007));
    }

    void statsCgroupV1WithoutOnlineCpus()
    {
        const QJsonObject s = parse(R"({
            "cpu_stats": {"cpu_usage": {"total_usage": 400, "percpu_usage": [100, 100, 100, 100]}, "system_cpu_usage": 2000},
            "precpu_stats": {"cpu_usage": {"total_usage": 200}, "system_cpu_usage": 1000},
            "memory_stats": {"usage": 1000, "limit": 2000, "stats": {"total_inactive_file": 100}}
        })");
        const StatsSample st = computeStats(s);
        QCOMPARE(st.cpuAbsolute, 200.0 / 1000.0 * 4 * 100); // cores counted from percpu_usage
        QCOMPARE(st.memoryBytes, qint64(900));
        QCOMPARE(st.rxBytes, qint64(0));
    }

    void statsCgroupV2()
    {
        // cgroup v2: no percpu_usage, inactive_file instead of total_inactive_file.
        const QJsonObject s = parse(R"({
            "cpu_stats": {"cpu_usage": {"total_usage": 9000000}, "system_cpu_usage": 40000000000, "online_cpus": 4},
            "precpu_stats": {"cpu_usage": {"total_usage": 1000000}, "system_cpu_usage": 39960000000, "online_cpus": 4},
            "memory_stats": {"usage": 20971520, "limit": 8589934592, "stats": {"inactive_file": 1048576, "anon": 15000000}},
            "networks": {"eth0": {"rx_bytes": 42, "tx_bytes": 24}}
        })");
        const StatsSample st = computeStats(s);
        QCOMPARE(st.cpuAbsolute, 8000000.0 / 40000000.0 * 4 * 100); // 80 %
        QCOMPARE(st.memoryBytes, qint64(20971520 - 1048576));
        QCOMPARE(st.memoryLimitBytes, qint64(8589934592));
        QCOMPARE(st.rxBytes, qint64(42));
        QCOMPARE(st.txBytes, qint64(24));
    }

    void statsOfAStoppedContainerAreZero()
    {
        // What the engine sends for a container that is not running: empty objects, zero counters.
        const QJsonObject s = parse(R"({"cpu_stats": {"cpu_usage": {"total_usage": 0}, "throttling_data": {}},
                                         "precpu_stats": {"cpu_usage": {"total_usage": 0}}, "memory_stats": {}})");
        const StatsSample st = computeStats(s);
        QCOMPARE(st.cpuAbsolute, 0.0);
        QCOMPARE(st.memoryBytes, qint64(0));
        QCOMPARE(st.memoryLimitBytes, qint64(0));
    }

    void cacheLargerThanUsageIsIgnored()
    {
        const QJsonObject s = parse(R"({"memory_stats": {"usage": 100, "stats": {"inactive_file": 500}}})");
        QCOMPARE(computeStats(s).memoryBytes, qint64(100));
    }
};

QTEST_GUILESS_MAIN(TestConsoleStreams)
#include "tst_ct_streams.moc"
