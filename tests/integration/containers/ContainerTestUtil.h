#pragma once
// Helpers shared by the containers integration tests (API.md section 3) against the real daemon
// binary and the real Docker engine, with the image lightd-test:busybox (busybox + bash, built by
// tests/support/make-test-image.sh). The daemon, the REST calls and the clean-up of each
// executable's containers ("-ct<tag>-" in their names) come from tests/support (ApiCalls, Programs).
#include "ApiCalls.h"
#include "Await.h"
#include "DaemonProcess.h"
#include "Programs.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <QWebSocket>
#include <memory>

namespace lightd::test::ct {

// A TCP port that is free on this host right now (to put into the daemon's pool).
inline int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::Any, 0);
    return s.serverPort();
}

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
    bool waitConnected(int ms = 10000)
    {
        return waitUntil([&] { return m_connected; }, ms);
    }
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

// One daemon with its own data dir, and the calls the containers tests make.
class Env : public ApiCalls
{
  public:
    // tag: short, unique per test executable; it prefixes every internal_id of the executable.
    explicit Env(const QString &tag, const QJsonObject &extraConfig = {}, bool startNow = true)
        : ApiCalls(QStringLiteral("ct") + tag, extraConfig)
    {
        if (startNow) // a daemon told of another engine may never find one
            started = startDaemon(!extraConfig.contains(QStringLiteral("docker")));
    }

    bool addPort(int port, const QString &ip = QStringLiteral("0.0.0.0"))
    {
        const Reply r =
            post(QStringLiteral("/network/ports"), {{QStringLiteral("ip"), ip},
                                                    {QStringLiteral("port"), port},
                                                    {QStringLiteral("protocol"), QStringLiteral("tcp")}});
        return r.status == 201;
    }
    // The pool entry for a port (GET /network/ports).
    QJsonObject poolEntry(int port)
    {
        const auto list =
            get(QStringLiteral("/network/ports")).json().value(QStringLiteral("ports")).toArray();
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
    Reply power(const QString &internalId, const QString &verb)
    {
        return post(QStringLiteral("/containers/%1/%2").arg(internalId, verb));
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
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws/%2?token=%3")
                        .arg(daemon->port())
                        .arg(internalId, daemon->token()));
    }
    int containerCount()
    {
        return get(QStringLiteral("/containers")).json().value(QStringLiteral("containers")).toArray().size();
    }
};

// A console loop in bash: prints `ready-line`, then echoes every stdin line back as "echo:<line>".
inline QString echoLoop(const QString &readyLine = QStringLiteral("Server ready"))
{
    return QStringLiteral(
               "bash -c 'echo booting; echo \"%1\"; while read -r l; do echo \"echo:$l\"; done; sleep 3600'")
        .arg(readyLine);
}

} // namespace lightd::test::ct
