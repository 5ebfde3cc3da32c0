#include "http/HttpRequest.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace lightd::http {
QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[k, v] : headers) {
        if (QByteArrayView(k).compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QString HttpRequest::queryValue(const QString &name) const
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

QJsonObject HttpRequest::jsonBody() const
{
    if (body.trimmed().isEmpty())
        return {};
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError) {
        throw DomainError(
            codes::InvalidJson,
            QStringLiteral("Malformed JSON body: %1 at offset %2").arg(err.errorString()).arg(err.offset));
    }
    if (!doc.isObject())
        throw DomainError(codes::InvalidJson, QStringLiteral("JSON body must be an object"));
    return doc.object();
}
} // namespace lightd::http
