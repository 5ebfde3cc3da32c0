#pragma once
// Helpers shared by the WebSocket integration tests (API.md section 6): the real daemon binary, the
// real Docker engine with the image lightd-test:busybox, and real WebSocket clients (Qt's QWebSocket
// through lightd::ConsoleSocket, and node's built-in WebSocket driven through QProcess).
//
// Containers run console.sh (written into their volume), a small bash console that prints numbered
// lines on request, so that order, gaps and duplicates can be checked line by line:
//   burst N TAG [PAD [EVERY]] prints TAG:1:<us> ... TAG:N:<us> (each padded with PAD 'x'; a 1 ms pause
//                            every EVERY lines), then TAG:end
//   stream S TAG [BATCH]     in the background, BATCH numbered lines every S seconds (until halt)
//   halt                     stops the background stream
//   anything else            echoed back as "echo:<line>"
// <us> is the time the line was printed (bash $EPOCHREALTIME, microseconds), for latency checks.
//
// Every executable names its containers "ws<tag>-..." and removes its own leftovers on start and end.
#include "ApiCalls.h"
#include "Await.h"
#include "DaemonProcess.h"
#include "Programs.h"
#include "lightd/ConsoleSocket.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>
#include <QTimer>
#include <memory>

namespace lightd::test::ws {

inline QString wsTestDir()
{
    return sourceDir() + QStringLiteral("/tests/integration/ws");
}

inline const QByteArray kConsoleScript = R"SH(echo booting
mkfifo /tmp/.tick 2>/dev/null; exec 9<>/tmp/.tick
nap() { read -t "$1" -u 9 _; } # sleeps without a fork
echo "Server ready"
spid=
while IFS= read -r line; do
  set -- $line
  case "$1" in
    burst)
      pad=
      [ -n "$4" ] && pad=$(head -c "$4" /dev/zero | tr '\0' x)
      for ((i = 1; i <= $2; i++)); do
        echo "$3:$i:${EPOCHREALTIME/./}:$pad"
        [ -n "$5" ] && ((i % $5 == 0)) && nap 0.001
      done
      echo "$3:end" ;;
    stream)
      ( i=0; while :; do for ((k = 0; k < ${4:-1}; k++)); do i=$((i + 1)); echo "$3:$i:${EPOCHREALTIME/./}:"; done; nap "$2"; done ) &
      spid=$! ;;
    halt)
      [ -n "$spid" ] && kill "$spid"; spid=; echo "halted" ;;
    *) echo "echo:$line" ;;
  esac
done
sleep 3600
)SH";

// A numbered console line "TAG:N:US:PAD" split up; n == 0 when the line is not one of TAG's.
struct Numbered
{
    qint64 n = 0;
    qint64 us = 0;
};
inline Numbered parseNumbered(const QString &line, const QString &tag)
{
    if (!line.startsWith(tag) || line.size() <= tag.size() || line[tag.size()] != QLatin1Char(':'))
        return {};
    const QStringList parts = line.mid(tag.size() + 1).split(QLatin1Char(':'));
    if (parts.size() < 2)
        return {};
    return {parts[0].toLongLong(), parts[1].toLongLong()};
}

// The numbers of TAG's lines, in the order seen.
inline QList<qint64> numbers(const QStringList &lines, const QString &tag)
{
    QList<qint64> out;
    for (const auto &l : lines) {
        if (const auto p = parseNumbered(l, tag); p.n > 0)
            out.append(p.n);
    }
    return out;
}

// "" when `got` is exactly from..to in order; otherwise a description of the first defect.
inline QString checkSequence(const QList<qint64> &got, qint64 from, qint64 to)
{
    if (got.size() != to - from + 1)
        return QStringLiteral("expected %1 lines (%2..%3), got %4")
                   .arg(to - from + 1)
                   .arg(from)
                   .arg(to)
                   .arg(got.size()) +
               (got.isEmpty() ? QString()
                              : QStringLiteral(" first %1 last %2").arg(got.first()).arg(got.last()));
    for (qsizetype i = 0; i < got.size(); ++i) {
        if (got[i] != from + i)
            return QStringLiteral("at index %1 expected %2 got %3").arg(i).arg(from + i).arg(got[i]);
    }
    return {};
}

inline qint64 nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

// One Qt viewer: lightd::ConsoleSocket, every frame recorded in arrival order.
class QtViewer
{
  public:
    struct Frame
    {
        QString event;
        QString text;      // console/state/install/daemon_message data, error code
        QStringList lines; // logs
        qint64 receivedUs = 0;
        qint64 seq = -1; // console: the line's seq; logs: the first line's
    };

    QtViewer(const QString &baseUrl, const QString &id, const QString &token, const QByteArray &origin = {})
    {
        auto add = [this](const QString &event, const QString &text, const QStringList &lines = {},
                          qint64 seq = -1) {
            frames.append({event, text, lines, nowUs(), seq});
        };
        QObject::connect(&socket, &ConsoleSocket::connected, &socket, [this] { connected = true; });
        QObject::connect(&socket, &ConsoleSocket::disconnected, &socket, [this](int code, const QString &) {
            disconnected = true;
            closeCode = code;
        });
        QObject::connect(&socket, &ConsoleSocket::socketError, &socket,
                         [this](const QString &m) { socketErrors.append(m); });
        QObject::connect(&socket, &ConsoleSocket::consoleLine, &socket,
                         [add](const QString &l, qint64 seq) { add(QStringLiteral("console"), l, {}, seq); });
        QObject::connect(&socket, &ConsoleSocket::stateChanged, &socket,
                         [add](const QString &s) { add(QStringLiteral("event"), s); });
        QObject::connect(&socket, &ConsoleSocket::logs, &socket, [add](const QStringList &l, qint64 seq) {
            add(QStringLiteral("logs"), {}, l, seq);
        });
        QObject::connect(&socket, &ConsoleSocket::daemonMessage, &socket,
                         [add](const QString &m) { add(QStringLiteral("daemon_message"), m); });
        QObject::connect(&socket, &ConsoleSocket::installLine, &socket,
                         [add](const QString &l) { add(QStringLiteral("install"), l); });
        QObject::connect(&socket, &ConsoleSocket::errorFrame, &socket,
                         [add](const QString &c, const QString &m) { add(QStringLiteral("error"), c, {m}); });
        QObject::connect(&socket, &ConsoleSocket::stats, &socket,
                         [add](const ContainerStats &s) { add(QStringLiteral("stats"), s.state); });
        socket.open(QUrl(baseUrl), id, token, origin);
    }

    bool waitConnected(int ms = 10000)
    {
        return waitUntil([&] { return connected && !frames.isEmpty(); }, ms);
    }
    QList<Frame> of(const QString &event) const
    {
        QList<Frame> out;
        for (const auto &f : frames) {
            if (f.event == event)
                out.append(f);
        }
        return out;
    }
    QStringList console() const
    {
        QStringList out;
        for (const auto &f : frames) {
            if (f.event == QLatin1StringView("console"))
                out.append(f.text);
        }
        return out;
    }
    QStringList texts(const QString &event) const
    {
        QStringList out;
        for (const auto &f : of(event))
            out.append(f.text);
        return out;
    }
    bool sawConsole(const QString &line) const { return console().contains(line); }
    bool sawState(const QString &s) const { return texts(QStringLiteral("event")).contains(s); }
    bool sawError(const QString &code) const { return texts(QStringLiteral("error")).contains(code); }

    ConsoleSocket socket;
    QList<Frame> frames;
    QStringList socketErrors;
    bool connected = false;
    bool disconnected = false;
    int closeCode = -1;
};

// A node script from this directory (node 20, --experimental-websocket), its stdout parsed as JSON lines.
class NodeClient
{
  public:
    NodeClient(const QString &script, const QStringList &args)
    {
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &process, [this] { readOutput(); });
        QObject::connect(&process, &QProcess::finished, &process, [this] { readOutput(); });
        QObject::connect(&process, &QProcess::readyReadStandardError, &process,
                         [this] { stderrText += process.readAllStandardError(); });
        process.start(QStringLiteral("node"),
                      QStringList{QStringLiteral("--no-warnings"), QStringLiteral("--experimental-websocket"),
                                  wsTestDir() + QLatin1Char('/') + script} +
                          args);
    }
    ~NodeClient()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(3000);
        }
    }
    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const auto &m : messages) {
            if (m.value(QStringLiteral("type")).toString() == type)
                out.append(m);
        }
        return out;
    }
    bool waitType(const QString &type, int count = 1, int ms = 20000)
    {
        waitUntil([&] { return ofType(type).size() >= count || process.state() == QProcess::NotRunning; },
                  ms);
        readOutput();
        return ofType(type).size() >= count;
    }
    void readOutput()
    {
        m_buffer += process.readAllStandardOutput();
        qsizetype nl;
        while ((nl = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(nl);
            m_buffer.remove(0, nl + 1);
            messages.append(QJsonDocument::fromJson(line).object());
        }
    }
    bool waitFinished(int ms = 30000)
    {
        const bool done = waitUntil([&] { return process.state() == QProcess::NotRunning; }, ms);
        readOutput();
        return done;
    }
    void write(const QByteArray &line) { process.write(line + '\n'); }

    QProcess process;
    QList<QJsonObject> messages;
    QByteArray stderrText;

  private:
    QByteArray m_buffer;
};

// One daemon with its own data dir, and the calls the WebSocket tests make.
class Env : public ApiCalls
{
  public:
    explicit Env(const QString &tag, const QJsonObject &extraConfig = {})
        : ApiCalls(QStringLiteral("ws") + tag, extraConfig)
    {
        started = startDaemon();
    }

    int streams(const char *kind)
    {
        return metrics()
            .value(QStringLiteral("docker_streams"))
            .toObject()
            .value(QLatin1StringView(kind))
            .toInt(-1);
    }
    int viewers() { return metrics().value(QStringLiteral("websocket_viewers")).toInt(-1); }

    // A volume holding console.sh.
    QString createVolume()
    {
        const QString volume = ApiCalls::createVolume();
        const Reply w = post(QStringLiteral("/volumes/%1/files").arg(volume),
                             {{QStringLiteral("path"), QStringLiteral("console.sh")},
                              {QStringLiteral("content"), QString::fromUtf8(kConsoleScript)}});
        if (w.status != 200)
            qWarning("console.sh: %s", qPrintable(w.dump()));
        return volume;
    }
    // Creates a container running console.sh from `volume`, waits for ready, starts it and waits
    // for running (start pattern "Server ready").
    bool createRunning(const QString &internalId, const QString &volume)
    {
        const Reply r =
            post(QStringLiteral("/containers"),
                 {{QStringLiteral("internal_id"), internalId},
                  {QStringLiteral("image"), kImage},
                  {QStringLiteral("volume_id"), volume},
                  {QStringLiteral("startup_command"), QStringLiteral("bash /home/container/console.sh")},
                  {QStringLiteral("start_pattern"), QStringLiteral("Server ready")}});
        if (r.status != 201) {
            qWarning("create %s: %s", qPrintable(internalId), qPrintable(r.dump()));
            return false;
        }
        if (!waitState(internalId, QStringLiteral("ready"), 60000))
            return false;
        const Reply s = post(QStringLiteral("/containers/%1/start").arg(internalId));
        if (s.status != 202) {
            qWarning("start %s: %s", qPrintable(internalId), qPrintable(s.dump()));
            return false;
        }
        return waitState(internalId, QStringLiteral("running"));
    }
    // POST /auth/tokens
    QString scopedToken(const QJsonArray &scopes, bool removeOnUse)
    {
        const Reply r = post(QStringLiteral("/auth/tokens"), {{QStringLiteral("ttl"), QStringLiteral("15m")},
                                                              {QStringLiteral("remove_on_use"), removeOnUse},
                                                              {QStringLiteral("scopes"), scopes}});
        if (r.status != 201)
            qWarning("token: %s", qPrintable(r.dump()));
        return r.json().value(QStringLiteral("token")).toString();
    }
};

} // namespace lightd::test::ws
