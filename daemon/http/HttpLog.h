#pragma once
#include <QByteArrayView>
#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcApi)  // lightd.api: one access line per request
Q_DECLARE_LOGGING_CATEGORY(lcHttp) // lightd.http: connection guard decisions

namespace lightd::http {
// The access line of one request under lightd.api: id, peer, method, path, status, time taken.
// Handled requests, streamed uploads and the guard's refusals all log through here.
void logAccess(const QString &requestId, const QString &peer, QByteArrayView method, QStringView path,
               int status, qint64 elapsedNs);
} // namespace lightd::http
