#pragma once
#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace lightd::http {
// Who made a request, once the auth guard has let it through.
struct Caller
{
    bool master = false;
    QString tokenId;    // scoped token id, empty for the master token
    QStringList scopes; // empty = every scope
};

struct HttpRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer;
    QString requestId;
    QHash<QString, QString> params; // from :name segments of the matched route
    Caller caller;

    QByteArray header(QByteArrayView name) const;
    QString param(const QString &name) const { return params.value(name); }
    QString queryValue(const QString &name) const;
    // The body as a JSON object; an empty body is {}; anything else that is not an object -> 400.
    QJsonObject jsonBody() const;
};
} // namespace lightd::http
