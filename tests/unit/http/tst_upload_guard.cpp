// ConnectionGuard's upload takeover over real loopback sockets, with a sink that refuses past a
// quota the way UploadSink does (507 from write()) but, unlike it, would commit whatever it holds
// when finish() is called. However the body's bytes are cut up on the wire, a refused upload must be
// answered with the refusal and never reach finish(): once, an over-quota upload whose refused bytes
// arrived together with the end of its body was committed cut short and answered 200.
#include "http/BodySink.h"
#include "http/ConnectionGuard.h"
#include "http/ResponseChannel.h"
#include "lightd/ErrorCodes.h"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <memory>

using namespace lightd;
using namespace lightd::http;

namespace {
struct SinkLog
{
    QByteArray written;
    int refusals = 0;
    int finishes = 0;
    int aborts = 0;
    int doneStatus = 0;
};

class QuotaSink final : public BodySink
{
  public:
    QuotaSink(std::shared_ptr<SinkLog> log, qint64 quota) : m_log(std::move(log)), m_quota(quota) {}
    void write(const char *data, qint64 size) override
    {
        if (m_log->written.size() + size > m_quota) {
            ++m_log->refusals;
            throw DomainError(codes::QuotaExceeded, QStringLiteral("Volume quota exceeded"));
        }
        m_log->written.append(data, size);
    }
    HttpResponse finish() override
    {
        ++m_log->finishes;
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("size"), m_log->written.size()}});
    }
    void abort() override { ++m_log->aborts; }

  private:
    std::shared_ptr<SinkLog> m_log;
    qint64 m_quota;
};

// One way of putting a request on the wire: the pieces written, with a pause after each.
struct Wire
{
    QByteArrayList pieces;
    int pauseMs = 0;
};

QByteArray contentLengthHead(qint64 length)
{
    return "PUT /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(length) + "\r\n\r\n";
}

const QByteArray kChunkedHead = "PUT /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

QByteArray body(qint64 size)
{
    QByteArray b(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        b[i] = char('a' + i % 26);
    return b;
}

// Splits `bytes` into pieces of `size` (the last one shorter).
QByteArrayList cut(const QByteArray &bytes, qsizetype size)
{
    QByteArrayList out;
    for (qsizetype i = 0; i < bytes.size(); i += size)
        out.append(bytes.mid(i, size));
    return out;
}
} // namespace

Q_DECLARE_METATYPE(Wire)

class TestUploadGuard : public QObject
{
    Q_OBJECT

    QTcpServer m_server;
    std::shared_ptr<SinkLog> m_log;
    qint64 m_quota = 0;
    qint64 m_limit = 1 << 20;

    // Sends the pieces to a guarded connection and returns the status of the one response (0 if
    // none came before the connection closed or the deadline passed).
    int exchange(const Wire &wire)
    {
        m_log = std::make_shared<SinkLog>();
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, m_server.serverPort());
        if (!client.waitForConnected(5000))
            return -1;
        for (const QByteArray &piece : wire.pieces) {
            if (client.state() != QAbstractSocket::ConnectedState)
                break; // refused early: the guard closed on us
            client.write(piece);
            client.flush();
            if (wire.pauseMs > 0)
                QTest::qWait(wire.pauseMs); // shapes the byte stream into separate reads
        }
        QByteArray received;
        QDeadlineTimer deadline(5000);
        while (client.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            received += client.readAll();
        }
        received += client.readAll();
        if (!received.startsWith("HTTP/1.1 "))
            return 0;
        return received.mid(9, 3).toInt();
    }

  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto *channel = new ResponseChannel(socket);
                ConnectionGuard::Limits limits;
                new ConnectionGuard(socket, channel, limits, {}, {},
                                    [this](const RequestHead &, const QHostAddress &) {
                                        ConnectionGuard::Upload up;
                                        up.isUpload = true;
                                        up.limit = m_limit;
                                        up.requestId = QStringLiteral("t-1");
                                        up.sink = std::make_unique<QuotaSink>(m_log, m_quota);
                                        up.done = [log = m_log](int status) { log->doneStatus = status; };
                                        return up;
                                    });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    void overQuotaIsRefusedHoweverCut_data()
    {
        QTest::addColumn<Wire>("wire");
        QTest::addColumn<qint64>("quota");
        const QByteArray b = body(64 * 1024);
        const QByteArray cl = contentLengthHead(b.size());
        QByteArray chunked = kChunkedHead;
        for (const QByteArray &c : cut(b, 1024))
            chunked += chunk(c);
        chunked += "0\r\n\r\n";

        // The refused bytes and the body's end in one read.
        QTest::newRow("content-length, one write") << Wire{{cl + b}, 0} << qint64(b.size() - 100);
        QTest::newRow("content-length, head then body") << Wire{{cl, b}, 20} << qint64(b.size() - 100);
        QTest::newRow("content-length, last piece crosses")
            << Wire{cut(cl + b, 4096), 3}
            << qint64(b.size() - 8); // the last piece is the last cl.size() bytes
        QTest::newRow("chunked, one write") << Wire{{chunked}, 0} << qint64(b.size() - 100);
        QTest::newRow("chunked, crossing chunk and the rest together")
            << Wire{{chunked.left(chunked.size() / 2), chunked.mid(chunked.size() / 2)}, 20}
            << qint64(chunked.size() / 2 - 100);
        // The refusal in the middle of a slow body.
        QTest::newRow("content-length, small pieces") << Wire{cut(cl + b, 1000), 2} << qint64(10 * 1024);
        QTest::newRow("chunked, small pieces") << Wire{cut(chunked, 1000), 2} << qint64(10 * 1024);
    }

    void overQuotaIsRefusedHoweverCut()
    {
        QFETCH(Wire, wire);
        QFETCH(qint64, quota);
        m_quota = quota;
        for (int round = 0; round < 5; ++round) {
            const int status = exchange(wire);
            QVERIFY2(status == 507, qPrintable(QStringLiteral("round %1: status %2").arg(round).arg(status)));
            QCOMPARE(m_log->refusals, 1);
            QCOMPARE(m_log->finishes, 0);
            QCOMPARE(m_log->aborts, 1);
            QCOMPARE(m_log->doneStatus, 507);
            QVERIFY(m_log->written.size() <= quota);
        }
    }

    void withinQuotaIsCommitted()
    {
        m_quota = 1 << 20;
        const QByteArray b = body(64 * 1024);
        QByteArray chunked = kChunkedHead;
        for (const QByteArray &c : cut(b, 1024))
            chunked += chunk(c);
        chunked += "0\r\n\r\n";
        for (const Wire &wire :
             {Wire{{contentLengthHead(b.size()) + b}, 0}, Wire{cut(contentLengthHead(b.size()) + b, 1000), 1},
              Wire{{chunked}, 0}, Wire{cut(chunked, 1000), 1}}) {
            QCOMPARE(exchange(wire), 200);
            QCOMPARE(m_log->written, b);
            QCOMPARE(m_log->finishes, 1);
            QCOMPARE(m_log->aborts, 0);
            QCOMPARE(m_log->doneStatus, 200);
        }
    }

    void overLimitIs413()
    {
        m_quota = 1 << 20;
        m_limit = 8 * 1024;
        const QByteArray b = body(16 * 1024);
        QByteArray chunked = kChunkedHead;
        for (const QByteArray &c : cut(b, 1024))
            chunked += chunk(c);
        chunked += "0\r\n\r\n";
        for (const Wire &wire :
             {Wire{{contentLengthHead(b.size()) + b}, 0}, Wire{{chunked}, 0}, Wire{cut(chunked, 1000), 1}}) {
            QCOMPARE(exchange(wire), 413);
            QCOMPARE(m_log->finishes, 0);
            QCOMPARE(m_log->doneStatus, 413);
            QVERIFY(m_log->written.size() <= m_limit);
        }
        m_limit = 1 << 20;
    }
};

QTEST_GUILESS_MAIN(TestUploadGuard)
#include "tst_upload_guard.moc"
