#include "storage/VolumeTable.h"

namespace lightd::storage {
void VolumeRepository::insert(const VolumeDto &v)
{
    m_db.exec(QStringLiteral(
                  "INSERT INTO volumes (id, path, quota_mb, used_bytes, created_at) VALUES (?, ?, ?, ?, ?)"),
              {v.volumeId, v.path, v.quotaMb ? QVariant(*v.quotaMb) : QVariant(), v.usedBytes, v.createdAt});
}

QList<VolumeDto> VolumeRepository::all()
{
    QList<VolumeDto> list;
    auto q = m_db.exec(QStringLiteral(
        "SELECT id, path, quota_mb, used_bytes, created_at FROM volumes ORDER BY created_at, id"));
    while (q.next()) {
        VolumeDto v;
        v.volumeId = q.value(0).toString();
        v.path = q.value(1).toString();
        if (!q.value(2).isNull())
            v.quotaMb = q.value(2).toLongLong();
        v.usedBytes = q.value(3).toLongLong();
        v.createdAt = q.value(4).toLongLong();
        list.append(v);
    }
    return list;
}

bool VolumeRepository::remove(const QString &id)
{
    return m_db.exec(QStringLiteral("DELETE FROM volumes WHERE id = ?"), {id}).numRowsAffected() > 0;
}

void VolumeRepository::setQuota(const QString &id, std::optional<qint64> quotaMb)
{
    m_db.exec(QStringLiteral("UPDATE volumes SET quota_mb = ? WHERE id = ?"),
              {quotaMb ? QVariant(*quotaMb) : QVariant(), id});
}

void VolumeRepository::setUsedBytes(const QString &id, qint64 used)
{
    m_db.exec(QStringLiteral("UPDATE volumes SET used_bytes = ? WHERE id = ?"), {used, id});
}
} // namespace lightd::storage
