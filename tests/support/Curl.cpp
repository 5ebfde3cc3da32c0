#include "Curl.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryFile>

namespace lightd::test {
QJsonObject CurlResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray CurlResult::header(const QByteArray &name) const
{
    for (const auto &line : headers.split('\n')) {
        const auto colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

CurlResult curl(const QStringList &args, const QByteArray &stdinData)
{
    QTemporaryFile headerFile;
    headerFile.open();
    QProcess p;
    QStringList all{QStringLiteral("-s"), QStringLiteral("-D"), headerFile.fileName(), QStringLiteral("-w"),
                    QStringLiteral("\n%{http_code}")};
    all += args;
    p.start(QStringLiteral("curl"), all);
    p.waitForStarted();
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    QByteArray out = p.readAllStandardOutput();
    CurlResult r;
    const auto nl = out.lastIndexOf('\n');
    r.status = out.mid(nl + 1).toInt();
    r.body = out.left(nl);
    headerFile.seek(0);
    r.headers = headerFile.readAll();
    return r;
}
} // namespace lightd::test
