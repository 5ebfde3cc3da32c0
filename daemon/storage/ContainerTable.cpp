#include "storage/ContainerTable.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace lightd::storage {
namespace {
QString compact(const QJsonValue &v)
{
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QList<QVariant> values(const ContainerRow &r)
{
    return {orNull(r.containerId),
            r.volumeId,
            r.image,
            r.startupCommand,
            r.startPattern ? QVariant(*r.startPattern) : QVariant(),
            orNull(r.installScript),
            r.state,
            orNull(r.error),
            compact(r.ports),
            compact(r.limits),
            compact(r.mount),
            compact(r.env),
            r.exitCode ? QVariant(*r.exitCode) : QVariant(),
            r.oomKilled ? 1 : 0,
            r.createdAt,
            r.updatedAt,
            r.internalId};
}

void bindAll(QSqlQuery &q, const QList<QVariant> &values)
{
    for (const auto &v : values)
        q.addBindValue(v);
}
} // namespace

QStringList ContainerRepository::usingVolume(const QString &volumeId)
{
    QStringList ids;
    auto q = m_db.exec(QStringLiteral("SELECT internal_id FROM containers WHERE volume_id = ?"), {volumeId});
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

void ContainerRepository::insert(const ContainerRow &r)
{
    m_db.transaction([&] {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral(
            "INSERT INTO containers (container_id, volume_id, image, startup_command, start_pattern,"
            " install_script, state, error, ports, limits, mount, env, exit_code, oom_killed,"
            " created_at, updated_at, internal_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        bindAll(q, values(r));
        if (!q.exec())
            throw StorageError(
                QStringLiteral("insert container: %1").arg(q.lastError().text()).toStdString());
        if (m_stateHook)
            m_stateHook(r);
    });
}

void ContainerRepository::update(const ContainerRow &r)
{
    m_db.transaction([&] {
        bool changed = false;
        if (m_stateHook) {
            auto before = m_db.exec(
                QStringLiteral("SELECT state, error FROM containers WHERE internal_id = ?"), {r.internalId});
            // a new state, or the same state with a new message (a second failure)
            changed = before.next() &&
                      (before.value(0).toString() != r.state || before.value(1).toString() != r.error);
        }
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral(
            "UPDATE containers SET container_id=?, volume_id=?, image=?, startup_command=?,"
            " start_pattern=?, install_script=?, state=?, error=?, ports=?, limits=?, mount=?, env=?,"
            " exit_code=?, oom_killed=?, created_at=?, updated_at=? WHERE internal_id=?"));
        bindAll(q, values(r));
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

QList<ContainerRow> ContainerRepository::all()
{
    QList<ContainerRow> list;
    auto q = m_db.exec(QStringLiteral(
        "SELECT internal_id, container_id, volume_id, image, startup_command, start_pattern, install_script,"
        " state, error, ports, limits, mount, env, exit_code, oom_killed, created_at, updated_at"
        " FROM containers ORDER BY created_at, internal_id"));
    while (q.next()) {
        ContainerRow r;
        r.internalId = q.value(0).toString();
        r.containerId = q.value(1).toString();
        r.volumeId = q.value(2).toString();
        r.image = q.value(3).toString();
        r.startupCommand = q.value(4).toString();
        if (!q.value(5).isNull())
            r.startPattern = q.value(5).toString();
        r.installScript = q.value(6).toString();
        r.state = q.value(7).toString();
        r.error = q.value(8).toString();
        r.ports = QJsonDocument::fromJson(q.value(9).toByteArray()).array();
        r.limits = QJsonDocument::fromJson(q.value(10).toByteArray()).object();
        r.mount = QJsonDocument::fromJson(q.value(11).toByteArray()).object();
        r.env = QJsonDocument::fromJson(q.value(12).toByteArray()).object();
        if (!q.value(13).isNull())
            r.exitCode = q.value(13).toInt();
        r.oomKilled = q.value(14).toBool();
        r.createdAt = q.value(15).toLongLong();
        r.updatedAt = q.value(16).toLongLong();
        list.append(r);
    }
    return list;
}
} // namespace lightd::storage
