#include "http/HttpRequest.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace lightd::http {
namespace {
// Parsing holds the event loop: a 9 MiB array of 4.7 million numbers took ~180 ms (and 100 MB) in
// QJsonDocument, so every other client waited (issue 20's abuse suite). Separators and openings
// outside strings bound the values a body holds; counting them is a linear scan at memory speed.
constexpr qsizetype kMaxJsonTokens = 500000;

qsizetype jsonTokens(const QByteArray &body)
{
    qsizetype n = 0;
    bool inString = false;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == ',' || c == ':' || c == '[' || c == '{') {
            ++n;
        }
    }
    return n;
}
} // namespace

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
    if (jsonTokens(body) > kMaxJsonTokens)
        throw DomainError(codes::PayloadTooLarge,
                          QStringLiteral("JSON body holds more than %1 values").arg(kMaxJsonTokens));
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
