#include "app/AppLog.h"
#include "app/Cli.h"
#include "app/Daemon.h"
#include "app/UnixSignals.h"
#include "config/Config.h"
#include "storage/SqliteDriver.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

int main(int argc, char *argv[])
{
    // The glib event dispatcher costs throughput and we use nothing of glib.
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lightd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LIGHTD_VERSION));
    lightd::installLogHandler();

    const auto cli = lightd::runCli(QCoreApplication::arguments());
    if (cli.exitCode)
        return *cli.exitCode;
    lightd::installLogHandler(cli.logFormat);

    const auto loaded = lightd::config::load(cli.configPath);
    for (const auto &w : loaded.warnings)
        qCWarning(lcApp).noquote() << "config: unknown key" << w;
    if (!loaded.config) {
        QTextStream(stderr) << "lightd: invalid configuration " << cli.configPath << ": " << loaded.error
                            << Qt::endl;
        return 2;
    }

    // TLS (server, or the engine over tcp:// with certificates) needs Qt's TLS backend plugin.
    if (loaded.config->server.tlsCert.isEmpty() && loaded.config->docker.tlsCa.isEmpty()) {
        QString pluginError;
        if (!lightd::storage::loadSqliteWithoutPluginScan(pluginError))
            qCWarning(lcApp).noquote()
                << "SQLite plugin not loaded by path, using Qt's plugin scan:" << pluginError;
        else // QHttpServer still asks for a TLS backend it will not use; QT_LOGGING_RULES can turn this back
             // on.
            QLoggingCategory::setFilterRules(QStringLiteral("qt.network.ssl.warning=false"));
    }
    lightd::Daemon daemon(*loaded.config);
    QString error;
    if (!daemon.start(error)) {
        QTextStream(stderr) << "lightd: " << error << Qt::endl;
        return 1;
    }
    lightd::UnixSignals unixSignals;
    QObject::connect(&unixSignals, &lightd::UnixSignals::terminate, &daemon, &lightd::Daemon::shutdown);
    QObject::connect(&unixSignals, &lightd::UnixSignals::reload, &daemon, &lightd::Daemon::reload);
    return app.exec();
}
