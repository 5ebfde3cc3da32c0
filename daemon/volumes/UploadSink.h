#pragma once
#include "lightd/DomainError.h"
#include "volumes/AtomicFile.h"
#include "volumes/PathRules.h"
#include "volumes/QuotaTracker.h"

#include <memory>
#include <optional>

namespace lightd::volumes {
class Sandbox;

// PUT files/content: the body goes chunk by chunk into a temp file beside the target (created
// through the sandbox), each chunk charged to the quota first; finish() renames it over the target,
// abort() removes it. The old file stays intact until the rename. (api/ feeds it from the HTTP
// body as an http::BodySink.)
class UploadSink final
{
  public:
    // expectedSize: the request's Content-Length (-1 when chunked); a body that ends short of it is
    // never committed.
    UploadSink(const Sandbox &sandbox, QuotaTracker &quota, QString volumeId, const PathParts &path,
               qint64 limitBytes, qint64 expectedSize = -1);
    ~UploadSink();

    // Throws DomainError to refuse (507 quota_exceeded); the caller then calls abort().
    void write(const char *data, qint64 size);
    // Commits the file (the path as shown to the client, bytes written); throws, after abort(), when
    // the body ended short or a chunk was refused.
    struct Stored
    {
        QString path;
        qint64 size = 0;
    };
    Stored finish();
    void abort(); // removes the temp file; the old file stays

  private:
    QuotaTracker &m_quota;
    QString m_volumeId;
    QString m_shown;
    qint64 m_limit;
    qint64 m_expected;
    qint64 m_oldSize = 0;
    std::optional<QuotaTracker::WriteScope> m_scope; // from the temp file's creation to its end
    std::unique_ptr<AtomicFile> m_file;
    bool m_done = false;
    std::optional<DomainError> m_failed; // a refused chunk refuses the whole upload, whatever follows
};
} // namespace lightd::volumes
