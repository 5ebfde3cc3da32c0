#include "docker/EngineAddress.h"

namespace lightd::docker {

QString localServerName(const QString &address, config::Os os)
{
    QString a = address.trimmed();
    if (os == config::Os::Unix)
        return a.startsWith(QLatin1StringView("unix://")) ? a.mid(7) : a;

    if (a.startsWith(QLatin1StringView("npipe://")))
        a = a.mid(8);
    a.replace(QLatin1Char('/'), QLatin1Char('\\'));
    const QLatin1StringView prefix("\\\\.\\pipe\\");
    if (a.startsWith(prefix, Qt::CaseInsensitive))
        return prefix + a.mid(prefix.size());
    return prefix + a.section(QLatin1Char('\\'), -1); // a bare pipe name
}
} // namespace lightd::docker
