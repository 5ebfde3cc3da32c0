#include "storage/UsageSampleTable.h"

#include <QSqlError>

namespace lightd::storage {
QStringList UsageSampleTable::migration()
{
    // Keyed by (container, at_ms) without a rowid: the window queries read one container's rows in
    // time order straight from the table, with no second index to keep.
    return {QStringLiteral("CREATE TABLE usage_samples ("
                           " container TEXT NOT NULL,"
                           " at_ms INTEGER NOT NULL,"
                           " duration_ms INTEGER NOT NULL,"
                           " memory_bytes INTEGER NOT NULL,"
                           " cpu_ns INTEGER NOT NULL,"
                           " storage_bytes INTEGER NOT NULL,"
                           " tx_bytes INTEGER NOT NULL,"
                           " cpu_total_ns INTEGER NOT NULL,"
                           " tx_total INTEGER NOT NULL,"
                           " run INTEGER NOT NULL,"
                           " PRIMARY KEY (container, at_ms)) WITHOUT ROWID")};
}

void UsageSampleTable::insert(const QList<UsageSampleRow> &rows)
{
    if (rows.isEmpty())
        return;
    m_db.transaction([&] {
        QSqlQuery q(m_db.connection());
        q.prepare(
            QStringLiteral("INSERT OR REPLACE INTO usage_samples (container, at_ms, duration_ms,"
                           " memory_bytes, cpu_ns, storage_bytes, tx_bytes, cpu_total_ns, tx_total, run)"
                           " VALUES (?,?,?,?,?,?,?,?,?,?)"));
        for (const auto &r : rows) {
            q.bindValue(0, r.container);
            q.bindValue(1, r.atMs);
            q.bindValue(2, r.durationMs);
            q.bindValue(3, r.memoryBytes);
            q.bindValue(4, r.cpuNs);
            q.bindValue(5, r.storageBytes);
            q.bindValue(6, r.txBytes);
            q.bindValue(7, r.cpuTotalNs);
            q.bindValue(8, r.txTotal);
            q.bindValue(9, r.run);
            if (!q.exec())
                throw StorageError(
                    QStringLiteral("insert usage sample: %1").arg(q.lastError().text()).toStdString());
        }
    });
}

namespace {
const QString kColumns = QStringLiteral("container, at_ms, duration_ms, memory_bytes, cpu_ns, storage_bytes,"
                                        " tx_bytes, cpu_total_ns, tx_total, run");

UsageSampleRow rowFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(),   q.value(1).toLongLong(), q.value(2).toLongLong(),
            q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toLongLong(),
            q.value(6).toLongLong(), q.value(7).toLongLong(), q.value(8).toLongLong(),
            q.value(9).toLongLong()};
}
} // namespace

QList<UsageSampleRow> UsageSampleTable::since(const QString &container, qint64 fromMs)
{
    QList<UsageSampleRow> rows;
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM usage_samples WHERE container = ? AND at_ms > ?"
                                      " ORDER BY at_ms")
                           .arg(kColumns),
                       {container, fromMs});
    while (q.next())
        rows.append(rowFrom(q));
    return rows;
}

QList<UsageSampleRow> UsageSampleTable::latest()
{
    QList<UsageSampleRow> rows;
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM usage_samples s WHERE at_ms ="
                                      " (SELECT MAX(at_ms) FROM usage_samples WHERE container = s.container)")
                           .arg(kColumns));
    while (q.next())
        rows.append(rowFrom(q));
    return rows;
}

QStringList UsageSampleTable::containers()
{
    QStringList ids;
    auto q = m_db.exec(QStringLiteral("SELECT DISTINCT container FROM usage_samples ORDER BY container"));
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

int UsageSampleTable::pruneBefore(qint64 atMs)
{
    return m_db.exec(QStringLiteral("DELETE FROM usage_samples WHERE at_ms < ?"), {atMs}).numRowsAffected();
}

} // namespace lightd::storage
