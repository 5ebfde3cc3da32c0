#include "storage/Migrations.h"

#include "storage/OutboxTable.h"
#include "storage/RemovalTable.h"
#include "storage/UsageSampleTable.h"

namespace lightd::storage {
const QList<Migration> &migrations()
{
    static const QList<Migration> list = {
        {1,
         {
             QStringLiteral("CREATE TABLE tokens ("
                            " id TEXT PRIMARY KEY,"
                            " hash BLOB NOT NULL UNIQUE,"
                            " scopes TEXT NOT NULL DEFAULT '[]',"
                            " remove_on_use INTEGER NOT NULL DEFAULT 0,"
                            " expires_at INTEGER NOT NULL,"
                            " created_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE volumes ("
                            " id TEXT PRIMARY KEY,"
                            " path TEXT NOT NULL,"
                            " quota_mb INTEGER,"
                            " used_bytes INTEGER NOT NULL DEFAULT 0,"
                            " created_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE ports ("
                            " ip TEXT NOT NULL,"
                            " port INTEGER NOT NULL,"
                            " protocol TEXT NOT NULL,"
                            " in_use INTEGER NOT NULL DEFAULT 0,"
                            " container TEXT,"
                            " created_at INTEGER NOT NULL,"
                            " PRIMARY KEY (ip, port))"),
             QStringLiteral("CREATE TABLE containers ("
                            " internal_id TEXT PRIMARY KEY,"
                            " container_id TEXT,"
                            " volume_id TEXT NOT NULL REFERENCES volumes(id),"
                            " image TEXT NOT NULL,"
                            " startup_command TEXT NOT NULL,"
                            " start_pattern TEXT,"
                            " install_script TEXT,"
                            " state TEXT NOT NULL,"
                            " error TEXT,"
                            " ports TEXT NOT NULL DEFAULT '[]',"
                            " limits TEXT NOT NULL DEFAULT '{}',"
                            " mount TEXT NOT NULL DEFAULT '{}',"
                            " env TEXT NOT NULL DEFAULT '{}',"
                            " exit_code INTEGER,"
                            " oom_killed INTEGER NOT NULL DEFAULT 0,"
                            " created_at INTEGER NOT NULL,"
                            " updated_at INTEGER NOT NULL)"),
         }},
        // The pool is keyed by ip + port + protocol (25565/tcp and 25565/udp together) and every
        // port gets a stable id (API.md section 12). Every row is kept with its in_use and holder.
        {2,
         {
             QStringLiteral("CREATE TABLE ports_v2 ("
                            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " ip TEXT NOT NULL,"
                            " port INTEGER NOT NULL,"
                            " protocol TEXT NOT NULL,"
                            " in_use INTEGER NOT NULL DEFAULT 0,"
                            " container TEXT,"
                            " created_at INTEGER NOT NULL,"
                            " UNIQUE (ip, port, protocol))"),
             QStringLiteral("INSERT INTO ports_v2 (ip, port, protocol, in_use, container, created_at)"
                            " SELECT ip, port, lower(protocol), in_use, container, created_at FROM ports"
                            " ORDER BY created_at, ip, port"),
             QStringLiteral("DROP TABLE ports"),
             QStringLiteral("ALTER TABLE ports_v2 RENAME TO ports"),
         }},
        {3,
         {
             // SFTP logins per container (API.md section 9); removed with the container.
             QStringLiteral("CREATE TABLE sftp_accounts ("
                            " container TEXT PRIMARY KEY,"
                            " username TEXT NOT NULL UNIQUE,"
                            " password_hash TEXT,"
                            " created_at INTEGER NOT NULL,"
                            " updated_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE sftp_keys ("
                            " container TEXT NOT NULL,"
                            " fingerprint TEXT NOT NULL,"
                            " type TEXT NOT NULL,"
                            " blob TEXT NOT NULL,"
                            " comment TEXT NOT NULL DEFAULT '',"
                            " created_at INTEGER NOT NULL,"
                            " PRIMARY KEY (container, fingerprint))"),
         }},
        {4, UsageSampleTable::migration()},
        {5, OutboxTable::migration()},
        {6, RemovalTable::migration()},
    };
    return list;
}
} // namespace lightd::storage
