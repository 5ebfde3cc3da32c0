#include "storage/RemovalTable.h"

#include <QDateTime>
#include <QSqlQuery>

namespace lightd::storage {
QStringList RemovalTable::migration()
{
    return {QStringLiteral("CREATE TABLE container_removals ("
                           " internal_id TEXT PRIMARY KEY,"
                           " created_at INTEGER NOT NULL)")};
}

void RemovalTable::insert(const QString &internalId)
{
    m_db.exec(
        QStringLiteral("INSERT OR REPLACE INTO container_removals (internal_id, created_at) VALUES (?, ?)"),
        {internalId, QDateTime::currentSecsSinceEpoch()});
}

void RemovalTable::remove(const QString &internalId)
{
    m_db.exec(QStringLiteral("DELETE FROM container_removals WHERE internal_id = ?"), {internalId});
}

QStringList RemovalTable::all()
{
    QStringList ids;
    auto q = m_db.exec(QStringLiteral("SELECT internal_id FROM container_removals ORDER BY created_at"));
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}
} // namespace lightd::storage
