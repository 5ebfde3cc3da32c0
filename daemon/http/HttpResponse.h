#pragma once
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace lightd {
class DomainError;
}

namespace lightd::http {
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    // When set, the body is streamed from this file (bodyFileSize bytes from offset 0) instead of
    // `body`, in chunks as the socket drains: downloads never sit in memory whole.
    QString bodyFile;
    qint64 bodyFileSize = 0;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse message(int status, const QString &text); // {"message": text}
    static HttpResponse raw(int status, QByteArray contentType, QByteArray body);
    static HttpResponse file(int status, QByteArray contentType, const QString &path, qint64 size);
};

QByteArray reasonPhrase(int status);

// The one error mapper: {"error","code"} with the status the code has in lightd/ErrorStatus.h,
// plus Retry-After (at least 1) on a 429.
HttpResponse errorResponse(const DomainError &error);
} // namespace lightd::http
