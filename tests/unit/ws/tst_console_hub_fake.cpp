// The real ConsoleHub and ViewerSession fed by the real ContainerRuntime over FakeContainerEngine
// (tests/support), viewers on real loopback sockets: the console throttle and a slow viewer
// (backpressure: lines dropped and told, a stalled viewer closed with 1008) while a fast viewer on
// the same hub loses nothing. No Docker; about a second.
#include "Await.h"
#include "FakeContainerEngine.h"
#include "containers/ContainerRuntime.h"
#include "lightd/Events.h"
#include "metrics/Counters.h"
#include "storage/Database.h"
#include "storage/Repositories.h"
#include "volumes/VolumeRegistry.h"
#include "ws/ConsoleHub.h"
#include "ws/ViewerSession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace lightd;
using namespace lightd::containers;
using lightd::test::FakeContainerEngine;
using lightd::test::waitUntil;

namespace {
// What a viewer reads: the daemon's (unmasked) frames, decoded.
struct Received
{
    QByteArray buffer;
    QList<QJsonObject> messages; // text frames
    int closeCode = 0;           // 0 until a close frame came
    QString closeReason;

    void feed(const QByteArray &bytes)
    {
        buffer += bytes;
        while (buffer.size() >= 2) {
            const int opcode = quint8(buffer[0]) & 0x0f;
            qint64 length = quint8(buffer[1]) & 0x7f;
            qsizetype header = 2;
            if (length == 126) {
                if (buffer.size() < 4)
                    return;
                length = (quint8(buffer[2]) << 8) | quint8(buffer[3]);
                header = 4;
            } else if (length == 127) {
                if (buffer.size() < 10)
                    return;
                length = 0;
                for (int i = 2; i < 10; ++i)
                    length = (length << 8) | quint8(buffer[i]);
                header = 10;
            }
            if (buffer.size() < header + length)
                return;
            const QByteArray payload = buffer.mid(header, length);
            buffer.remove(0, header + length);
            if (opcode == 0x1) {
                messages.append(QJsonDocument::fromJson(payload).object());
            } else if (opcode == 0x8 && payload.size() >= 2) {
                closeCode = (quint8(payload[0]) << 8) | quint8(payload[1]);
                closeReason = QString::fromUtf8(payload.mid(2));
            }
        }
    }

    QList<QJsonObject> of(QLatin1StringView event) const
    {
        QList<QJsonObject> out;
        for (const auto &m : messages)
            if (m.value(events::FieldEvent).toString() == event)
                out.append(m);
        return out;
    }
    QStringList notices() const
    {
        QStringList out;
        for (const auto &m : of(events::DaemonMessage))
            out.append(m.value(events::FieldData).toString());
        return out;
    }
};

// A viewer that reads whatever arrives (Qt socket on this thread).
struct FastViewer
{
    QTcpSocket socket;
    Received got;
};

// A viewer that reads nothing until told: a plain socket with a tiny receive buffer.
struct SlowViewer
{
    int fd = -1;
    Received got;
    bool eof = false;
    ~SlowViewer()
    {
        if (fd >= 0)
            ::close(fd);
    }
    void readAvailable()
    {
        char buf[65536];
        for (;;) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n > 0) {
                got.feed(QByteArray(buf, qsizetype(n)));
                continue;
            }
            if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
                eof = true;
            return;
        }
    }
};

quint64 dropCounter()
{
    return metrics::counters().consoleLinesViewerDrop.load();
}
} // namespace

class TestConsoleHubFake : public QObject
{
    Q_OBJECT

    struct Rig
    {
        QTemporaryDir dir;
        storage::Database db{dir.filePath(QStringLiteral("t.db"))};
        std::unique_ptr<storage::ContainerRepository> repo;
        std::unique_ptr<volumes::VolumeRegistry> volumes;
        FakeContainerEngine engine;
        Config config;
        std::unique_ptr<ContainerRuntime> rt;
        std::unique_ptr<ws::ConsoleHub> hub;
        QTcpServer server;
        QList<QPointer<ws::ViewerSession>> sessions;

        Rig(int throttleLines, int throttleIntervalMs)
        {
            db.open();
            db.exec(QStringLiteral("INSERT INTO volumes (id, path, created_at) VALUES ('v', ?, 0)"),
                    {dir.path()});
            repo = std::make_unique<storage::ContainerRepository>(db);
            volumes = std::make_unique<volumes::VolumeRegistry>(db, dir.filePath(QStringLiteral("volumes")));
            config.containers.crashRestart = false;
            config.console.historyLines = 5000;
            config.console.throttleLines = throttleLines;
            config.console.throttleIntervalMs = throttleIntervalMs;
            engine.addImage(QStringLiteral("img"));
            ContainerRecord r;
            r.dto.internalId = QStringLiteral("hub");
            r.dto.image = QStringLiteral("img");
            r.dto.volumeId = QStringLiteral("v");
            r.dto.startupCommand = QStringLiteral("run");
            r.state = ContainerState::Ready;
            r.dto.installState = toString(r.state);
            r.dto.containerId = engine.addContainer(r.dockerName(), false).id;
            repo->insert(r.toRow());
            ContainerPaths paths{
                dir.filePath(QStringLiteral("vol")), dir.filePath(QStringLiteral("data")), {}};
            rt = std::make_unique<ContainerRuntime>(
                r, paths, ContainerRuntime::Deps{engine, *repo, config, [] { return true; }});
            hub = std::make_unique<ws::ConsoleHub>(rt.get(), *volumes, config);
            server.listen(QHostAddress::LocalHost, 0);
        }

        ~Rig()
        {
            hub.reset();
            for (const auto &s : std::as_const(sessions))
                delete s.data();
        }

        bool running()
        {
            if (rt->requestPower(Operation::Start))
                return false;
            return waitUntil([&] { return rt->state() == ContainerState::Running && rt->attachOpen(); },
                             5000);
        }

        QTcpSocket *accept()
        {
            if (!waitUntil([&] { return server.hasPendingConnections(); }, 5000))
                return nullptr;
            return server.nextPendingConnection();
        }

        void join(QTcpSocket *wire, const ws::ViewerSession::Limits &limits)
        {
            auto *session = new ws::ViewerSession(wire, {}, limits);
            sessions.append(session);
            hub->addViewer(session);
        }

        bool addFast(FastViewer &v)
        {
            QObject::connect(&v.socket, &QTcpSocket::readyRead, &v.socket,
                             [&v] { v.got.feed(v.socket.readAll()); });
            v.socket.connectToHost(QHostAddress::LocalHost, server.serverPort());
            auto *wire = accept();
            if (!wire)
                return false;
            join(wire, {});
            return true;
        }

        bool addSlow(SlowViewer &v, const ws::ViewerSession::Limits &limits)
        {
            v.fd = ::socket(AF_INET, SOCK_STREAM, 0);
            const int small = 4096;
            ::setsockopt(v.fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small); // before connect: the window
            sockaddr_in a{};
            a.sin_family = AF_INET;
            a.sin_port = htons(server.serverPort());
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::connect(v.fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0)
                return false;
            auto *wire = accept();
            if (!wire)
                return false;
            const int fd = int(wire->socketDescriptor());
            ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
            join(wire, limits);
            return true;
        }

        // `count` console lines of about `bytes` each, in one write of the process.
        void print(int count, int bytes, const QString &prefix = QStringLiteral("line"))
        {
            QByteArray out;
            const QByteArray pad(bytes, 'x');
            for (int i = 0; i < count; ++i)
                out += QStringLiteral("%1 %2 ").arg(prefix).arg(i).toUtf8() + pad + '\n';
            engine.print(QStringLiteral("lightd-hub"), out);
        }
    };

    static QStringList consoleTexts(const Received &r)
    {
        QStringList out;
        for (const auto &m : r.of(events::Console))
            out.append(m.value(events::FieldData).toString());
        return out;
    }

    static QList<qint64> consoleSeqs(const Received &r)
    {
        QList<qint64> out;
        for (const auto &m : r.of(events::Console))
            out.append(m.value(events::FieldSeq).toInteger());
        return out;
    }

  private Q_SLOTS:
    // More lines in a window than console.throttle_lines: the first ones go out, then one notice;
    // the rest are counted, and the end of the episode is told with that count. The history keeps all.
    void throttleShowsTheFirstLinesAndTellsTheRest()
    {
        Rig rig(5, 300);
        QVERIFY(rig.running());
        FastViewer viewer;
        QVERIFY(rig.addFast(viewer));
        QVERIFY(waitUntil([&] { return !viewer.got.of(events::Logs).isEmpty(); }, 5000));
        const quint64 throttledBefore = metrics::counters().consoleLinesThrottled.load();

        rig.print(20, 0, QStringLiteral("t"));
        const QString resumed = QStringLiteral(
            "Console output resumed; 15 lines were not shown (see the logs endpoint for history)");
        QVERIFY(waitUntil([&] { return viewer.got.notices().contains(resumed); }, 5000));
        QCOMPARE(consoleTexts(viewer.got),
                 (QStringList{QStringLiteral("t 0 "), QStringLiteral("t 1 "), QStringLiteral("t 2 "),
                              QStringLiteral("t 3 "), QStringLiteral("t 4 ")}));
        QCOMPARE(
            viewer.got.notices(),
            (QStringList{QStringLiteral("Console output is being throttled (more than 5 lines per 300 ms)"),
                         resumed}));
        QCOMPARE(metrics::counters().consoleLinesThrottled.load() - throttledBefore, quint64(15));
        QCOMPARE(rig.rt->history(20).size(), 20);

        // After the episode lines flow again, with their own sequence numbers.
        rig.print(1, 0, QStringLiteral("after"));
        QVERIFY(waitUntil([&] { return consoleTexts(viewer.got).size() == 6; }, 5000));
        QCOMPARE(consoleTexts(viewer.got).last(), QStringLiteral("after 0 "));
        const auto seqs = consoleSeqs(viewer.got);
        QCOMPARE(seqs.last() - seqs.first(), qint64(20)); // t 0 .. t 19, then after 0
    }

    // A viewer that does not read while 1500 lines go out: its queue is bounded, the oldest lines
    // are dropped, and once it reads again it is told how many, then gets the newest lines. A fast
    // viewer on the same hub gets every line and no notice.
    void aSlowViewerDropsLinesAndIsToldHowMany()
    {
        Rig rig(1000000, 1000);
        QVERIFY(rig.running());
        FastViewer fast;
        QVERIFY(rig.addFast(fast));
        SlowViewer slow;
        ws::ViewerSession::Limits limits;
        limits.queueFrames = 64;
        QVERIFY(rig.addSlow(slow, limits));
        const quint64 dropsBefore = dropCounter();

        constexpr int N = 1500;
        rig.print(N, 1000);
        QVERIFY(waitUntil([&] { return consoleSeqs(fast.got).size() == N; }, 10000));
        const qint64 lastSeq = consoleSeqs(fast.got).last();
        QCOMPARE(lastSeq - consoleSeqs(fast.got).first(), qint64(N - 1));
        QVERIFY(fast.got.notices().isEmpty());
        const quint64 dropped = dropCounter() - dropsBefore;
        QVERIFY2(dropped > 0, "the slow viewer's queue never overflowed");
        QCOMPARE(rig.hub->viewerCount(), 2); // not closed: the stall bound is 30 s

        // It reads again: the drop notice first, then the newest lines; none twice, none lost untold.
        QVERIFY(waitUntil(
            [&] {
                slow.readAvailable();
                const auto seqs = consoleSeqs(slow.got);
                return !seqs.isEmpty() && seqs.last() == lastSeq;
            },
            10000));
        const auto seqs = consoleSeqs(slow.got);
        for (qsizetype i = 1; i < seqs.size(); ++i)
            QVERIFY(seqs[i] > seqs[i - 1]);
        quint64 told = 0;
        static const QRegularExpression notice(
            QStringLiteral("^(\\d+) console lines were dropped because this viewer fell behind$"));
        for (const auto &n : slow.got.notices()) {
            const auto m = notice.match(n);
            QVERIFY2(m.hasMatch(), qPrintable(n));
            told += m.captured(1).toULongLong();
        }
        QCOMPARE(told, dropped);
        QCOMPARE(quint64(seqs.size()) + told, quint64(N));
        QVERIFY(seqs.size() < N);
    }

    // A viewer whose queue stays full past the stall bound is closed with 1008 and leaves the hub;
    // the fast viewer stays.
    void aStalledViewerIsClosedWith1008()
    {
        Rig rig(1000000, 1000);
        QVERIFY(rig.running());
        FastViewer fast;
        QVERIFY(rig.addFast(fast));
        SlowViewer slow;
        ws::ViewerSession::Limits limits;
        limits.queueFrames = 64;
        limits.stallMs = 200;
        QVERIFY(rig.addSlow(slow, limits));

        rig.print(1500, 1000);
        QVERIFY(waitUntil([&] { return rig.hub->viewerCount() == 1; }, 10000));
        QVERIFY(waitUntil(
            [&] {
                slow.readAvailable();
                return slow.got.closeCode != 0 || slow.eof;
            },
            10000));
        QCOMPARE(slow.got.closeCode, 1008);
        QCOMPARE(slow.got.closeReason, QStringLiteral("viewer too slow"));
        QVERIFY(consoleSeqs(slow.got).size() < 1500);
        // The hub still serves the fast viewer.
        QVERIFY(waitUntil([&] { return consoleSeqs(fast.got).size() == 1500; }, 10000));
        rig.print(1, 0, QStringLiteral("later"));
        QVERIFY(waitUntil([&] { return consoleTexts(fast.got).last() == QStringLiteral("later 0 "); }, 5000));
    }
};

QTEST_GUILESS_MAIN(TestConsoleHubFake)
#include "tst_console_hub_fake.moc"
