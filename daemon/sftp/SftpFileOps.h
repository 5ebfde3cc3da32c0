#pragma once
#include "volumes/PathRules.h"

#include <QByteArray>
#include <QString>
#include <map>
#include <memory>
#include <vector>

struct sftp_client_message_struct;

namespace lightd::volumes {
class Sandbox;
class QuotaTracker;
} // namespace lightd::volumes

namespace lightd::sftp {
class SftpWriteFile;

// The SFTP v3 operations of one session on one volume: every path through the volume's Sandbox
// (`/` is the volume root), every write through SftpWriteFile and so the QuotaTracker. Runs on the
// session's thread; nothing here is shared with another session.
class SftpFileOps final
{
  public:
    SftpFileOps(std::shared_ptr<const volumes::Sandbox> sandbox, volumes::QuotaTracker &quota,
                QString volumeId);
    ~SftpFileOps();

    // Answers one request (a reply is always sent). False when the reply could not be sent.
    bool handle(sftp_client_message_struct *msg);

    quint64 bytesRead() const { return m_read; }
    quint64 bytesWritten() const { return m_written; }

    static constexpr int kMaxHandles = 256;
    static constexpr quint32 kMaxRead = 64 * 1024; // a READ is answered with at most this much

  private:
    struct Handle;
    int dispatch(sftp_client_message_struct *msg);
    Handle &handleOf(sftp_client_message_struct *msg);
    int replyHandle(sftp_client_message_struct *msg, std::unique_ptr<Handle> h);

    int open(sftp_client_message_struct *msg);
    int read(sftp_client_message_struct *msg);
    int write(sftp_client_message_struct *msg);
    int close(sftp_client_message_struct *msg);
    int stat(sftp_client_message_struct *msg, bool follow);
    int fstat(sftp_client_message_struct *msg);
    int setstat(sftp_client_message_struct *msg);
    int fsetstat(sftp_client_message_struct *msg);
    int opendir(sftp_client_message_struct *msg);
    int readdir(sftp_client_message_struct *msg);
    int remove(sftp_client_message_struct *msg);
    int mkdir(sftp_client_message_struct *msg);
    int rmdir(sftp_client_message_struct *msg);
    int realpath(sftp_client_message_struct *msg);
    int rename(sftp_client_message_struct *msg);
    int readlink(sftp_client_message_struct *msg);
    int extended(sftp_client_message_struct *msg);
    int statvfs(sftp_client_message_struct *msg);

    std::shared_ptr<const volumes::Sandbox> m_sandbox;
    volumes::QuotaTracker &m_quota;
    QString m_volumeId;
    std::map<quint32, std::unique_ptr<Handle>> m_handles;
    quint32 m_nextHandle = 1;
    std::vector<char> m_buffer; // the one read buffer, kMaxRead bytes
    quint64 m_read = 0;
    quint64 m_written = 0;
};
} // namespace lightd::sftp
