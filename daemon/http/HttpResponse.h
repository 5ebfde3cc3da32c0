#pragma once
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace lightd::http {
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse message(int status, const QString &text); // {"message": text}
    static HttpResponse raw(int status, QByteArray contentType, QByteArray body);
};

QByteArray reasonPhrase(int status);
} // namespace lightd::http
