#include "http/HttpLog.h"

#include "app/LogContext.h"

Q_LOGGING_CATEGORY(lcApi, "lightd.api")
Q_LOGGING_CATEGORY(lcHttp, "lightd.http")

namespace lightd::http {
void logAccess(const QString &requestId, const QString &peer, QByteArrayView method, QStringView path,
               int status, qint64 elapsedNs)
{
    const ScopedRequestId scope(requestId);
    qCInfo(lcApi).noquote() << requestId << peer << QString::fromLatin1(method) << path << status
                            << QStringLiteral("%1ms").arg(elapsedNs / 1e6, 0, 'f', 2);
}
} // namespace lightd::http
