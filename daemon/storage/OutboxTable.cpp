#include "storage/OutboxTable.h"

namespace lightd::storage {
QStringList OutboxTable::migration()
{
    return {QStringLiteral("CREATE TABLE outbox ("
                           " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " kind INTEGER NOT NULL,"
                           " body BLOB NOT NULL,"
                           " created_ms INTEGER NOT NULL)"),
            // billing events are dropped oldest first when the outbox is full
            QStringLiteral("CREATE INDEX outbox_kind ON outbox (kind, seq)"),
            QStringLiteral("CREATE TABLE outbox_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")};
}

qint64 OutboxTable::insert(int kind, const QByteArray &body, qint64 createdMs)
{
    auto q = m_db.exec(QStringLiteral("INSERT INTO outbox (kind, body, created_ms) VALUES (?, ?, ?)"),
                       {kind, body, createdMs});
    return q.lastInsertId().toLongLong();
}

QList<OutboxRow> OutboxTable::head(int limit)
{
    QList<OutboxRow> rows;
    auto q = m_db.exec(QStringLiteral("SELECT seq, kind, body, created_ms FROM outbox ORDER BY seq LIMIT ?"),
                       {limit});
    while (q.next())
        rows.append(
            {q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toByteArray(), q.value(3).toLongLong()});
    return rows;
}

void OutboxTable::removeUpTo(qint64 seq)
{
    m_db.exec(QStringLiteral("DELETE FROM outbox WHERE seq <= ?"), {seq});
}

qint64 OutboxTable::count()
{
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM outbox"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

int OutboxTable::dropOldestBilling(int n)
{
    return m_db
        .exec(QStringLiteral("DELETE FROM outbox WHERE seq IN"
                             " (SELECT seq FROM outbox WHERE kind = ? ORDER BY seq LIMIT ?)"),
              {int(OutboxRow::Billing), n})
        .numRowsAffected();
}

qint64 OutboxTable::droppedTotal()
{
    auto q = m_db.exec(QStringLiteral("SELECT value FROM outbox_counters WHERE name = 'dropped'"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

void OutboxTable::addDropped(qint64 n)
{
    m_db.exec(QStringLiteral("INSERT INTO outbox_counters (name, value) VALUES ('dropped', ?)"
                             " ON CONFLICT(name) DO UPDATE SET value = value + excluded.value"),
              {n});
}
} // namespace lightd::storage
