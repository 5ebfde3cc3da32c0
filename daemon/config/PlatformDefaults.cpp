#include "config/PlatformDefaults.h"

#include <QDir>

#ifndef Q_OS_WIN
#include <unistd.h>
#endif

namespace lightd::config {

PlatformDefaults platformDefaults(Os os, const QString &programData, bool isRoot)
{
    if (os == Os::Windows) {
        // A service's working directory is System32, so the config lives in ProgramData, and the
        // data beside it (storage.base_path "data" is relative to the config file).
        // Backslashes by hand: QDir::fromNativeSeparators only knows the platform it runs on.
        QString base = programData.isEmpty() ? QStringLiteral("C:/ProgramData") : programData;
        base.replace(QLatin1Char('\\'), QLatin1Char('/'));
        return {QDir::cleanPath(base + QStringLiteral("/lightd/config.json")),
                QStringLiteral("//./pipe/docker_engine"), false};
    }
    return {QStringLiteral("config.json"), QStringLiteral("/var/run/docker.sock"), isRoot};
}

Os hostOs()
{
#ifdef Q_OS_WIN
    return Os::Windows;
#else
    return Os::Unix;
#endif
}

PlatformDefaults hostDefaults()
{
#ifdef Q_OS_WIN
    return platformDefaults(Os::Windows, qEnvironmentVariable("ProgramData"), false);
#else
    return platformDefaults(Os::Unix, QString(), ::geteuid() == 0);
#endif
}
} // namespace lightd::config
