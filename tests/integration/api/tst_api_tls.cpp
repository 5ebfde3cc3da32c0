// TLS is served when configured, and a plain-HTTP daemon keeps OpenSSL out of its process (it turns
// Qt's plugin scan off; see daemon/storage/SqliteDriver.h) while SQLite still works.
#include "ApiTestUtil.h"

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

namespace {
QByteArray mappedLibraries(qint64 pid)
{
    QFile maps(QStringLiteral("/proc/%1/maps").arg(pid));
    return maps.open(QIODevice::ReadOnly) ? maps.readAll() : QByteArray();
}
} // namespace

class TestApiTls : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void plainDaemonLoadsNoTlsBackend()
    {
        DaemonProcess d(testConfig());
        QVERIFY(d.start());
        // Storage works through the SQLite plugin loaded by path: a volume is written and read back.
        const auto made = curl(curlArgs(d, "POST", QStringLiteral("/volumes"), jsonBody("{}")));
        QCOMPARE(made.status, 201);
        const auto listed = curl(curlArgs(d, "GET", QStringLiteral("/volumes")));
        QCOMPARE(listed.status, 200);
        QVERIFY(listed.body.contains(made.json().value(QStringLiteral("id")).toString().toUtf8()));

        const QByteArray maps = mappedLibraries(d.process().processId());
        QVERIFY(maps.contains("libQt6Network"));
        QVERIFY2(!maps.contains("libqopensslbackend"), "the OpenSSL TLS plugin was loaded");
        QVERIFY2(!maps.contains("libssl.so"), "libssl was loaded");
        QVERIFY2(!d.log().contains("TLS backend"), d.log().constData());
    }

    void tlsDaemonServesHttps()
    {
        QTemporaryDir keys;
        const QString cert = keys.filePath(QStringLiteral("cert.pem")),
                      key = keys.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                       QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);

        DaemonProcess d(
            testConfig({{QStringLiteral("server"),
                         QJsonObject{{QStringLiteral("tls"), QJsonObject{{QStringLiteral("cert"), cert},
                                                                         {QStringLiteral("key"), key}}}}}}));
        QVERIFY(d.start());
        const QString https = QStringLiteral("https://127.0.0.1:%1").arg(d.port());
        const auto health = curl({QStringLiteral("--cacert"), cert, https + QStringLiteral("/health")});
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const auto authed = curl(
            QStringList{QStringLiteral("--cacert"), cert, https + QStringLiteral("/volumes")} + d.authArgs());
        QCOMPARE(authed.status, 200);
        // Plain HTTP on the TLS port gets no API answer.
        const auto plain =
            curl({QStringLiteral("--max-time"), QStringLiteral("5"), d.url(QStringLiteral("/health"))});
        QVERIFY(plain.status != 200);
    }
};

QTEST_GUILESS_MAIN(TestApiTls)
#include "tst_api_tls.moc"
