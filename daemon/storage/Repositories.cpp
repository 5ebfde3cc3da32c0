#include "storage/Repositories.h"

#include "lightd/JsonUtil.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

namespace lightd::storage {
namespace {
qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}
} // namespace

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

void PortRepository::insert(QList<PortDto> &ports)
{
    m_db.transaction([&] {
        for (auto &p : ports) {
            auto q = m_db.exec(
                QStringLiteral("INSERT INTO ports (ip, port, protocol, in_use, container, created_at) "
                               "VALUES (?, ?, ?, ?, ?, ?)"),
                {p.ip, p.port, p.protocol, p.inUse ? 1 : 0,
                 p.container.isEmpty() ? QVariant() : QVariant(p.container), now()});
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

QStringList ContainerRepository::usingVolume(const QString &volumeId)
{
    QStringList ids;
    auto q = m_db.exec(QStringLiteral("SELECT internal_id FROM containers WHERE volume_id = ?"), {volumeId});
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}
} // namespace lightd::storage

namespace lightd::storage {
namespace {
QString compact(const QJsonValue &v)
{
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

QList<QVariant> containerValues(const containers::ContainerRecord &r)
{
    QJsonArray ports;
    for (const auto &p : r.dto.ports)
        ports.append(p.toJson());
    return {r.dto.containerId.isEmpty() ? QVariant() : QVariant(r.dto.containerId),
            r.dto.volumeId,
            r.dto.image,
            r.dto.startupCommand,
            r.dto.startPattern ? QVariant(*r.dto.startPattern) : QVariant(),
            r.installScript.isEmpty() ? QVariant() : QVariant(r.installScript),
            toString(r.state),
            r.dto.error.isEmpty() ? QVariant() : QVariant(r.dto.error),
            compact(ports),
            compact(r.dto.limits.toJson()),
            compact(json::fromStringMap(r.dto.mount)),
            compact(json::fromStringMap(r.dto.env)),
            r.exitCode ? QVariant(*r.exitCode) : QVariant(),
            r.oomKilled ? 1 : 0,
            r.dto.createdAt,
            r.dto.updatedAt,
            r.dto.internalId};
}

void bindAll(QSqlQuery &q, const QList<QVariant> &values)
{
    for (const auto &v : values)
        q.addBindValue(v);
}
} // namespace

void ContainerRepository::insert(const containers::ContainerRecord &r)
{
    m_db.transaction([&] {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral(
            "INSERT INTO containers (container_id, volume_id, image, startup_command, start_pattern,"
            " install_script, state, error, ports, limits, mount, env, exit_code, oom_killed,"
            " created_at, updated_at, internal_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        bindAll(q, containerValues(r));
        if (!q.exec())
            throw StorageError(
                QStringLiteral("insert container: %1").arg(q.lastError().text()).toStdString());
        if (m_stateHook)
            m_stateHook(r);
    });
}

void ContainerRepository::update(const containers::ContainerRecord &r)
{
    m_db.transaction([&] {
        bool changed = false;
        if (m_stateHook) {
            auto before =
                m_db.exec(QStringLiteral("SELECT state, error FROM containers WHERE internal_id = ?"),
                          {r.dto.internalId});
            // a new state, or a failure with a new message
            changed = before.next() &&
                      (before.value(0).toString() != toString(r.state) ||
                       (r.state == ContainerState::Failed && before.value(1).toString() != r.dto.error));
        }
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral(
            "UPDATE containers SET container_id=?, volume_id=?, image=?, startup_command=?,"
            " start_pattern=?, install_script=?, state=?, error=?, ports=?, limits=?, mount=?, env=?,"
            " exit_code=?, oom_killed=?, created_at=?, updated_at=? WHERE internal_id=?"));
        bindAll(q, containerValues(r));
        if (!q.exec())
            throw StorageError(
                QStringLiteral("update container: %1").arg(q.lastError().text()).toStdString());
        if (changed)
            m_stateHook(r);
    });
}

bool ContainerRepository::remove(const QString &internalId)
{
    return m_db.exec(QStringLiteral("DELETE FROM containers WHERE internal_id = ?"), {internalId})
               .numRowsAffected() > 0;
}

QList<containers::ContainerRecord> ContainerRepository::all()
{
    QList<containers::ContainerRecord> list;
    auto q = m_db.exec(QStringLiteral(
        "SELECT internal_id, container_id, volume_id, image, startup_command, start_pattern, install_script, "
        "state,"
        " error, ports, limits, mount, env, exit_code, oom_killed, created_at, updated_at FROM containers"
        " ORDER BY created_at, internal_id"));
    while (q.next()) {
        containers::ContainerRecord r;
        r.dto.internalId = q.value(0).toString();
        r.dto.containerId = q.value(1).toString();
        r.dto.volumeId = q.value(2).toString();
        r.dto.image = q.value(3).toString();
        r.dto.startupCommand = q.value(4).toString();
        if (!q.value(5).isNull())
            r.dto.startPattern = q.value(5).toString();
        r.installScript = q.value(6).toString();
        r.state = containerStateFromString(q.value(7).toString()).value_or(ContainerState::Failed);
        r.dto.installState = toString(r.state);
        r.dto.error = q.value(8).toString();
        for (const auto &v : QJsonDocument::fromJson(q.value(9).toByteArray()).array())
            r.dto.ports.append(PortBindingDto::fromJson(v.toObject()));
        r.dto.limits = LimitsDto::fromJson(QJsonDocument::fromJson(q.value(10).toByteArray()).object());
        r.dto.mount = json::toStringMap(QJsonDocument::fromJson(q.value(11).toByteArray()).object());
        r.dto.env = json::toStringMap(QJsonDocument::fromJson(q.value(12).toByteArray()).object());
        if (!q.value(13).isNull())
            r.exitCode = q.value(13).toInt();
        r.oomKilled = q.value(14).toBool();
        r.dto.createdAt = q.value(15).toLongLong();
        r.dto.updatedAt = q.value(16).toLongLong();
        list.append(r);
    }
    return list;
}
} // namespace lightd::storage
