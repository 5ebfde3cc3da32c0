#include "storage/PortTable.h"

#include <QDateTime>

namespace lightd::storage {
void PortRepository::insert(QList<PortDto> &ports)
{
    m_db.transaction([&] {
        for (auto &p : ports) {
            auto q = m_db.exec(
                QStringLiteral("INSERT INTO ports (ip, port, protocol, in_use, container, created_at) "
                               "VALUES (?, ?, ?, ?, ?, ?)"),
                {p.ip, p.port, p.protocol, p.inUse ? 1 : 0,
                 p.container.isEmpty() ? QVariant() : QVariant(p.container),
                 QDateTime::currentSecsSinceEpoch()});
            p.id = q.lastInsertId().toLongLong();
        }
    });
}

QList<PortDto> PortRepository::all()
{
    QList<PortDto> list;
    auto q = m_db.exec(QStringLiteral(
        "SELECT ip, port, protocol, in_use, container, id FROM ports ORDER BY ip, port, protocol"));
    while (q.next())
        list.append(PortDto{q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(),
                            q.value(3).toBool(), q.value(4).toString(), q.value(5).toLongLong()});
    return list;
}

int PortRepository::remove(const QList<qint64> &ids)
{
    return m_db.transaction([&] {
        int n = 0;
        for (const qint64 id : ids)
            n += m_db.exec(QStringLiteral("DELETE FROM ports WHERE id = ?"), {id}).numRowsAffected();
        return n;
    });
}

void PortRepository::setUse(qint64 id, bool inUse, const QString &container)
{
    m_db.exec(QStringLiteral("UPDATE ports SET in_use = ?, container = ? WHERE id = ?"),
              {inUse ? 1 : 0, container.isEmpty() ? QVariant() : QVariant(container), id});
}
} // namespace lightd::storage
