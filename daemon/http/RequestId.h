#pragma once
#include <QByteArrayView>
#include <QString>

namespace lightd::http {
// The one source of request ids, for responses answered by a handler and for those the connection
// guard refuses itself: the client's own X-Request-Id when it is a short token ([A-Za-z0-9._-],
// 1..64 chars), otherwise "<random per-process prefix>-<counter>". The response header and the
// access log line carry the same id.
QString requestId(QByteArrayView fromClient = {});
} // namespace lightd::http
