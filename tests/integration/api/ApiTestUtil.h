#pragma once
// Helpers shared by the api integration tests: raw sockets, /proc readings, the route table of
// daemon/api/Routes.cpp, the seeds' curl lines, and the response-shape checks of the contract.
#include "Await.h"
#include "Curl.h"
#include "DaemonProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

namespace lightd::test::api {

inline const QString kVendor = QStringLiteral("Application/vnd.pkglatv1+json");

// Config for a test daemon. These tests never speak SFTP: it is switched off. (The explicit port
// also kept the daemon starting while the schema still refused the support library's `sftp.port: 0`.)
inline QJsonObject testConfig(QJsonObject extra = {})
{
    QJsonObject sftp = extra.value(QStringLiteral("sftp")).toObject();
    if (!sftp.contains(QStringLiteral("enabled")))
        sftp.insert(QStringLiteral("enabled"), false);
    if (!sftp.contains(QStringLiteral("port")))
        sftp.insert(QStringLiteral("port"), 2022);
    extra.insert(QStringLiteral("sftp"), sftp);
    return extra;
}

inline QString sourceDir()
{
    return qEnvironmentVariable("LIGHTD_SOURCE_DIR", QStringLiteral(LIGHTD_TEST_SOURCE_DIR));
}

// ../shared next to the repository (spec, seeds, bench peer).
inline QString sharedDir()
{
    return QDir::cleanPath(sourceDir() + QStringLiteral("/../shared"));
}

inline QString seedFile(const QString &prefix)
{
    const QDir seeds(sharedDir() + QStringLiteral("/seeds"));
    const auto files = seeds.entryList({prefix + QStringLiteral("_*.txt")}, QDir::Files);
    return files.isEmpty() ? QString() : seeds.filePath(files.first());
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// One route of the table, as registerRoutes() lists it.
struct RouteEntry
{
    QByteArray method;
    QString pattern;
    QString access; // Public, Protected, MasterOnly
};

// Parses the one route table (daemon/api/Routes.cpp), so a route added there is covered here too.
inline QList<RouteEntry> routeTable()
{
    QList<RouteEntry> out;
    const QString text = QString::fromUtf8(readAll(sourceDir() + QStringLiteral("/daemon/api/Routes.cpp")));
    static const QRegularExpression re(QStringLiteral(
        R"re(r\.add(?:Async|Upload)?\(\s*"([A-Z]+)"\s*,\s*s\("([^"]+)"\)\s*,\s*Access::(\w+))re"));
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out.append({m.captured(1).toLatin1(), m.captured(2), m.captured(3)});
    }
    // routes registered in a loop: for (const char *verb : {"start", ...}) r.add("POST", s("/x/") +
    // ...(verb), ...)
    static const QRegularExpression loop(QStringLiteral(
        R"re(for\s*\(\s*const char \*(\w+)\s*:\s*\{([^}]*)\}\s*\)\s*r\.add(?:Async|Upload)?\(\s*"([A-Z]+)"\s*,\s*s\("([^"]+)"\)\s*\+\s*QLatin1StringView\(\1\)\s*,\s*Access::(\w+))re"));
    auto lit = loop.globalMatch(text);
    while (lit.hasNext()) {
        const auto m = lit.next();
        out.removeIf([&](const RouteEntry &e) {
            return e.pattern == m.captured(4) && e.method == m.captured(3).toLatin1();
        });
        static const QRegularExpression word(QStringLiteral("\"([^\"]+)\""));
        auto w = word.globalMatch(m.captured(2));
        while (w.hasNext())
            out.append({m.captured(3).toLatin1(), m.captured(4) + w.next().captured(1), m.captured(5)});
    }
    return out;
}

// A concrete path for a pattern (parameters filled with harmless values).
inline QString concretePath(const QString &pattern)
{
    QStringList parts = pattern.split(QLatin1Char('/'));
    for (auto &p : parts) {
        if (p == QLatin1StringView(":ip"))
            p = QStringLiteral("0.0.0.0");
        else if (p == QLatin1StringView(":port"))
            p = QStringLiteral("25565");
        else if (p.startsWith(QLatin1Char(':')))
            p = QStringLiteral("no-such-") + p.mid(1);
    }
    return parts.join(QLatin1Char('/'));
}

inline qint64 procStatusKb(qint64 pid, const QByteArray &field)
{
    const QByteArray status = readAll(QStringLiteral("/proc/%1/status").arg(pid));
    for (const auto &line : status.split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Raw HTTP over a plain socket, for what curl hides (EOF, pipelining, idle connections).
struct RawConnection
{
    QTcpSocket socket;
    QByteArray received;

    bool open(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        return socket.waitForConnected(5000);
    }
    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }
    // Reads until the peer closes or the deadline passes; true when EOF was seen.
    bool readUntilClosed(int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (socket.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired()) {
            if (socket.bytesAvailable() > 0 ||
                socket.waitForReadyRead(int(qMax<qint64>(1, qMin<qint64>(100, deadline.remainingTime())))))
                received += socket.readAll();
        }
        received += socket.readAll();
        return socket.state() == QAbstractSocket::UnconnectedState;
    }
    // Reads until `n` complete responses (Content-Length framed) arrived.
    bool readResponses(int n, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (responses().size() < n && !deadline.hasExpired()) {
            if (socket.waitForReadyRead(50))
                received += socket.readAll();
            if (socket.state() == QAbstractSocket::UnconnectedState)
                break;
        }
        received += socket.readAll();
        return responses().size() >= n;
    }
    struct Response
    {
        int status = 0;
        QByteArray head;
        QByteArray body;
        QByteArray header(const QByteArray &name) const
        {
            for (const auto &line : head.split('\n')) {
                const auto colon = line.indexOf(':');
                if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                    return line.mid(colon + 1).trimmed();
            }
            return {};
        }
    };
    // Splits what arrived into responses; HEAD responses must be flagged (they carry no body).
    QList<Response> responses(const QList<bool> &headOnly = {}) const
    {
        QList<Response> out;
        qsizetype pos = 0;
        while (pos < received.size()) {
            const auto end = received.indexOf("\r\n\r\n", pos);
            if (end < 0)
                break;
            Response r;
            r.head = received.mid(pos, end - pos);
            r.status = r.head.mid(9, 3).toInt();
            qsizetype bodyStart = end + 4;
            qint64 len = r.header("content-length").toLongLong();
            if (headOnly.value(out.size(), false))
                len = 0;
            if (bodyStart + len > received.size())
                break;
            r.body = received.mid(bodyStart, len);
            out.append(r);
            pos = bodyStart + len;
        }
        return out;
    }
};

// Runs a shell command line (the seeds' curl lines run through sh, unchanged).
struct ShellResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline ShellResult shell(const QString &commandLine, int timeoutMs = 60000)
{
    QProcess p;
    p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), commandLine});
    p.waitForStarted();
    p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// The `curl ...` commands of a seed document (continuation lines joined), in document order.
inline QStringList seedCurlLines(const QString &path)
{
    QStringList out;
    const QStringList lines = QString::fromUtf8(readAll(path)).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines[i].startsWith(QLatin1StringView("curl ")))
            continue;
        QString cmd = lines[i];
        // a line ending in a backslash continues; so does a quoted -d '...' body spread over lines
        auto quotesOpen = [](const QString &s) { return s.count(QLatin1Char('\'')) % 2 == 1; };
        while (i + 1 < lines.size() && (cmd.endsWith(QLatin1Char('\\')) || quotesOpen(cmd)))
            cmd += QLatin1Char('\n') + lines[++i];
        out.append(cmd);
    }
    return out;
}

// Substitutes only the base URL and the token of a seed line.
inline QString localise(QString line, const DaemonProcess &d)
{
    line.replace(QStringLiteral("http://localhost:8070"), d.baseUrl());
    line.replace(QStringLiteral("lightd_token"), d.token());
    return line;
}

// Checks a body is an error of the contract: {"error": <message>, "code": <code>}.
inline bool isError(const QJsonObject &o, const QString &code, QString *why = nullptr)
{
    const bool ok = o.value(QStringLiteral("code")).toString() == code &&
                    o.value(QStringLiteral("error")).isString() &&
                    !o.value(QStringLiteral("error")).toString().isEmpty();
    if (!ok && why)
        *why = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    return ok;
}

inline QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// The keys of `expected` are present in `actual` with the same values (extra keys allowed).
inline bool hasShape(const QJsonObject &actual, const QJsonObject &expected)
{
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        if (actual.value(it.key()) != it.value())
            return false;
    }
    return true;
}

inline QStringList curlArgs(const DaemonProcess &d, const QByteArray &method, const QString &path,
                            const QStringList &extra = {})
{
    QStringList a{QStringLiteral("-X"), QString::fromLatin1(method), d.url(path)};
    return a + d.authArgs() + extra;
}

inline QStringList jsonBody(const QByteArray &body)
{
    return {QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
            QStringLiteral("--data-binary"), QString::fromUtf8(body)};
}
} // namespace lightd::test::api

#define API_VERIFY_ERROR(result, status_, code_)                                                             \
    do {                                                                                                     \
        const auto &r_ = (result);                                                                           \
        QVERIFY2(r_.status == (status_),                                                                     \
                 qPrintable(                                                                                 \
                     QStringLiteral("status %1, body %2").arg(r_.status).arg(QString::fromUtf8(r_.body))));  \
        QString why_;                                                                                        \
        QVERIFY2(::lightd::test::api::isError(r_.json(), QStringLiteral(code_), &why_), qPrintable(why_));   \
    } while (false)
