#include "storage/SftpRepository.h"

#include <QHash>

namespace lightd::storage {
QList<SftpAccountRow> SftpRepository::all()
{
    QList<SftpAccountRow> rows;
    QHash<QString, qsizetype> index;
    auto q = m_db.exec(QStringLiteral("SELECT container, username, password_hash, created_at, updated_at "
                                      "FROM sftp_accounts ORDER BY container"));
    while (q.next()) {
        index.insert(q.value(0).toString(), rows.size());
        rows.append(SftpAccountRow{q.value(0).toString(),
                                   q.value(1).toString(),
                                   q.value(2).toString(),
                                   q.value(3).toLongLong(),
                                   q.value(4).toLongLong(),
                                   {}});
    }
    auto k = m_db.exec(QStringLiteral("SELECT container, fingerprint, type, blob, comment, created_at "
                                      "FROM sftp_keys ORDER BY created_at, fingerprint"));
    while (k.next()) {
        const auto it = index.constFind(k.value(0).toString());
        if (it == index.constEnd())
            continue;
        rows[*it].keys.append(SftpKeyRow{k.value(1).toString(), k.value(2).toString(), k.value(3).toString(),
                                         k.value(4).toString(), k.value(5).toLongLong()});
    }
    return rows;
}

void SftpRepository::upsert(const SftpAccountRow &row)
{
    m_db.exec(QStringLiteral("INSERT INTO sftp_accounts (container, username, password_hash, created_at, "
                             "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(container) DO UPDATE SET "
                             "username = excluded.username, password_hash = excluded.password_hash, "
                             "updated_at = excluded.updated_at"),
              {row.container, row.username,
               row.passwordHash.isEmpty() ? QVariant() : QVariant(row.passwordHash), row.createdAt,
               row.updatedAt});
}

void SftpRepository::addKey(const QString &container, const SftpKeyRow &key)
{
    m_db.exec(QStringLiteral("INSERT OR REPLACE INTO sftp_keys (container, fingerprint, type, blob, comment, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?)"),
              {container, key.fingerprint, key.type, key.blob, key.comment, key.createdAt});
}

bool SftpRepository::removeKey(const QString &container, const QString &fingerprint)
{
    return m_db.exec(QStringLiteral("DELETE FROM sftp_keys WHERE container = ? AND fingerprint = ?"),
                     {container, fingerprint})
               .numRowsAffected() > 0;
}

void SftpRepository::remove(const QString &container)
{
    m_db.transaction([&] {
        m_db.exec(QStringLiteral("DELETE FROM sftp_keys WHERE container = ?"), {container});
        m_db.exec(QStringLiteral("DELETE FROM sftp_accounts WHERE container = ?"), {container});
    });
}
} // namespace lightd::storage
