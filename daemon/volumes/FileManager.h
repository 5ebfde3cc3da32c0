#pragma once
#include "lightd/FileDto.h"
#include "volumes/PathRules.h"
#include "volumes/UniqueFd.h"

#include <QList>
#include <memory>
#include <sys/types.h>

namespace lightd::volumes {
class QuotaTracker;
class Sandbox;

// The file operations of API.md section 4 on one volume: every path through the Sandbox, every
// change through descriptors, every size change charged to the quota before it happens.
class FileManager final
{
  public:
    FileManager(std::shared_ptr<const Sandbox> sandbox, QuotaTracker &quota, QString volumeId);

    QList<FileEntryDto> list(const PathParts &dir) const;

    struct OpenFile
    {
        UniqueFd fd;
        qint64 size = 0;
        QByteArray name;
        QByteArray mimetype;
    };
    OpenFile openForRead(const PathParts &path) const;

    void write(const PathParts &path, const QByteArray &content);
    void remove(const PathParts &path);
    void makeDirectory(const PathParts &path);
    void copy(const PathParts &source, const PathParts &destination);
    void rename(const PathParts &source, const PathParts &destination);
    void chmod(const PathParts &path, mode_t mode);

    // "0644" / "644": permission bits only (no setuid, setgid, sticky); 400 naming `mode` otherwise.
    static mode_t parseMode(const QString &text);
    static QString modeString(mode_t mode);

  private:
    std::shared_ptr<const Sandbox> m_sandbox;
    QuotaTracker &m_quota;
    QString m_volumeId;
};
} // namespace lightd::volumes
