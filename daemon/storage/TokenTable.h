#pragma once
#include "storage/Database.h"

#include <QList>
#include <QStringList>

namespace lightd::storage {
// One row of the tokens table.
struct TokenRow
{
    QString id;
    QByteArray hash;
    QStringList scopes;
    bool removeOnUse = false;
    qint64 expiresAt = 0;
    qint64 createdAt = 0;
};

// SQL for the tokens table, and nothing else.
class TokenRepository
{
  public:
    explicit TokenRepository(Database &db) : m_db(db) {}
    void insert(const TokenRow &row);
    QList<TokenRow> all();
    bool remove(const QString &id);
    int removeExpired(qint64 now);

  private:
    Database &m_db;
};
} // namespace lightd::storage
