#pragma once
#include "storage/Database.h"

#include <QList>
#include <QString>

namespace lightd::storage {
struct SftpKeyRow
{
    QString fingerprint; // "SHA256:..."
    QString type;        // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", ...
    QString blob;        // base64 public key
    QString comment;
    qint64 createdAt = 0;
};

struct SftpAccountRow
{
    QString container; // internal_id
    QString username;
    QString passwordHash; // crypto_pwhash_str output; empty = keys only
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QList<SftpKeyRow> keys;
};

// SQL for the sftp_accounts and sftp_keys tables, and nothing else.
class SftpRepository
{
  public:
    explicit SftpRepository(Database &db) : m_db(db) {}
    QList<SftpAccountRow> all();
    // Inserts or replaces the account row (keys untouched).
    void upsert(const SftpAccountRow &row);
    void addKey(const QString &container, const SftpKeyRow &key);
    bool removeKey(const QString &container, const QString &fingerprint);
    // The account and its keys.
    void remove(const QString &container);

  private:
    Database &m_db;
};
} // namespace lightd::storage
