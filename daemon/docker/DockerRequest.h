#pragma once
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace lightd::docker {

// One request to the engine, before it is put on the wire.
struct DockerRequest
{
    QByteArray method = "GET";
    QByteArray path; // already versioned and percent-encoded, e.g. /v1.41/containers/x/json
    QList<QPair<QByteArray, QString>> query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType; // set when body is non-empty (or must be sent even if empty)
    bool upgrade = false;   // hijack the connection (attach): Connection: Upgrade, Upgrade: tcp

    DockerRequest &addQuery(const QByteArray &key, const QString &value);
    DockerRequest &addQuery(const QByteArray &key, bool value);
    DockerRequest &addQuery(const QByteArray &key, qint64 value);

    // The request target: path plus the query, each value percent-encoded.
    QByteArray target() const;
    QByteArray serialize() const;
    // "GET /v1.41/..." without the query, for logs that must not carry filter contents.
    QByteArray describe() const { return method + ' ' + path; }
};

// Percent-encodes one path segment (a container name or image reference).
QByteArray encodePathSegment(const QString &segment);

} // namespace lightd::docker
