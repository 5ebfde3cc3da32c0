#include "http/HttpResponse.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorStatus.h"
#include "lightd/JsonUtil.h"
#include "lightd/Keys.h"

namespace lightd::http {
HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    HttpResponse r;
    r.status = status;
    r.body = json::encode(object);
    return r;
}

HttpResponse HttpResponse::message(int status, const QString &text)
{
    return json(status, QJsonObject{{keys::Message, text}});
}

HttpResponse HttpResponse::raw(int status, QByteArray contentType, QByteArray body)
{
    HttpResponse r;
    r.status = status;
    r.contentType = std::move(contentType);
    r.body = std::move(body);
    return r;
}

HttpResponse HttpResponse::file(int status, QByteArray contentType, const QString &path, qint64 size)
{
    HttpResponse r;
    r.status = status;
    r.contentType = std::move(contentType);
    r.bodyFile = path;
    r.bodyFileSize = size;
    return r;
}

HttpResponse errorResponse(const DomainError &error)
{
    const int status = codes::httpStatus(error.code());
    HttpResponse r =
        HttpResponse::json(status, QJsonObject{{keys::Error, error.message()}, {keys::Code, error.code()}});
    if (status == 429) // RFC 9110 10.2.3: delay-seconds
        r.headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(std::max(1, error.retryAfterS()))});
    return r;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Range Not Satisfiable";
    case 417:
        return "Expectation Failed";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 507:
        return "Insufficient Storage";
    default:
        return "Unknown";
    }
}
} // namespace lightd::http
