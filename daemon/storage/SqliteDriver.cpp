#include "storage/SqliteDriver.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPluginLoader>
#include <QSqlDatabase>
#include <QSqlDriverCreatorBase>
#include <QSqlDriverPlugin>

namespace lightd::storage {
namespace {
class PluginDriverCreator final : public QSqlDriverCreatorBase
{
  public:
    explicit PluginDriverCreator(QSqlDriverPlugin *plugin) : m_plugin(plugin) {}
    QSqlDriver *createObject() const override { return m_plugin->create(QStringLiteral("QSQLITE")); }

  private:
    QSqlDriverPlugin *m_plugin;
};
} // namespace

bool loadSqliteWithoutPluginScan(QString &error)
{
    // Outlives every connection: the loader is never unloaded and the creator is owned by QtSql.
    static QPluginLoader *loader = nullptr;
    if (!loader) {
        auto *candidate = new QPluginLoader(QLibraryInfo::path(QLibraryInfo::PluginsPath) +
                                            QStringLiteral("/sqldrivers/libqsqlite"));
        auto *plugin = qobject_cast<QSqlDriverPlugin *>(candidate->instance());
        if (!plugin) {
            error = candidate->errorString();
            delete candidate;
            return false;
        }
        loader = candidate;
        QSqlDatabase::registerSqlDriver(QStringLiteral("QSQLITE"), new PluginDriverCreator(plugin));
    }
    QCoreApplication::setLibraryPaths({});
    return true;
}
} // namespace lightd::storage
