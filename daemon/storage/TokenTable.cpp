#include "storage/TokenTable.h"

#include "lightd/JsonUtil.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace lightd::storage {
void TokenRepository::insert(const TokenRow &row)
{
    m_db.exec(
        QStringLiteral("INSERT INTO tokens (id, hash, scopes, remove_on_use, expires_at, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)"),
        {row.id, row.hash,
         QString::fromUtf8(QJsonDocument(json::fromStringList(row.scopes)).toJson(QJsonDocument::Compact)),
         row.removeOnUse ? 1 : 0, row.expiresAt, row.createdAt});
}

QList<TokenRow> TokenRepository::all()
{
    QList<TokenRow> rows;
    auto q = m_db.exec(QStringLiteral(
        "SELECT id, hash, scopes, remove_on_use, expires_at, created_at FROM tokens ORDER BY created_at"));
    while (q.next()) {
        rows.append(TokenRow{q.value(0).toString(), q.value(1).toByteArray(),
                             json::toStringList(QJsonDocument::fromJson(q.value(2).toByteArray()).array()),
                             q.value(3).toBool(), q.value(4).toLongLong(), q.value(5).toLongLong()});
    }
    return rows;
}

bool TokenRepository::remove(const QString &id)
{
    return m_db.exec(QStringLiteral("DELETE FROM tokens WHERE id = ?"), {id}).numRowsAffected() > 0;
}

int TokenRepository::removeExpired(qint64 at)
{
    return m_db.exec(QStringLiteral("DELETE FROM tokens WHERE expires_at <= ?"), {at}).numRowsAffected();
}
} // namespace lightd::storage
