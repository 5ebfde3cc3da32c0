#include "Programs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

namespace lightd::test {
QString sourceDir()
{
    return qEnvironmentVariable("LIGHTD_SOURCE_DIR", QStringLiteral(LIGHTD_TEST_SOURCE_DIR));
}

int run(const QString &program, const QStringList &args, QByteArray *out, int timeoutMs,
        const QByteArray &input)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return -1;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        return -1;
    }
    if (out)
        *out = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QByteArray docker(const QStringList &args, int *code)
{
    QByteArray out;
    const int rc = run(QStringLiteral("docker"), args, &out);
    if (code)
        *code = rc;
    return out.trimmed();
}

QJsonObject dockerInspect(const QString &name, const char *kind)
{
    int rc = 0;
    const QByteArray out = docker({QLatin1StringView(kind), QStringLiteral("inspect"), name}, &rc);
    if (rc != 0)
        return {};
    return QJsonDocument::fromJson(out).array().first().toObject();
}

bool dockerExists(const QString &name)
{
    return !dockerInspect(name).isEmpty();
}

QString dockerStatus(const QString &name)
{
    return dockerInspect(name)
        .value(QStringLiteral("State"))
        .toObject()
        .value(QStringLiteral("Status"))
        .toString();
}

void removeContainersMatching(const QString &fragment)
{
    const QByteArray ids = docker({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
                                   QStringLiteral("name=") + fragment});
    QStringList rm{QStringLiteral("rm"), QStringLiteral("-f")};
    for (const auto &id : ids.split('\n')) {
        if (!id.trimmed().isEmpty())
            rm.append(QString::fromLatin1(id.trimmed()));
    }
    if (rm.size() > 2)
        docker(rm);
}

bool ensureImage()
{
    QByteArray out;
    const int rc = run(QStringLiteral("bash"),
                       {sourceDir() + QStringLiteral("/tests/support/make-test-image.sh")}, &out);
    if (rc != 0)
        qWarning("make-test-image.sh failed: %s", out.constData());
    return rc == 0;
}
} // namespace lightd::test
