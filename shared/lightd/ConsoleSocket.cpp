#include "lightd/ConsoleSocket.h"

#include "lightd/Events.h"
#include "lightd/JsonUtil.h"
#include "lightd/Keys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrlQuery>

namespace lightd {
ConsoleSocket::ConsoleSocket(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QWebSocket::connected, this, &ConsoleSocket::connected);
    connect(&m_socket, &QWebSocket::disconnected, this,
            [this] { Q_EMIT disconnected(int(m_socket.closeCode()), m_socket.closeReason()); });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &ConsoleSocket::onText);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error),
            this, // errorOccurred arrives in 6.5
            [this](QAbstractSocket::SocketError) {
                static const QRegularExpression status(QStringLiteral("status code: (\\d{3})"));
                const auto match = status.match(m_socket.errorString());
                if (match.hasMatch())
                    m_refusedStatus = match.captured(1).toInt();
                Q_EMIT socketError(m_socket.errorString());
            });
}

QUrl ConsoleSocket::consoleUrl(const QUrl &baseUrl, const QString &internalId, const QString &token)
{
    QUrl url = baseUrl;
    url.setScheme(baseUrl.scheme() == QLatin1StringView("https") ? QStringLiteral("wss")
                                                                 : QStringLiteral("ws"));
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/ws/") + QString::fromLatin1(QUrl::toPercentEncoding(internalId)),
                QUrl::TolerantMode);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("token"), QString::fromLatin1(QUrl::toPercentEncoding(token)));
    url.setQuery(q);
    return url;
}

void ConsoleSocket::open(const QUrl &baseUrl, const QString &internalId, const QString &token,
                         const QByteArray &origin)
{
    m_refusedStatus = 0;
    QNetworkRequest req(consoleUrl(baseUrl, internalId, token));
    if (!origin.isEmpty())
        req.setRawHeader("Origin", origin);
    m_socket.open(req);
}

void ConsoleSocket::close()
{
    m_socket.close();
}

void ConsoleSocket::sendEvent(const QJsonObject &object)
{
    m_socket.sendTextMessage(QString::fromUtf8(json::encode(object)));
}

void ConsoleSocket::sendRaw(const QString &text)
{
    m_socket.sendTextMessage(text);
}

void ConsoleSocket::sendCommand(const QString &command)
{
    sendEvent(QJsonObject{{events::FieldEvent, events::SendCommand}, {keys::Command, command}});
}

void ConsoleSocket::power(const QString &action)
{
    sendEvent(QJsonObject{{events::FieldEvent, events::Power}, {QStringLiteral("action"), action}});
}

void ConsoleSocket::requestLogs(int lines)
{
    sendEvent(QJsonObject{{events::FieldEvent, events::RequestLogs}, {keys::Lines, lines}});
}

void ConsoleSocket::requestStats()
{
    sendEvent(QJsonObject{{events::FieldEvent, events::RequestStats}});
}

void ConsoleSocket::onText(const QString &text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString event = o.value(events::FieldEvent).toString();
    const QJsonValue data = o.value(events::FieldData);
    if (event == events::Console)
        Q_EMIT consoleLine(data.toString(), o.value(events::FieldSeq).toInteger(-1));
    else if (event == events::State)
        Q_EMIT stateChanged(data.toString());
    else if (event == events::Install)
        Q_EMIT installLine(data.toString());
    else if (event == events::Logs)
        Q_EMIT logs(json::toStringList(data.toArray()),
                    o.value(events::FieldSeqs).toArray().at(0).toInteger(-1));
    else if (event == events::Stats)
        Q_EMIT stats(ContainerStats::fromJson(data.toObject()));
    else if (event == events::DaemonMessage)
        Q_EMIT daemonMessage(data.toString());
    else if (event == events::Error)
        Q_EMIT errorFrame(data.toObject().value(keys::Code).toString(),
                          data.toObject().value(keys::Message).toString());
}
} // namespace lightd
