#pragma once
// tests/support/panel.py, the stand-in remote panel of the remote sync tests: started on a free
// port, steered (ok / fail / hang) and read back (what /update received, in order) over HTTP.
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>

namespace lightd::test {
class PanelProcess
{
  public:
    explicit PanelProcess(QString token = {});
    ~PanelProcess();
    bool start();
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    bool setMode(const QString &mode); // "ok", "fail", "hang"
    QJsonObject snapshot();            // {"events":[...],"health":n,"auth":[...],"times":[...]}
    QJsonArray events() { return snapshot().value(QStringLiteral("events")).toArray(); }

  private:
    QJsonObject call(const QByteArray &method, const QString &path, const QByteArray &body = {});
    QString m_token;
    QProcess m_process;
    QNetworkAccessManager m_nam;
    int m_port = 0;
};
} // namespace lightd::test
