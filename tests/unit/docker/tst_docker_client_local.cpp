// DockerClient against a scripted engine on a temporary unix socket: error kinds, timeouts,
// recovery after the engine comes back, streams and hijacked attach, without a real engine.
#include "WireFixtures.h"

#include "docker/AdmissionQueue.h"
#include "docker/DockerClient.h"
#include "docker/DockerStream.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace lightd::docker;

namespace {

// Accepts connections and answers each complete request head with reply(request, socket).
class FakeEngine : public QObject
{
  public:
    std::function<void(const QByteArray &request, QLocalSocket *socket)> reply;
    QList<QByteArray> requests;
    QByteArray afterHead; // bytes the client sent after the request (hijacked stdin)

    bool listen(const QString &path)
    {
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *s = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                auto answered = std::make_shared<bool>(false);
                connect(s, &QLocalSocket::readyRead, s, [this, s, buffer, answered] {
                    *buffer += s->readAll();
                    if (*answered) {
                        afterHead += std::exchange(*buffer, {});
                        return;
                    }
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    *answered = true;
                    const QByteArray request = buffer->left(end + 4);
                    afterHead += buffer->mid(end + 4);
                    buffer->clear();
                    requests.append(request);
                    if (reply)
                        reply(request, s);
                });
                connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        return m_server.listen(path);
    }

  private:
    QLocalServer m_server;
};

void answer(QLocalSocket *s, const QByteArray &bytes, bool close = true)
{
    s->write(bytes);
    s->flush();
    if (close)
        s->disconnectFromServer();
}

} // namespace

class TestDockerClientLocal : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void init();
    void unavailableQuicklyThenRecovers();
    void silentEngineTimesOut();
    void httpErrorCarriesEngineMessage();
    void malformedResponseIsProtocol();
    void engineDroppingMidResponseIsUnavailable();
    void abandonedCallNeverCallsBack();
    void pullReportsProgressAndInBandError();
    void logsStreamDemuxes();
    void attachIsHijackedBothWays();
    void eventsStreamHttpError();
    void queuedCallTimesFromDispatch();

  private:
    DockerClient::Options options() const
    {
        DockerClient::Options o;
        o.socketPath = m_dir->filePath(QStringLiteral("engine.sock"));
        o.connectTimeoutMs = 1000;
        o.callTimeoutMs = 2000;
        return o;
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDockerClientLocal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDockerClientLocal::unavailableQuicklyThenRecovers()
{
    DockerClient client(options());
    std::optional<DockerResult<QString>> result;
    QElapsedTimer timer;
    timer.start();
    client.ping(this, [&](const DockerResult<QString> &r) { result = r; });
    QVERIFY(!result); // never called back from inside the call
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 2000);
    QCOMPARE(result->error.kind, DockerError::Kind::Unavailable);
    QVERIFY2(timer.elapsed() < 1000, "a missing socket must fail at once, not after a timeout");

    // The engine comes up at the same path: the same client works with no reset.
    FakeEngine engine;
    engine.reply = [](const QByteArray &, QLocalSocket *s) {
        answer(s, "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK");
    };
    QVERIFY(engine.listen(options().socketPath));
    result.reset();
    client.ping(this, [&](const DockerResult<QString> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 3000);
    QVERIFY2(result->ok(), qPrintable(result->error.toString()));
    QCOMPARE(result->value, QStringLiteral("1.41"));
    QVERIFY(engine.requests.value(0).startsWith("GET /v1.41/_ping HTTP/1.1\r\n"));
}

void TestDockerClientLocal::silentEngineTimesOut()
{
    FakeEngine engine; // accepts, never answers
    QVERIFY(engine.listen(options().socketPath));
    DockerClient::Options o = options();
    o.callTimeoutMs = 300;
    DockerClient client(o);
    std::optional<DockerResult<QJsonObject>> result;
    QElapsedTimer timer;
    timer.start();
    client.version(this, [&](const DockerResult<QJsonObject> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 3000);
    QCOMPARE(result->error.kind, DockerError::Kind::Timeout);
    QVERIFY(timer.elapsed() >= 250);

    // Streams time out waiting for their head too.
    auto *stream = client.events({}, this);
    QSignalSpy finished(stream, &DockerStream::finished);
    QVERIFY(finished.wait(3000));
    QCOMPARE(finished.first().first().value<DockerError>().kind, DockerError::Kind::Timeout);
    delete stream;
}

void TestDockerClientLocal::httpErrorCarriesEngineMessage()
{
    FakeEngine engine;
    engine.reply = [](const QByteArray &, QLocalSocket *s) { answer(s, fixtures::notFoundResponse()); };
    QVERIFY(engine.listen(options().socketPath));
    DockerClient client(options());
    std::optional<DockerResult<QJsonObject>> result;
    client.inspectContainer(QStringLiteral("nope"), this,
                            [&](const DockerResult<QJsonObject> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 3000);
    QCOMPARE(result->error.kind, DockerError::Kind::Http);
    QCOMPARE(result->error.httpStatus, 404);
    QCOMPARE(result->error.message, QStringLiteral("No such container: nope"));
    QVERIFY(engine.requests.value(0).startsWith("GET /v1.41/containers/nope/json HTTP/1.1\r\n"));
}

void TestDockerClientLocal::malformedResponseIsProtocol()
{
    FakeEngine engine;
    engine.reply = [](const QByteArray &, QLocalSocket *s) {
        answer(s, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n[1]");
    };
    QVERIFY(engine.listen(options().socketPath));
    DockerClient client(options());
    std::optional<DockerResult<QJsonObject>> result;
    client.version(this, [&](const DockerResult<QJsonObject> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 3000);
    QCOMPARE(result->error.kind, DockerError::Kind::Protocol);

    engine.reply = [](const QByteArray &, QLocalSocket *s) { answer(s, "garbage\r\n\r\n"); };
    result.reset();
    client.version(this, [&](const DockerResult<QJsonObject> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 3000);
    QCOMPARE(result->error.kind, DockerError::Kind::Protocol);
}

void TestDockerClientLocal::engineDroppingMidResponseIsUnavailable()
{
    FakeEngine engine;
    engine.reply = [](const QByteArray &, QLocalSocket *s) {
        answer(s, "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"Ver");
    };
    QVERIFY(engine.listen(options().socketPath));
    DockerClient client(options());
    std::optional<DockerResult<QJsonObject>> result;
    client.version(this, [&](const DockerResult<QJsonObject> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 3000);
    QCOMPARE(result->error.kind, DockerError::Kind::Unavailable);
}

void TestDockerClientLocal::abandonedCallNeverCallsBack()
{
    FakeEngine engine;
    QPointer<QLocalSocket> held;
    engine.reply = [&](const QByteArray &, QLocalSocket *s) { held = s; };
    QVERIFY(engine.listen(options().socketPath));
    DockerClient client(options());
    auto *ctx = new QObject;
    bool called = false;
    client.version(ctx, [&](const DockerResult<QJsonObject> &) { called = true; });
    QTRY_VERIFY_WITH_TIMEOUT(!held.isNull(), 3000);
    delete ctx;
    answer(held, fixtures::versionResponse());
    QTRY_VERIFY_WITH_TIMEOUT(held.isNull(), 3000); // the client closed its side
    QVERIFY(!called);
}

void TestDockerClientLocal::pullReportsProgressAndInBandError()
{
    FakeEngine engine;
    bool fail = false;
    engine.reply = [&](const QByteArray &, QLocalSocket *s) {
        const QByteArray data = fail ? fixtures::pullErrorResponse() : fixtures::pullResponse();
        // Dribbled out in small writes, as a slow registry would.
        for (qsizetype i = 0; i < data.size(); i += 7)
            s->write(data.mid(i, 7));
        s->disconnectFromServer();
    };
    QVERIFY(engine.listen(options().socketPath));
    DockerClient client(options());
    QList<QJsonObject> progress;
    std::optional<DockerResult<void>> result;
    client.pullImage(
        QStringLiteral("alpine:3.19"), {}, this, [&](const QJsonObject &p) { progress.append(p); },
        [&](const DockerResult<void> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 3000);
    QVERIFY2(result->ok(), qPrintable(result->error.toString()));
    QCOMPARE(progress.size(), fixtures::pullLines().size());
    QCOMPARE(progress.last().value(QLatin1StringView("status")).toString(),
             QStringLiteral("Status: Downloaded newer image for alpine:3.19"));
    QVERIFY(engine.requests.value(0).startsWith(
        "POST /v1.41/images/create?fromImage=alpine%3A3.19 HTTP/1.1\r\n"));

    fail = true;
    progress.clear();
    result.reset();
    client.pullImage(
        QStringLiteral("nosuch"), "e30=", this, [&](const QJsonObject &p) { progress.append(p); },
        [&](const DockerResult<void> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 3000);
    QCOMPARE(result->error.kind, DockerError::Kind::Http);
    QCOMPARE(result->error.message, QStringLiteral("manifest for nosuch:latest not found: manifest unknown"));
    QCOMPARE(progress.size(), 1);
    QVERIFY(engine.requests.value(1).contains("fromImage=nosuch%3Alatest "));
    QVERIFY(engine.requests.value(1).contains("\r\nX-Registry-Auth: e30=\r\n"));
}

void TestDockerClientLocal::logsStreamDemuxes()
{
    FakeEngine engine;
    engine.reply = [](const QByteArray &, QLocalSocket *s) {
        const QByteArray data = fixtures::logsResponse();
        for (qsizetype i = 0; i < data.size(); i += 3)
            s->write(data.mid(i, 3));
        s->disconnectFromServer();
    };
    QVERIFY(engine.listen(options().socketPath));
    DockerClient client(options());
    LogsOptions opts;
    opts.tail = 10;
    opts.since = 1700000000;
    auto *stream = client.logs(QStringLiteral("c1"), opts, this);
    QSignalSpy started(stream, &DockerStream::started);
    QSignalSpy data(stream, &DockerStream::data);
    QSignalSpy finished(stream, &DockerStream::finished);
    QVERIFY(finished.wait(3000));
    QCOMPARE(finished.first().first().value<DockerError>().kind, DockerError::Kind::None);
    QCOMPARE(started.size(), 1);
    QCOMPARE(data.size(), 4);
    QCOMPARE(data.at(0).at(0).toInt(), int(StreamType::Stdout));
    QCOMPARE(data.at(0).at(1).toByteArray(), QByteArray("hello\n"));
    QCOMPARE(data.at(3).at(0).toInt(), int(StreamType::Stderr));
    QCOMPARE(data.at(3).at(1).toByteArray(), QByteArray("oops\n"));
    const QByteArray req = engine.requests.value(0);
    QVERIFY(req.startsWith(
        "GET /v1.41/containers/c1/logs?follow=1&stdout=1&stderr=1&timestamps=0&since=1700000000&tail=10 "));
    delete stream;
}

void TestDockerClientLocal::attachIsHijackedBothWays()
{
    FakeEngine engine;
    QPointer<QLocalSocket> peer;
    engine.reply = [&](const QByteArray &, QLocalSocket *s) {
        peer = s;
        answer(s, fixtures::attachUpgradeResponse(), false);
    };
    QVERIFY(engine.listen(options().socketPath));
    DockerClient client(options());
    auto *stream = client.attach(QStringLiteral("c1"), {}, this);
    QVERIFY(stream->write("early\n")); // queued until the upgrade
    QSignalSpy data(stream, &DockerStream::data);
    QSignalSpy finished(stream, &DockerStream::finished);
    QTRY_VERIFY_WITH_TIMEOUT(data.size() >= 4, 3000);
    QCOMPARE(data.at(1).at(1).toByteArray(), QByteArray("got:abc\n"));
    QCOMPARE(data.at(2).at(0).toInt(), int(StreamType::Stderr));
    QVERIFY(stream->write("abc\n"));
    QTRY_COMPARE_WITH_TIMEOUT(engine.afterHead, QByteArray("early\nabc\n"), 3000);
    const QByteArray req = engine.requests.value(0);
    QVERIFY(req.startsWith("POST /v1.41/containers/c1/attach?stream=1&logs=0&stdin=1&stdout=1&stderr=1 "));
    QVERIFY(req.contains("\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"));

    // The engine ends the stream: a clean finish.
    peer->disconnectFromServer();
    QVERIFY(finished.wait(3000));
    QCOMPARE(finished.first().first().value<DockerError>().kind, DockerError::Kind::None);
    QVERIFY(!stream->write("late"));

    // close() on a live attach: Cancelled, and the engine sees the connection go.
    auto *second = client.attach(QStringLiteral("c1"), {}, this);
    QSignalSpy started(second, &DockerStream::started);
    QVERIFY(started.wait(3000));
    QVERIFY(peer);
    QSignalSpy secondFinished(second, &DockerStream::finished);
    second->close();
    QCOMPARE(secondFinished.size(), 1);
    QCOMPARE(secondFinished.first().first().value<DockerError>().kind, DockerError::Kind::Cancelled);
    QTRY_VERIFY_WITH_TIMEOUT(peer.isNull(), 3000);
    delete stream;
    delete second;
}

void TestDockerClientLocal::eventsStreamHttpError()
{
    FakeEngine engine;
    engine.reply = [](const QByteArray &, QLocalSocket *s) {
        answer(s, "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 46\r\n\r\n"
                  "{\"message\":\"invalid filter 'bogus'\"}\n         ");
    };
    QVERIFY(engine.listen(options().socketPath));
    DockerClient client(options());
    EventsOptions opts;
    opts.filters = QJsonObject{{QStringLiteral("bogus"), QJsonArray{QStringLiteral("x")}}};
    auto *stream = client.events(opts, this);
    QSignalSpy started(stream, &DockerStream::started);
    QSignalSpy finished(stream, &DockerStream::finished);
    QVERIFY(finished.wait(3000));
    const auto error = finished.first().first().value<DockerError>();
    QCOMPARE(error.kind, DockerError::Kind::Http);
    QCOMPARE(error.httpStatus, 400);
    QCOMPARE(error.message, QStringLiteral("invalid filter 'bogus'"));
    QCOMPARE(started.size(), 0);
    delete stream;
}

// An engine that does one start at a time, 400 ms each (as dockerd works through a burst), and a
// 1000 ms call timeout: sent at once, the third of four starts answers after 1200 ms and times out;
// through an AdmissionQueue of 1 each call's timeout starts when it leaves the queue, so all succeed.
void TestDockerClientLocal::queuedCallTimesFromDispatch()
{
    FakeEngine engine;
    QList<QPointer<QLocalSocket>> waiting;
    bool busy = false;
    std::function<void()> serveNext = [&] {
        busy = true;
        QTimer::singleShot(400, this, [&] {
            if (QPointer<QLocalSocket> s = waiting.takeFirst())
                answer(s, "HTTP/1.1 204 No Content\r\n\r\n");
            busy = false;
            if (!waiting.isEmpty())
                serveNext();
        });
    };
    engine.reply = [&](const QByteArray &, QLocalSocket *s) {
        waiting.append(s);
        if (!busy)
            serveNext();
    };
    QVERIFY(engine.listen(options().socketPath));
    DockerClient::Options o = options();
    o.callTimeoutMs = 1000;
    DockerClient client(o);

    auto burst = [&](ContainerEngine &e) {
        int ok = 0, timedOut = 0;
        for (int i = 0; i < 4; ++i)
            e.startContainer(QStringLiteral("c%1").arg(i), this, [&](const DockerResult<void> &r) {
                ++(r.ok() ? ok : timedOut);
                QVERIFY(r.ok() || r.error.kind == DockerError::Kind::Timeout);
            });
        [&] { QTRY_COMPARE_WITH_TIMEOUT(ok + timedOut, 4, 5000); }();
        return timedOut;
    };
    QVERIFY(burst(client) > 0); // raw: the tail of the burst times out
    QTRY_VERIFY_WITH_TIMEOUT(waiting.isEmpty() && !busy, 5000);
    AdmissionQueue queue(client, 1);
    QCOMPARE(burst(queue), 0);
}

QTEST_GUILESS_MAIN(TestDockerClientLocal)
#include "tst_docker_client_local.moc"
