// GET /openapi.json from the real daemon: public, lists every route of daemon/api/Routes.cpp (read
// from the source, so a route added there is checked here too) and nothing else, and a real
// validator from npm (@redocly/cli, pinned in tests/openapi/package.json) lints it without errors.
#include "ApiTestUtil.h"

#include <QTemporaryDir>

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

namespace {
QString openApiPath(const QString &pattern)
{
    QStringList parts = pattern.split(QLatin1Char('/'));
    for (auto &p : parts) {
        if (p.startsWith(QLatin1Char(':')))
            p = QLatin1Char('{') + p.mid(1) + QLatin1Char('}');
    }
    return parts.join(QLatin1Char('/'));
}
} // namespace

class TestApiOpenApi : public QObject
{
    Q_OBJECT
    std::unique_ptr<DaemonProcess> m_daemon;
    QByteArray m_doc;

  private Q_SLOTS:
    void initTestCase()
    {
        m_daemon = std::make_unique<DaemonProcess>(testConfig());
        QVERIFY(m_daemon->start());
        const auto r = curl({m_daemon->url(QStringLiteral("/openapi.json"))}); // public: no token, no vendor
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("application/json"));
        m_doc = r.body;
        QCOMPARE(r.json().value(QStringLiteral("openapi")).toString(), QStringLiteral("3.1.0"));
    }

    void everyRouteOfTheTableIsAnOperationAndBack()
    {
        const QJsonObject paths =
            QJsonDocument::fromJson(m_doc).object().value(QStringLiteral("paths")).toObject();
        const auto table = routeTable();
        QVERIFY(table.size() > 40);
        QStringList missing;
        QSet<QString> expected;
        for (const auto &r : table) {
            const QString method = QString::fromLatin1(r.method).toLower();
            expected.insert(method + QLatin1Char(' ') + openApiPath(r.pattern));
            if (!paths.value(openApiPath(r.pattern)).toObject().contains(method))
                missing << QString::fromLatin1(r.method) + QLatin1Char(' ') + r.pattern;
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("routes of daemon/api/Routes.cpp missing from /openapi.json: ") +
                            missing.join(QStringLiteral(", "))));
        QStringList extra;
        for (auto it = paths.constBegin(); it != paths.constEnd(); ++it) {
            for (const auto &method : it.value().toObject().keys()) {
                if (!expected.contains(method + QLatin1Char(' ') + it.key()))
                    extra << method + QLatin1Char(' ') + it.key();
            }
        }
        QVERIFY2(extra.isEmpty(),
                 qPrintable(QStringLiteral("operations without a route in daemon/api/Routes.cpp: ") +
                            extra.join(QStringLiteral(", "))));
    }

    void redoclyLintPasses()
    {
        const QString redocly = sourceDir() + QStringLiteral("/tests/openapi/node_modules/.bin/redocly");
        QVERIFY2(QFile::exists(redocly),
                 "the validator is missing: run scripts/install-deps.sh (npm ci --prefix tests/openapi)");
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("openapi.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_doc);
        f.close();
        QProcess lint;
        lint.setProcessChannelMode(QProcess::MergedChannels);
        lint.setWorkingDirectory(dir.path());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REDOCLY_TELEMETRY"), QStringLiteral("off"));
        env.insert(QStringLiteral("REDOCLY_SUPPRESS_UPDATE_NOTICE"), QStringLiteral("true"));
        lint.setProcessEnvironment(env);
        lint.start(redocly, {QStringLiteral("lint"), file, QStringLiteral("--format=stylish")});
        QVERIFY(lint.waitForFinished(180000));
        const QByteArray out = lint.readAll();
        QVERIFY2(lint.exitStatus() == QProcess::NormalExit && lint.exitCode() == 0, out.constData());
        qInfo("%s", out.right(400).constData());
    }
};

QTEST_GUILESS_MAIN(TestApiOpenApi)
#include "tst_api_openapi.moc"
