#include "docker/DockerRequest.h"

#include <QUrl>

namespace lightd::docker {

DockerRequest &DockerRequest::addQuery(const QByteArray &key, const QString &value)
{
    query.append({key, value});
    return *this;
}

DockerRequest &DockerRequest::addQuery(const QByteArray &key, bool value)
{
    return addQuery(key, value ? QStringLiteral("1") : QStringLiteral("0"));
}

DockerRequest &DockerRequest::addQuery(const QByteArray &key, qint64 value)
{
    return addQuery(key, QString::number(value));
}

QByteArray DockerRequest::target() const
{
    QByteArray t = path;
    char sep = '?';
    for (const auto &q : query) {
        t += sep;
        t += QUrl::toPercentEncoding(QString::fromLatin1(q.first));
        t += '=';
        t += QUrl::toPercentEncoding(q.second);
        sep = '&';
    }
    return t;
}

QByteArray DockerRequest::serialize() const
{
    QByteArray out;
    out.reserve(256 + body.size());
    out += method + ' ' + target() + " HTTP/1.1\r\n";
    // The engine ignores Host on a unix socket, but HTTP/1.1 requires one.
    out += "Host: docker\r\n";
    out += "User-Agent: lightd/" LIGHTD_VERSION "\r\n";
    if (upgrade)
        out += "Connection: Upgrade\r\nUpgrade: tcp\r\n";
    else
        out += "Connection: close\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    if (!body.isEmpty() || !contentType.isEmpty() || method == "POST" || method == "PUT")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

QByteArray encodePathSegment(const QString &segment)
{
    // Image references keep their slashes, tag colon and digest at-sign readable; the engine
    // matches the decoded path either way.
    return QUrl::toPercentEncoding(segment, "/:@");
}

} // namespace lightd::docker
