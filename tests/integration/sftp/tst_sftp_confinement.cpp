// Every SFTP path stays inside the container's volume (API.md section 9): the traversal battery
// (`..`, absolute paths, symlinks to /etc, to a directory outside and to another volume planted in
// the volume from the host side, a symlinked parent, rename out of the root, hard and symbolic
// links) is refused with nothing outside touched; a put past the quota fails and leaves the old
// file and the usage right; paramiko does the everyday operations too. Real daemon, container, clients.
#include "SftpTestUtil.h"

#include <QStorageInfo>

#include <QDir>

using namespace lightd::test;
using namespace lightd::test::sftp;

class TestSftpConfinement : public QObject
{
    Q_OBJECT

    std::unique_ptr<SftpEnv> m_env;
    QTemporaryDir m_tmp, m_outside;
    QString m_id, m_volume, m_other;
    Login m_login;

    QString local(const char *name) const { return m_tmp.filePath(S(name)); }
    QString inVolume(const QString &rel) const { return m_volume + S("/") + rel; }
    void refused(const QString &commands)
    {
        QByteArray out;
        const int rc = sftpBatch(m_login, commands, &out);
        QVERIFY2(rc != 0, qPrintable(commands + S(" was not refused: ") + QString::fromUtf8(out)));
        QVERIFY2(!out.contains("root:x:0"), out.constData());
    }

    QByteArray m_lastDf;
    // OpenSSH sftp's `df` (1 KiB units): size, used, available, available to root.
    QList<qint64> dfKb(const Login &login)
    {
        m_lastDf.clear();
        if (sftpBatch(login, S("df\n"), &m_lastDf) != 0)
            return {};
        QList<qint64> figures;
        for (const QByteArray &line : m_lastDf.split('\n')) {
            const QList<QByteArray> cols = line.simplified().split(' ');
            if (cols.size() == 5 && cols[4].endsWith('%')) {
                bool ok = true;
                for (int i = 0; i < 4 && ok; ++i)
                    figures.append(cols[i].toLongLong(&ok));
                return ok ? figures : QList<qint64>{};
            }
        }
        return {};
    }

  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        m_env = std::make_unique<SftpEnv>(S("sftpc"));
        QVERIFY(m_env->started);
        m_id = m_env->id(S("jail"));
        QVERIFY(m_env->makeContainer(m_id, &m_volume));
        m_login = m_env->credentials(m_id);
        QVERIFY(!m_env->createVolume(&m_other).isEmpty());
        QVERIFY(writeFile(m_other + S("/secret.txt"), "other volume\n"));
        QVERIFY(writeFile(m_outside.filePath(S("victim.txt")), "outside\n"));
        QVERIFY(writeFile(inVolume(S("inside.txt")), "inside\n"));
        QVERIFY(writeFile(local("payload.txt"), "payload\n"));
        // Planted from the host side, as a container could plant them.
        QVERIFY(QFile::link(S("/etc"), inVolume(S("etclink"))));
        QVERIFY(QFile::link(m_outside.path(), inVolume(S("outlink"))));
        QVERIFY(QFile::link(m_other, inVolume(S("otherlink"))));
        QVERIFY(QDir().mkpath(inVolume(S("real"))));
        QVERIFY(QFile::link(S("../outlink"), inVolume(S("real/up"))));
    }

    void traversalIsRefused()
    {
        const QString p = local("payload.txt"), got = local("got.txt");
        refused(S("get ../../../../etc/passwd %1\n").arg(got));
        refused(S("get /../etc/passwd %1\n").arg(got));
        refused(S("get /etc/passwd %1\n").arg(got)); // `/` is the volume root: there is no /etc there
        refused(S("get etclink/passwd %1\n").arg(got));
        refused(S("ls etclink/hostname\n"));
        refused(S("cd etclink\nls\n"));
        refused(S("get otherlink/secret.txt %1\n").arg(got));
        refused(S("get real/up/victim.txt %1\n").arg(got));
        refused(S("put %1 etclink/pwned\n").arg(p));
        refused(S("put %1 outlink/pwned\n").arg(p));
        refused(S("put %1 otherlink/pwned\n").arg(p));
        refused(S("put %1 real/up/pwned\n").arg(p));
        refused(S("put %1 ../pwned\n").arg(p));
        refused(S("mkdir etclink/newdir\n"));
        refused(S("rm outlink/victim.txt\n"));
        refused(S("chmod 777 outlink/victim.txt\n"));
        refused(S("rename inside.txt ../inside.txt\n"));
        refused(S("rename inside.txt outlink/inside.txt\n"));
        refused(S("rename outlink/victim.txt stolen.txt\n"));
        refused(S("ln inside.txt hard.txt\n"));
        refused(S("ln outlink/victim.txt hard.txt\n"));
        refused(S("ln -s /etc/passwd sym\n"));
        QVERIFY(!QFile::exists(local("got.txt")));
        QVERIFY(!QFile::exists(S("/etc/pwned")));
        QVERIFY(!QFile::exists(m_outside.filePath(S("pwned"))));
        QVERIFY(!QFile::exists(m_other + S("/pwned")));
        QVERIFY(!QFileInfo::exists(QFileInfo(m_volume).dir().filePath(S("pwned"))));
        QCOMPARE(readFile(m_outside.filePath(S("victim.txt"))), QByteArray("outside\n"));
        QCOMPARE(int(QFileInfo(m_outside.filePath(S("victim.txt"))).permissions() & 0x0007), 0x0004);
        QCOMPARE(readFile(inVolume(S("inside.txt"))), QByteArray("inside\n"));
        QVERIFY(!QFile::exists(inVolume(S("hard.txt"))));
        QVERIFY(!QFileInfo(inVolume(S("sym"))).isSymLink());
        QCOMPARE(QDir(m_other).entryList(QDir::Files), QStringList{S("secret.txt")});
        // The links themselves are still what they were, and within the volume things still work.
        QVERIFY(QFileInfo(inVolume(S("etclink"))).isSymLink());
        QByteArray out;
        QVERIFY2(sftpBatch(m_login, S("get inside.txt %1\nls -l\n").arg(local("inside.back")), &out) == 0,
                 out.constData());
        QVERIFY2(!out.contains(m_volume.toUtf8()), out.constData()); // no host path shown
    }

    void quotaRefusesAndKeepsTheOldFile()
    {
        const QString id = m_env->id(S("quota"));
        QString volume, volumeId;
        QVERIFY(m_env->makeContainer(id, &volume, &volumeId, 3));
        const Login login = m_env->credentials(id);
        QVERIFY(writeRandomFile(local("one.bin"), 1 << 20));
        QVERIFY(writeRandomFile(local("five.bin"), 5 << 20));
        QByteArray out;
        QVERIFY2(sftpBatch(login, S("put %1 keep.bin\n").arg(local("one.bin")), &out) == 0, out.constData());
        const QByteArray sum = sha256File(local("one.bin"));
        QVERIFY(sftpBatch(login, S("put %1 keep.bin\n").arg(local("five.bin")), &out) != 0);
        QVERIFY2(out.contains("quota exceeded") || out.contains("Failure"), out.constData());
        QCOMPARE(sha256File(volume + S("/keep.bin")), sum);
        QVERIFY(sftpBatch(login, S("put %1 new.bin\n").arg(local("five.bin")), &out) != 0);
        QVERIFY(!QFile::exists(volume + S("/new.bin")));
        QStringList leftovers = QDir(volume).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(leftovers, QStringList{S("keep.bin")}); // no temp file left behind
        const double used =
            m_env->get(S("/volumes/%1/quota").arg(volumeId)).json().value(S("used_mb")).toDouble();
        QVERIFY2(used >= 0.99 && used <= 1.1, qPrintable(QString::number(used)));
        // `df` (statvfs@openssh.com): the volume is a 3 MiB disk with what the quota leaves free.
        const QList<qint64> df = dfKb(login);
        QVERIFY2(df.size() == 4, qPrintable(S("df: ") + QString::fromUtf8(m_lastDf)));
        qInfo("df with a 3 MiB quota and 1 MiB stored: %s", m_lastDf.simplified().constData());
        QCOMPARE(df[0], 3072);
        QVERIFY2(df[1] >= 1024 && df[1] <= 1127, m_lastDf.constData());
        QVERIFY2(qAbs(df[0] - df[1] - df[2]) <= 4, m_lastDf.constData());
        m_env->call("DELETE", S("/containers/") + id);
    }

    // Without a quota `df` shows the disk the volume lives on.
    void dfWithoutQuotaShowsTheDisk()
    {
        const QList<qint64> df = dfKb(m_login);
        QVERIFY2(df.size() == 4, qPrintable(S("df: ") + QString::fromUtf8(m_lastDf)));
        QCOMPARE(df[0], QStorageInfo(m_volume).bytesTotal() / 1024);
    }

    void paramikoOperations()
    {
        QByteArray out;
        // Debian's python3 (python3-paramiko), not whatever python3 comes first on PATH.
        const QString python = QFile::exists(S("/usr/bin/python3")) ? S("/usr/bin/python3") : S("python3");
        const int rc = run(python,
                           {sourceDir() + S("/tests/integration/sftp/paramiko_ops.py"),
                            QString::number(m_login.port), m_login.user, m_login.password, m_tmp.path()},
                           &out, 120000);
        QVERIFY2(rc == 0 && out.contains("ALL OK"), out.constData());
    }

    void cleanupTestCase()
    {
        if (m_env)
            m_env->call("DELETE", S("/containers/") + m_id);
        m_env.reset();
    }
};

QTEST_GUILESS_MAIN(TestSftpConfinement)
#include "tst_sftp_confinement.moc"
