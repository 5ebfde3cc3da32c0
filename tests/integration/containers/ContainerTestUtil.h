#pragma once
// Helpers shared by the containers integration tests (API.md section 3) against the real daemon
// binary and the real Docker engine, with the image lightd-test:busybox (busybox + bash, built by
// tests/support/make-test-image.sh).
//
// Every test executable names its containers with its own prefix ("ct<tag>-..."), so the
// executables can run in parallel (ctest -j2) and clean up only what they made: Docker containers
// whose name contains "-ct<tag>-" are removed when the Env is created (leftovers of an aborted run)
// and when it is destroyed (also when a test failed).
#include "Await.h"
#include "DaemonProcess.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <QWebSocket>
#include <memory>

namespace lightd::test::ct {

inline const QString kImage = QStringLiteral("lightd-test:busybox");

inline QString sourceDir()
{
    return qEnvironmentVariable("LIGHTD_SOURCE_DIR", QStringLiteral(LIGHTD_TEST_SOURCE_DIR));
}

// Runs a program to completion; returns its exit code (-1 if it could not run or timed out).
inline int run(const QString &program, const QStringList &args, QByteArray *out = nullptr, int timeoutMs = 120000,
               const QByteArray &input = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return -1;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        return -1;
    }
    if (out)
        *out = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

inline QByteArray docker(const QStringList &args, int *code = nullptr)
{
    QByteArray out;
    const int rc = run(QStringLiteral("docker"), args, &out);
    if (code)
        *code = rc;
    return out.trimmed();
}

// `docker inspect` of one container or image; empty when it does not exist.
inline QJsonObject dockerInspect(const QString &name, const char *kind = "container")
{
    int rc = 0;
    const QByteArray out = docker({QLatin1StringView(kind), QStringLiteral("inspect"), name}, &rc);
    if (rc != 0)
        return {};
    return QJsonDocument::fromJson(out).array().first().toObject();
}

inline bool dockerExists(const QString &name)
{
    return !dockerInspect(name).isEmpty();
}

inline QString dockerStatus(const QString &name)
{
    return dockerInspect(name).value(QStringLiteral("State")).toObject().value(QStringLiteral("Status")).toString();
}

// Removes every Docker container whose name contains `fragment`.
inline void removeContainersMatching(const QString &fragment)
{
    const QByteArray ids = docker({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
                                   QStringLiteral("name=") + fragment});
    QStringList rm{QStringLiteral("rm"), QStringLiteral("-f")};
    for (const auto &id : ids.split('\n')) {
        if (!id.trimmed().isEmpty())
            rm.append(QString::fromLatin1(id.trimmed()));
    }
    if (rm.size() > 2)
        docker(rm);
}

inline bool ensureImage()
{
    QByteArray out;
    const int rc = run(QStringLiteral("bash"), {sourceDir() + QStringLiteral("/tests/support/make-test-image.sh")}, &out);
    if (rc != 0)
        qWarning("make-test-image.sh failed: %s", out.constData());
    return rc == 0;
}

// A TCP port that is free on this host right now (to put into the daemon's pool).
inline int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::Any, 0);
    return s.serverPort();
}

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString code() const { return json().value(QStringLiteral("code")).toString(); }
    QString error() const { return json().value(QStringLiteral("error")).toString(); }
    QString dump() const { return QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(body)); }
};

// A WebSocket viewer of /ws/:id collecting the frames it receives.
class Viewer
{
public:
    explicit Viewer(const QUrl &url)
    {
        QObject::connect(&m_ws, &QWebSocket::textMessageReceived, &m_ws, [this](const QString &m) {
            const QJsonObject f = QJsonDocument::fromJson(m.toUtf8()).object();
            frames.append(f);
        });
        QObject::connect(&m_ws, &QWebSocket::connected, &m_ws, [this] { m_connected = true; });
        m_ws.open(url);
    }
    bool waitConnected(int ms = 10000) { return waitUntil([&] { return m_connected; }, ms); }
    QStringList data(const QString &event) const
    {
        QStringList out;
        for (const auto &f : frames) {
            if (f.value(QStringLiteral("event")).toString() == event)
                out.append(f.value(QStringLiteral("data")).toString());
        }
        return out;
    }
    QList<QJsonObject> frames;

private:
    QWebSocket m_ws;
    bool m_connected = false;
};

// One daemon with its own data dir, and the calls the tests make.
class Env
{
public:
    // tag: short, unique per test executable; it prefixes every internal_id of the executable.
    explicit Env(const QString &tag, QJsonObject extraConfig = {}, bool startNow = true)
        : m_tag(QStringLiteral("ct") + tag)
    {
        const bool engineExpected = !extraConfig.contains(QStringLiteral("docker"));
        QJsonObject sftp = extraConfig.value(QStringLiteral("sftp")).toObject();
        sftp.insert(QStringLiteral("enabled"), false);
        sftp.insert(QStringLiteral("port"), 2022);
        extraConfig.insert(QStringLiteral("sftp"), sftp);
        daemon = std::make_unique<DaemonProcess>(extraConfig);
        removeContainersMatching(QStringLiteral("-") + m_tag + QLatin1Char('-'));
        if (startNow)
            started = startDaemon(engineExpected);
    }
    // Starts (or restarts) the daemon and waits until it has found the engine (GET /metrics
    // docker_available): right after start-up, Docker-backed calls answer 503 until then.
    bool startDaemon(bool waitForEngine = true)
    {
        if (!daemon->start())
            return false;
        return !waitForEngine || waitUntil([&] { return get(QStringLiteral("/metrics")).json().value(QStringLiteral("docker_available")).toBool(); }, 20000);
    }
    ~Env()
    {
        daemon.reset();
        removeContainersMatching(QStringLiteral("-") + m_tag + QLatin1Char('-'));
    }

    QString id(const QString &name) const { return m_tag + QLatin1Char('-') + name; }
    static QString dockerName(const QString &internalId) { return QStringLiteral("lightd-") + internalId; }

    Reply call(const QByteArray &method, const QString &path, const QJsonObject &body = {}, bool withBody = false)
    {
        return callRaw(method, path, withBody || !body.isEmpty() ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray(),
                       withBody || !body.isEmpty());
    }
    Reply callRaw(const QByteArray &method, const QString &path, const QByteArray &body, bool withBody = true)
    {
        QNetworkRequest req(QUrl(daemon->url(path)));
        req.setRawHeader("Authorization", "Bearer " + daemon->token().toUtf8());
        req.setRawHeader("Accept", "Application/vnd.pkglatv1+json");
        if (withBody)
            req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        reply->deleteLater();
        return r;
    }
    Reply get(const QString &path) { return call("GET", path); }
    Reply post(const QString &path, const QJsonObject &body = {}) { return call("POST", path, body, true); }

    // POST /volumes; returns the volume id and sets *path to its host directory.
    QString createVolume(QString *path = nullptr)
    {
        const Reply r = call("POST", QStringLiteral("/volumes"));
        if (r.status != 201)
            qWarning("POST /volumes: %s", qPrintable(r.dump()));
        if (path)
            *path = r.json().value(QStringLiteral("path")).toString();
        return r.json().value(QStringLiteral("volume_id")).toString();
    }
    bool addPort(int port, const QString &ip = QStringLiteral("0.0.0.0"))
    {
        const Reply r = post(QStringLiteral("/network/ports"),
                             {{QStringLiteral("ip"), ip}, {QStringLiteral("port"), port}, {QStringLiteral("protocol"), QStringLiteral("tcp")}});
        return r.status == 201;
    }
    // The pool entry for a port (GET /network/ports).
    QJsonObject poolEntry(int port)
    {
        const auto list = get(QStringLiteral("/network/ports")).json().value(QStringLiteral("ports")).toArray();
        for (const auto &p : list) {
            if (p.toObject().value(QStringLiteral("port")).toInt() == port)
                return p.toObject();
        }
        return {};
    }

    // A create body with the test image and the given command; extra keys are merged in.
    QJsonObject body(const QString &internalId, const QString &volumeId, const QString &command,
                     const QJsonObject &extra = {}) const
    {
        QJsonObject b{{QStringLiteral("internal_id"), internalId},
                      {QStringLiteral("image"), kImage},
                      {QStringLiteral("volume_id"), volumeId},
                      {QStringLiteral("startup_command"), command}};
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            b.insert(it.key(), it.value());
        return b;
    }
    Reply create(const QJsonObject &body) { return post(QStringLiteral("/containers"), body); }

    QJsonObject record(const QString &internalId) { return get(QStringLiteral("/containers/") + internalId).json(); }
    QString state(const QString &internalId) { return record(internalId).value(QStringLiteral("install_state")).toString(); }
    // Waits until the container is in `want`; on failure says what it was in.
    bool waitState(const QString &internalId, const QString &want, int ms = 30000)
    {
        QString last;
        const bool ok = waitUntil([&] {
            last = state(internalId);
            return last == want;
        }, ms);
        if (!ok)
            qWarning("%s: wanted %s, is %s: %s", qPrintable(internalId), qPrintable(want), qPrintable(last),
                     qPrintable(QString::fromUtf8(QJsonDocument(record(internalId)).toJson(QJsonDocument::Compact))));
        return ok;
    }
    Reply power(const QString &internalId, const QString &verb)
    {
        return post(QStringLiteral("/containers/%1/%2").arg(internalId, verb));
    }
    QStringList logs(const QString &internalId, int lines = 200)
    {
        QStringList out;
        const auto a = get(QStringLiteral("/containers/%1/logs?lines=%2").arg(internalId).arg(lines)).json()
                           .value(QStringLiteral("lines")).toArray();
        for (const auto &l : a)
            out.append(l.toString());
        return out;
    }
    bool logsContain(const QString &internalId, const QString &text)
    {
        for (const auto &l : logs(internalId, 1000)) {
            if (l.contains(text))
                return true;
        }
        return false;
    }
    bool waitLog(const QString &internalId, const QString &text, int ms = 15000)
    {
        return waitUntil([&] { return logsContain(internalId, text); }, ms);
    }
    Reply command(const QString &internalId, const QString &cmd)
    {
        return post(QStringLiteral("/containers/%1/command").arg(internalId), {{QStringLiteral("command"), cmd}});
    }
    // Creates a container with the test image and waits for `ready`.
    bool createReady(const QString &internalId, const QString &volumeId, const QString &command,
                     const QJsonObject &extra = {}, int ms = 60000)
    {
        const Reply r = create(body(internalId, volumeId, command, extra));
        if (r.status != 201) {
            qWarning("create %s: %s", qPrintable(internalId), qPrintable(r.dump()));
            return false;
        }
        return waitState(internalId, QStringLiteral("ready"), ms);
    }
    QUrl wsUrl(const QString &internalId) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws/%2?token=%3").arg(daemon->port()).arg(internalId, daemon->token()));
    }
    int containerCount() { return get(QStringLiteral("/containers")).json().value(QStringLiteral("containers")).toArray().size(); }

    std::unique_ptr<DaemonProcess> daemon;
    bool started = false;

private:
    QString m_tag;
    QNetworkAccessManager m_nam;
};

// A console loop in bash: prints `ready-line`, then echoes every stdin line back as "echo:<line>".
inline QString echoLoop(const QString &readyLine = QStringLiteral("Server ready"))
{
    return QStringLiteral("bash -c 'echo booting; echo \"%1\"; while read -r l; do echo \"echo:$l\"; done; sleep 3600'").arg(readyLine);
}

} // namespace lightd::test::ct
