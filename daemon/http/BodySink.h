#pragma once
#include "http/HttpResponse.h"
#include "lightd/DomainError.h"

#include <QByteArray>

namespace lightd::http {
// Receives a request body as it arrives, for routes whose bodies must never sit in memory whole
// (file uploads). The guard keeps such a request out of the dispatcher, authenticates it, asks the route
// for a sink, feeds it, and answers with what finish() returns (the connection closes afterwards).
class BodySink
{
  public:
    virtual ~BodySink() = default;
    // Consume the next bytes; throw DomainError to refuse (e.g. 507 quota_exceeded): the upload is
    // then aborted (abort() is called) and the error answered.
    virtual void write(const char *data, qint64 size) = 0;
    // All bytes arrived: commit (e.g. atomic rename) and return the response.
    virtual HttpResponse finish() = 0;
    // The client went away or an error happened: undo everything, leave no partial file.
    virtual void abort() = 0;
};
} // namespace lightd::http
