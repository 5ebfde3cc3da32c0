#pragma once
#include "lightd/ApiClient.h"

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace lightd::test {
// The real lightd binary ($LIGHTD_BINARY) on an ephemeral port with its own temp data dir and
// config. Tests drive it through `client()` (the shared ApiClient) or curl with `authArgs()`.
class DaemonProcess
{
  public:
    // extraConfig is merged over the test defaults (port 0, no firewall, fast timeouts).
    explicit DaemonProcess(const QJsonObject &extraConfig = {});
    ~DaemonProcess();

    bool start(int timeoutMs = 20000);
    bool stop(int timeoutMs = 20000); // SIGTERM, wait for exit
    void kill();                      // SIGKILL
    bool restart() { return stop() && start(); }
    bool isRunning() const;
    int exitCode() const;

    quint16 port() const { return m_port; }
    QString baseUrl() const;
    QString url(const QString &path) const { return baseUrl() + path; }
    QString token() const { return m_token; }
    QString dataDir() const { return m_dir.path(); }
    QString configPath() const;
    // Everything the daemon wrote to stdout/stderr since its last start.
    QByteArray log() const;
    // curl arguments carrying the token and vendor header.
    QStringList authArgs() const;
    ApiClient &client() { return *m_client; }
    QProcess &process() { return *m_process; }

    void writeConfig(const QJsonObject &extra);
    // Command-line arguments added after --config (e.g. --log-format json), from the next start().
    void setExtraArgs(const QStringList &args) { m_extraArgs = args; }
    static QString binary();
    // False when the daemon is the sanitizer build (tests/sanitize/run.sh): ASan's redzones and its
    // quarantine of freed memory make RSS say nothing about the daemon's own memory, so memory bounds
    // are reported there, not asserted. Everything else is asserted the same.
    static bool memoryBoundsApply() { return qEnvironmentVariableIsEmpty("LIGHTD_SANITIZED_BINARY"); }

  private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<ApiClient> m_client;
    QString m_logPath;
    quint16 m_port = 0;
    QString m_token;
    QStringList m_extraArgs;
};
} // namespace lightd::test
