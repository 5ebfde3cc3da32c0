// The container's SFTP box against the real daemon with its SFTP server on (API.md section 9): it
// shows host, port and user, generates a password shown once that OpenSSH's sftp (via sshpass) then
// logs in with, adds a public key from a file (and refuses a private one before sending it), lists
// and removes it — each checked through REST and on disk.
#include "Await.h"
#include "DaemonProcess.h"
#include "dialogs/SftpPasswordDialog.h"
#include "lightd/ApiClient.h"
#include "models/SftpKeysModel.h"
#include "nodes/NodeConnection.h"
#include "pages/SftpPanel.h"
#include "widgets/TableView.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace lightd;
using namespace lightd::gui;
using lightd::test::awaitResult;
using lightd::test::DaemonProcess;
using lightd::test::waitUntil;

namespace {
const QString kPrefix = QStringLiteral("guisftp-");

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::Any, 0);
    return s.serverPort();
}

// Below Linux's ephemeral range, so no daemon of a parallel test binding port 0 is handed it.
quint16 sftpPort()
{
    for (int i = 0; i < 200; ++i) {
        const auto port = quint16(20000 + QRandomGenerator::global()->bounded(12000));
        QTcpServer probe;
        if (probe.listen(QHostAddress::Any, port))
            return port;
    }
    return freePort();
}

int run(const QString &program, const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(120000))
        p.kill();
    if (out)
        *out = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void removeLeftovers()
{
    QByteArray ids;
    run(QStringLiteral("docker"),
        {QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
         QStringLiteral("name=lightd-") + kPrefix},
        &ids);
    QStringList rm{QStringLiteral("rm"), QStringLiteral("-f")};
    for (const QByteArray &id : ids.split('\n'))
        if (!id.trimmed().isEmpty())
            rm << QString::fromLatin1(id.trimmed());
    if (rm.size() > 2)
        run(QStringLiteral("docker"), rm);
}

QStringList sshOptions(int port)
{
    return {QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=no"),
            QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=/dev/null"),
            QStringLiteral("-o"), QStringLiteral("LogLevel=ERROR"),
            QStringLiteral("-o"), QStringLiteral("ConnectTimeout=20"),
            QStringLiteral("-P"), QString::number(port)};
}
} // namespace

class TstGuiSftp : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase()
    {
        const QString source = qEnvironmentVariable("LIGHTD_SOURCE_DIR");
        QVERIFY(!source.isEmpty());
        QCOMPARE(run(QStringLiteral("bash"), {source + QStringLiteral("/tests/support/make-test-image.sh")}),
                 0);
        removeLeftovers();
        m_sftpPort = sftpPort();
        m_daemon = std::make_unique<DaemonProcess>(
            QJsonObject{{QStringLiteral("sftp"), QJsonObject{{QStringLiteral("enabled"), true},
                                                             {QStringLiteral("port"), m_sftpPort}}}});
        QVERIFY(m_daemon->start());
        QVERIFY(waitUntil(
            [&] {
                auto r = awaitResult<ApiResult<QJsonObject>>([&](auto done) {
                    m_daemon->client().request("GET", QStringLiteral("/system/metrics"), done);
                });
                return r && r->ok() && (*r)->value(QStringLiteral("docker_available")).toBool();
            },
            20000));
        m_node = std::make_unique<NodeConnection>(
            NodeInfo{QStringLiteral("n1"), QStringLiteral("node"), QUrl(m_daemon->baseUrl())});
        m_node->setToken(m_daemon->token());
        QVERIFY(waitUntil([&] { return m_node->isConnected(); }));

        auto volume = awaitResult<ApiResult<VolumeDto>>(
            [&](auto done) { m_daemon->client().createVolume(std::nullopt, done); });
        QVERIFY(volume && volume->ok());
        m_volumePath = (*volume)->path;
        QVERIFY(QFileInfo(m_volumePath).isDir());
        m_id = kPrefix + QStringLiteral("Box");
        auto created = awaitResult<ApiResult<QJsonObject>>([&](auto done) {
            m_daemon->client().createContainer(
                QJsonObject{{QStringLiteral("internal_id"), m_id},
                            {QStringLiteral("image"), QStringLiteral("lightd-test:busybox")},
                            {QStringLiteral("volume_id"), (*volume)->volumeId},
                            {QStringLiteral("startup_command"), QStringLiteral("sleep 3600")}},
                done);
        });
        QVERIFY2(created && created->ok(), created ? qPrintable(created->error.message) : "timeout");
        QVERIFY(waitUntil(
            [&] {
                auto r = awaitResult<ApiResult<ContainerDto>>(
                    [&](auto done) { m_daemon->client().getContainer(m_id, done); });
                return r && r->ok() && (*r)->installState == QLatin1StringView("ready");
            },
            90000));
    }

    void showsNoLoginYet()
    {
        m_panel = std::make_unique<SftpPanel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_panel->keysModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_panel->open(m_node.get(), m_id);
        m_panel->show();
        QVERIFY(waitUntil([&] { return m_panel->statusText().contains(QStringLiteral("No SFTP login")); }));
        QVERIFY(!m_panel->isConfigured());
        QVERIFY(m_panel->url().isEmpty());
        QVERIFY(!m_panel->copyUrlButton()->isEnabled());
        QVERIFY(m_panel->generateButton()->isEnabled());
    }

    void generatedPasswordLogsIn()
    {
        QPointer<SftpPasswordDialog> dialog;
        connect(m_panel.get(), &SftpPanel::passwordGenerated, this,
                [&](SftpPasswordDialog *d) { dialog = d; });
        QTest::mouseClick(m_panel->generateButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return dialog && m_panel->isConfigured(); }));
        const QString password = dialog->password();
        QCOMPARE(password.size(), 24);
        QTest::mouseClick(dialog->copyButton(), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), password);

        // The box shows the login the node answers with, and the URL to copy.
        const QString user = m_id.toLower();
        QCOMPARE(m_panel->username(), user);
        QCOMPARE(m_panel->port(), int(m_sftpPort));
        QCOMPARE(m_panel->host(), QUrl(m_daemon->baseUrl()).host());
        const QString url = QStringLiteral("sftp://%1@%2:%3").arg(user, m_panel->host()).arg(m_sftpPort);
        QCOMPARE(m_panel->url(), url);
        QVERIFY(m_panel->copyUrlButton()->isEnabled());
        QTest::mouseClick(m_panel->copyUrlButton(), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), url);
        auto info =
            awaitResult<ApiResult<SftpInfoDto>>([&](auto done) { m_daemon->client().sftpInfo(m_id, done); });
        QVERIFY(info && info->ok());
        QCOMPARE((*info)->username, user);

        // OpenSSH's sftp logs in with the password shown and puts a file into the volume.
        QVERIFY(m_tmp.isValid());
        const QString local = m_tmp.filePath(QStringLiteral("hello.txt"));
        QFile f(local);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("from the gui password\n");
        f.close();
        QByteArray out;
        QCOMPARE(sftp(password, QStringLiteral("put %1 hello.txt\nls\n").arg(local), &out), 0);
        QFile onDisk(m_volumePath + QStringLiteral("/hello.txt"));
        QVERIFY2(onDisk.open(QIODevice::ReadOnly), out.constData());
        QCOMPARE(onDisk.readAll(), QByteArray("from the gui password\n"));
        dialog->close();
        QVERIFY(waitUntil([&] { return !dialog; }));

        // A second password replaces the first: the old one is refused, the new one works.
        QTest::mouseClick(m_panel->generateButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return dialog && dialog->password() != password; }));
        QVERIFY(sftp(password, QStringLiteral("ls\n"), &out) != 0);
        QCOMPARE(sftp(dialog->password(), QStringLiteral("ls\n"), &out), 0);
        QVERIFY(out.contains("hello.txt"));
        dialog->close();
    }

    void keyAddedFromFileAndRemoved()
    {
        const QString key = m_tmp.filePath(QStringLiteral("id_ed25519"));
        QCOMPARE(
            run(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                 QString(), QStringLiteral("-C"), QStringLiteral("gui@test"), QStringLiteral("-f"), key}),
            0);
        // The private key is refused before anything is sent.
        m_panel->addKeyFromFile(key);
        QVERIFY(waitUntil([&] { return m_panel->statusText().contains(QStringLiteral("private key")); }));
        QCOMPARE(restKeys().size(), 0);

        m_panel->addKeyFromFile(key + QStringLiteral(".pub"));
        QVERIFY(waitUntil([&] { return m_panel->keysModel()->rowCount() == 1; }));
        const SftpKeyDto shown = m_panel->keysModel()->row(0);
        QCOMPARE(shown.comment, QStringLiteral("gui@test"));
        QCOMPARE(shown.type, QStringLiteral("ssh-ed25519"));
        QByteArray keygen;
        run(QStringLiteral("ssh-keygen"),
            {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"), QStringLiteral("-f"),
             key + QStringLiteral(".pub")},
            &keygen);
        QVERIFY2(keygen.contains(shown.fingerprint.toUtf8()), keygen.constData());
        QCOMPARE(restKeys().size(), 1);
        QCOMPARE(restKeys().first().fingerprint, shown.fingerprint);

        // The key logs in.
        QByteArray out;
        QStringList args = sshOptions(m_sftpPort);
        args << QStringLiteral("-b") << QStringLiteral("-") << QStringLiteral("-i") << key
             << QStringLiteral("-o") << QStringLiteral("IdentitiesOnly=yes")
             << QStringLiteral("%1@127.0.0.1").arg(m_id.toLower());
        QCOMPARE(runWithInput(QStringLiteral("sftp"), args, "ls\n", &out), 0);
        QVERIFY2(out.contains("hello.txt"), out.constData());

        // Selected and removed with the button (a fingerprint with '/' and '+' in the URL path).
        m_panel->keysView()->selectSourceRow(0);
        auto *remove = m_panel->findChild<QPushButton *>(QStringLiteral("removeSftpKey"));
        QVERIFY(remove && remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(waitUntil([&] { return m_panel->keysModel()->rowCount() == 0; }));
        QCOMPARE(restKeys().size(), 0);
        QVERIFY(!m_panel->statusText().contains(QStringLiteral("not removed")));
    }

    void cleanupTestCase()
    {
        m_tester.reset();
        m_panel.reset();
        m_node.reset();
        if (m_daemon) {
            awaitResult<ApiResult<QJsonObject>>(
                [&](auto done) { m_daemon->client().deleteContainer(m_id, done); }, 60000);
            m_daemon.reset();
        }
        removeLeftovers();
    }

  private:
    int sftp(const QString &password, const QString &commands, QByteArray *out)
    {
        QStringList args{QStringLiteral("-p"), password, QStringLiteral("sftp")};
        args << sshOptions(m_sftpPort) << QStringLiteral("-o") << QStringLiteral("BatchMode=no")
             << QStringLiteral("-o") << QStringLiteral("PubkeyAuthentication=no") << QStringLiteral("-o")
             << QStringLiteral("NumberOfPasswordPrompts=1") << QStringLiteral("-b") << QStringLiteral("-")
             << QStringLiteral("%1@127.0.0.1").arg(m_id.toLower());
        return runWithInput(QStringLiteral("sshpass"), args, commands.toUtf8(), out);
    }
    static int runWithInput(const QString &program, const QStringList &args, const QByteArray &input,
                            QByteArray *out)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(120000))
            p.kill();
        *out = p.readAll();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    QList<SftpKeyDto> restKeys()
    {
        auto r = awaitResult<ApiResult<QList<SftpKeyDto>>>(
            [&](auto done) { m_daemon->client().sftpKeys(m_id, done); });
        return r && r->ok() ? **r : QList<SftpKeyDto>{};
    }

    std::unique_ptr<DaemonProcess> m_daemon;
    std::unique_ptr<NodeConnection> m_node;
    std::unique_ptr<SftpPanel> m_panel;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QTemporaryDir m_tmp;
    QString m_id;
    QString m_volumePath;
    quint16 m_sftpPort = 0;
};

QTEST_MAIN(TstGuiSftp)
#include "tst_gui_sftp.moc"
