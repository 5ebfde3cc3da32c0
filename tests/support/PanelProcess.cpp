#include "PanelProcess.h"

#include "Programs.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

namespace lightd::test {
PanelProcess::PanelProcess(QString token) : m_token(std::move(token)) {}

PanelProcess::~PanelProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool PanelProcess::start()
{
    QStringList args{sourceDir() + QStringLiteral("/tests/support/panel.py")};
    if (!m_token.isEmpty())
        args << QStringLiteral("--token") << m_token;
    m_process.start(QStringLiteral("python3"), args);
    if (!m_process.waitForStarted(10000))
        return false;
    QDeadlineTimer deadline(10000);
    while (!m_process.canReadLine() && !deadline.hasExpired())
        m_process.waitForReadyRead(100);
    m_port = m_process.readLine().trimmed().toInt();
    return m_port > 0;
}

QJsonObject PanelProcess::call(const QByteArray &method, const QString &path, const QByteArray &body)
{
    QNetworkRequest req(QUrl(url() + path));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    req.setTransferTimeout(10000);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject out = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return out;
}

bool PanelProcess::setMode(const QString &mode)
{
    const auto r = call("POST", QStringLiteral("/_mode"),
                        QJsonDocument(QJsonObject{{QStringLiteral("mode"), mode}}).toJson());
    return r.value(QStringLiteral("mode")).toString() == mode;
}

QJsonObject PanelProcess::snapshot()
{
    return call("GET", QStringLiteral("/_events"));
}
} // namespace lightd::test
