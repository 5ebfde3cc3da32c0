#include "storage/Repositories.h"

#include "lightd/JsonUtil.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace lightd::storage {
namespace {
qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}
} // namespace

void TokenRepository::insert(const TokenRow &row)
{
    m_db.exec(QStringLiteral("INSERT INTO tokens (id, hash, scopes, remove_on_use, expires_at, created_at) "
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

void VolumeRepository::insert(const VolumeDto &v)
{
    m_db.exec(QStringLiteral("INSERT INTO volumes (id, path, quota_mb, used_bytes, created_at) VALUES (?, ?, ?, ?, ?)"),
              {v.volumeId, v.path, v.quotaMb ? QVariant(*v.quotaMb) : QVariant(), v.usedBytes, v.createdAt});
}

QList<VolumeDto> VolumeRepository::all()
{
    QList<VolumeDto> list;
    auto q = m_db.exec(QStringLiteral("SELECT id, path, quota_mb, used_bytes, created_at FROM volumes ORDER BY created_at, id"));
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

void PortRepository::insert(const QList<PortDto> &ports)
{
    m_db.transaction([&] {
        for (const auto &p : ports) {
            m_db.exec(QStringLiteral("INSERT INTO ports (ip, port, protocol, in_use, container, created_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?)"),
                      {p.ip, p.port, p.protocol, p.inUse ? 1 : 0,
                       p.container.isEmpty() ? QVariant() : QVariant(p.container), now()});
        }
    });
}

QList<PortDto> PortRepository::all()
{
    QList<PortDto> list;
    auto q = m_db.exec(QStringLiteral("SELECT ip, port, protocol, in_use, container FROM ports ORDER BY ip, port"));
    while (q.next())
        list.append(PortDto{q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(), q.value(3).toBool(),
                            q.value(4).toString()});
    return list;
}

int PortRepository::remove(const QList<QPair<QString, int>> &keys)
{
    return m_db.transaction([&] {
        int n = 0;
        for (const auto &[ip, port] : keys)
            n += m_db.exec(QStringLiteral("DELETE FROM ports WHERE ip = ? AND port = ?"), {ip, port}).numRowsAffected();
        return n;
    });
}

void PortRepository::setUse(const QString &ip, int port, bool inUse, const QString &container)
{
    m_db.exec(QStringLiteral("UPDATE ports SET in_use = ?, container = ? WHERE ip = ? AND port = ?"),
              {inUse ? 1 : 0, container.isEmpty() ? QVariant() : QVariant(container), ip, port});
}

QStringList ContainerRepository::usingVolume(const QString &volumeId)
{
    QStringList ids;
    auto q = m_db.exec(QStringLiteral("SELECT internal_id FROM containers WHERE volume_id = ?"), {volumeId});
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}
} // namespace lightd::storage
