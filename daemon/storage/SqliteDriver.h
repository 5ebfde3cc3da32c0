#pragma once
#include <QString>

namespace lightd::storage {
// Registers "QSQLITE" from Qt's SQLite plugin loaded by its path, then turns off Qt's plugin scan.
// Without the scan the daemon never loads the TLS plugins (OpenSSL initialised by QHttpServer's
// private QSslConfiguration even on plain HTTP: ~4 MB of idle RSS). Only for daemons without TLS.
// Returns false (scan left on, nothing changed) when the plugin cannot be loaded.
bool loadSqliteWithoutPluginScan(QString &error);
} // namespace lightd::storage
