#pragma once
// One test executable's daemon and the raw REST calls its integration tests make (through Qt's
// network stack, with the token and the vendor Accept header), shared by the suites' Env classes.
#include "DaemonProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QStringList>
#include <memory>

namespace lightd::test {
struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString code() const { return json().value(QStringLiteral("code")).toString(); }
    QString error() const { return json().value(QStringLiteral("error")).toString(); }
    QString dump() const { return QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(body)); }
};

// The daemon runs with its own data dir and SFTP off (unless extraConfig turns it on). Every internal_id of
// the executable starts with `tag`, so executables run side by side and clean up only what they made: Docker
// containers whose name contains "-<tag>-" are removed on construction (leftovers of an aborted run) and on
// destruction (also when a test failed).
class ApiCalls
{
  public:
    ApiCalls(const QString &tag, QJsonObject extraConfig);
    ~ApiCalls();
    ApiCalls(const ApiCalls &) = delete;
    ApiCalls &operator=(const ApiCalls &) = delete;

    // Starts (or restarts) the daemon and, unless told not to, waits until it has found the engine
    // (GET /system/metrics docker_available): right after start-up, Docker-backed calls answer 503.
    bool startDaemon(bool waitForEngine = true);

    QString id(const QString &name) const { return m_tag + QLatin1Char('-') + name; }
    static QString dockerName(const QString &internalId) { return QStringLiteral("lightd-") + internalId; }
    QString baseUrl() const { return daemon->baseUrl(); }
    QString token() const { return daemon->token(); }

    // A JSON body is sent (with its Content-Type) when there is one or `withBody` says so.
    Reply call(const QByteArray &method, const QString &path, const QJsonObject &body = {},
               bool withBody = false);
    Reply callRaw(const QByteArray &method, const QString &path, const QByteArray &body,
                  bool withBody = true);
    Reply get(const QString &path) { return call("GET", path); }
    Reply post(const QString &path, const QJsonObject &body = {}) { return call("POST", path, body, true); }
    QJsonObject metrics() { return get(QStringLiteral("/system/metrics")).json(); }

    // POST /volumes; the volume id (empty, with a warning, on failure); *path = its host directory.
    QString createVolume(QString *path = nullptr);
    QJsonObject record(const QString &internalId);
    QString state(const QString &internalId); // install_state
    // Waits until the container is in `want`; on failure says what it was in.
    bool waitState(const QString &internalId, const QString &want, int ms = 30000);
    Reply command(const QString &internalId, const QString &cmd);
    QStringList logs(const QString &internalId, int lines = 200);
    bool logsContain(const QString &internalId, const QString &text); // in one of the last 1000 lines
    bool waitLog(const QString &internalId, const QString &text, int ms = 15000);

    std::unique_ptr<DaemonProcess> daemon;
    bool started = false;

  private:
    QString m_tag;
    QNetworkAccessManager m_nam;
};
} // namespace lightd::test
