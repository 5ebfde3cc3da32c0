#include "ApiCalls.h"

#include "Await.h"
#include "Programs.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkReply>
#include <QTimer>
#include <algorithm>

namespace lightd::test {
ApiCalls::ApiCalls(const QString &tag, QJsonObject extraConfig) : m_tag(tag)
{
    QJsonObject sftp = extraConfig.value(QStringLiteral("sftp")).toObject();
    if (!sftp.contains(QStringLiteral("enabled"))) // off unless the test asks for it
        sftp.insert(QStringLiteral("enabled"), false);
    extraConfig.insert(QStringLiteral("sftp"), sftp);
    daemon = std::make_unique<DaemonProcess>(extraConfig);
    removeContainersMatching(QLatin1Char('-') + m_tag + QLatin1Char('-'));
}

ApiCalls::~ApiCalls()
{
    daemon.reset();
    removeContainersMatching(QLatin1Char('-') + m_tag + QLatin1Char('-'));
}

bool ApiCalls::startDaemon(bool waitForEngine)
{
    if (!daemon->start())
        return false;
    return !waitForEngine ||
           waitUntil([&] { return metrics().value(QStringLiteral("docker_available")).toBool(); }, 20000);
}

Reply ApiCalls::call(const QByteArray &method, const QString &path, const QJsonObject &body, bool withBody)
{
    withBody = withBody || !body.isEmpty();
    return callRaw(method, path, withBody ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray(),
                   withBody);
}

Reply ApiCalls::callRaw(const QByteArray &method, const QString &path, const QByteArray &body, bool withBody)
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

QString ApiCalls::createVolume(QString *path)
{
    const Reply r = post(QStringLiteral("/volumes"));
    if (r.status != 201)
        qWarning("POST /volumes: %s", qPrintable(r.dump()));
    if (path)
        *path = r.json().value(QStringLiteral("path")).toString();
    return r.json().value(QStringLiteral("volume_id")).toString();
}

QJsonObject ApiCalls::record(const QString &internalId)
{
    return get(QStringLiteral("/containers/") + internalId).json();
}

QString ApiCalls::state(const QString &internalId)
{
    return record(internalId).value(QStringLiteral("install_state")).toString();
}

bool ApiCalls::waitState(const QString &internalId, const QString &want, int ms)
{
    QString last;
    const bool ok = waitUntil([&] { return (last = state(internalId)) == want; }, ms);
    if (!ok)
        qWarning(
            "%s: wanted %s, is %s: %s", qPrintable(internalId), qPrintable(want), qPrintable(last),
            qPrintable(QString::fromUtf8(QJsonDocument(record(internalId)).toJson(QJsonDocument::Compact))));
    return ok;
}

Reply ApiCalls::command(const QString &internalId, const QString &cmd)
{
    return post(QStringLiteral("/containers/%1/command").arg(internalId), {{QStringLiteral("command"), cmd}});
}

QStringList ApiCalls::logs(const QString &internalId, int lines)
{
    QStringList out;
    const auto a = get(QStringLiteral("/containers/%1/logs?lines=%2").arg(internalId).arg(lines))
                       .json()
                       .value(QStringLiteral("lines"))
                       .toArray();
    for (const auto &l : a)
        out.append(l.toString());
    return out;
}

bool ApiCalls::logsContain(const QString &internalId, const QString &text)
{
    const QStringList lines = logs(internalId, 1000);
    return std::any_of(lines.begin(), lines.end(), [&](const QString &l) { return l.contains(text); });
}

bool ApiCalls::waitLog(const QString &internalId, const QString &text, int ms)
{
    return waitUntil([&] { return logsContain(internalId, text); }, ms);
}
} // namespace lightd::test
