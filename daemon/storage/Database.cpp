#include "storage/Database.h"

#include "storage/Migrations.h"
#include "storage/StorageLog.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <QUuid>

namespace lightd::storage {
Database::Database(QString path)
    : m_path(std::move(path)),
      m_prefix(QStringLiteral("lightd-") + QUuid::createUuid().toString(QUuid::Id128))
{}

Database::~Database()
{
    const QStringList names = QSqlDatabase::connectionNames();
    for (const auto &name : names) {
        if (name.startsWith(m_prefix)) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
}

QSqlDatabase Database::connection()
{
    const QString name = m_prefix + QLatin1Char('-') +
                         QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()), 16);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        throw StorageError(
            QStringLiteral("cannot open database %1: %2").arg(m_path, db.lastError().text()).toStdString());
    QSqlQuery q(db);
    for (const char *pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        if (!q.exec(QLatin1StringView(pragma)))
            throw StorageError(QStringLiteral("cannot set %1: %2")
                                   .arg(QLatin1StringView(pragma), q.lastError().text())
                                   .toStdString());
    }
    return db;
}

void Database::open()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    connection();
    migrate();
}

int Database::schemaVersion()
{
    QSqlQuery q = exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
    return q.next() ? q.value(0).toInt() : 0;
}

void Database::migrate()
{
    exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at "
                        "INTEGER NOT NULL)"));
    const int current = schemaVersion();
    for (const Migration &m : migrations()) {
        if (m.version <= current)
            continue;
        transaction([&] {
            for (const QString &sql : m.statements)
                exec(sql);
            exec(QStringLiteral(
                     "INSERT INTO schema_version (version, applied_at) VALUES (?, strftime('%s','now'))"),
                 {m.version});
        });
        qCInfo(lcStorage) << "applied migration" << m.version;
    }
}

int &Database::depth()
{
    thread_local int d = 0;
    return d;
}

void Database::commit(QSqlDatabase &db)
{
    if (!db.commit()) {
        const QString err = db.lastError().text();
        db.rollback();
        throw StorageError(QStringLiteral("commit failed: %1").arg(err).toStdString());
    }
}

QSqlQuery Database::exec(const QString &sql, std::initializer_list<QVariant> values)
{
    QSqlQuery q(connection());
    if (!q.prepare(sql))
        throw StorageError(
            QStringLiteral("prepare failed: %1 in %2").arg(q.lastError().text(), sql).toStdString());
    for (const auto &v : values)
        q.addBindValue(v);
    if (!q.exec())
        throw StorageError(
            QStringLiteral("query failed: %1 in %2").arg(q.lastError().text(), sql).toStdString());
    return q;
}
} // namespace lightd::storage
