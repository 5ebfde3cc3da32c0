// The SFTP server with OpenSSH's own client (API.md section 9): password (sshpass) and ed25519 key
// logins, the everyday operations, a 100 MB round trip, the host key kept across a restart, shells
// refused, sessions ended when credentials change or the container goes, and failed logins rate
// limited. Real daemon, real Docker container, real clients.
#include "SftpTestUtil.h"

using namespace lightd::test;
using namespace lightd::test::sftp;

class TestSftpOpenSsh : public QObject
{
    Q_OBJECT

    std::unique_ptr<SftpEnv> m_env;
    QTemporaryDir m_tmp;
    QString m_id, m_volume;
    Login m_login;

    QString local(const char *name) const { return m_tmp.filePath(S(name)); }
    QString inVolume(const QString &rel) const { return m_volume + S("/") + rel; }
    QByteArray keyscan()
    {
        QByteArray out;
        run(S("ssh-keyscan"),
            {S("-t"), S("ed25519"), S("-p"), QString::number(m_env->sftpPort()), S("127.0.0.1")}, &out,
            20000);
        QByteArrayList keys;
        for (const QByteArray &line : out.split('\n'))
            if (line.contains("ssh-ed25519"))
                keys.append(line.trimmed());
        return keys.join('\n');
    }

  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(ensureImage());
        // A short window so the rate-limit test at the end does not leave the address blocked for long.
        m_env = std::make_unique<SftpEnv>(
            S("sftp"), QJsonObject{{S("authorization"),
                                    QJsonObject{{S("max_failures"), 10}, {S("failure_window_s"), 20}}}});
        QVERIFY(m_env->started);
        m_id = m_env->id(S("one"));
        QVERIFY(m_env->makeContainer(m_id, &m_volume));
        m_login = m_env->credentials(m_id, {{S("password"), S("correct-horse-battery-staple")}});
        QCOMPARE(m_login.user, m_id.toLower());
        QVERIFY(m_login.port > 0);
    }

    void credentialsAndInfo()
    {
        const Reply info = m_env->get(S("/containers/%1/sftp/info").arg(m_id));
        QCOMPARE(info.status, 200);
        QCOMPARE(info.json().value(S("username")).toString(), m_login.user);
        QCOMPARE(info.json().value(S("host")).toString(), S("127.0.0.1"));
        QCOMPARE(info.json().value(S("volume_path")).toString(), S("/home/container"));
        QVERIFY(!info.body.contains("password"));
        // Bad input: short password, bad username; an unknown container.
        Reply r = m_env->post(S("/containers/%1/sftp/credentials").arg(m_id), {{S("password"), S("short")}});
        QCOMPARE(r.status, 400);
        r = m_env->post(S("/containers/%1/sftp/credentials").arg(m_id), {{S("username"), S("Bad/Name")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(m_env->get(S("/containers/%1/sftp/info").arg(m_env->id(S("nope")))).status, 404);
        // The password is stored hashed (argon2id), never in clear.
        QByteArray dump;
        run(S("sqlite3"),
            {m_env->daemon->dataDir() + S("/data/lightd.db"), S("SELECT password_hash FROM sftp_accounts")},
            &dump);
        if (!dump.isEmpty()) {
            QVERIFY2(dump.startsWith("$argon2id$"), dump.constData());
            QVERIFY(!dump.contains("correct-horse"));
        }
    }

    void passwordOperations()
    {
        QVERIFY(writeFile(local("hello.txt"), "hello over sftp\n"));
        QByteArray out;
        const int rc = sftpBatch(m_login,
                                 S("put %1 hello.txt\n"
                                   "ls -l\n"
                                   "mkdir docs\n"
                                   "rename hello.txt docs/hello.txt\n"
                                   "chmod 600 docs/hello.txt\n"
                                   "get docs/hello.txt %2\n"
                                   "mkdir gone\n"
                                   "rmdir gone\n"
                                   "put %1 tmp.txt\n"
                                   "rm tmp.txt\n"
                                   "pwd\n")
                                     .arg(local("hello.txt"), local("back.txt")),
                                 &out);
        QVERIFY2(rc == 0, out.constData());
        QVERIFY2(out.contains("Remote working directory: /\n"), out.constData()); // never a host path
        QCOMPARE(readFile(local("back.txt")), QByteArray("hello over sftp\n"));
        QCOMPARE(readFile(inVolume(S("docs/hello.txt"))), QByteArray("hello over sftp\n"));
        QFileInfo fi(inVolume(S("docs/hello.txt")));
        QCOMPARE(int(fi.permissions() & 0x7777),
                 int(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
        QVERIFY(!QFileInfo::exists(inVolume(S("gone"))));
        QVERIFY(!QFileInfo::exists(inVolume(S("tmp.txt"))));
        QVERIFY(!QFileInfo::exists(inVolume(S("hello.txt"))));
        QVERIFY(waitUntil(
            [&] { return m_env->daemon->log().contains("session user=" + m_login.user.toUtf8()); }, 5000));
        QVERIFY(m_env->daemon->log().contains("auth=password"));
    }

    void keyOperations()
    {
        const QString key = local("id_ed25519");
        QCOMPARE(run(S("ssh-keygen"),
                     {S("-q"), S("-t"), S("ed25519"), S("-N"), S(""), S("-C"), S("test@key"), S("-f"), key}),
                 0);
        const QByteArray pub = readFile(key + S(".pub")).trimmed();
        Reply r =
            m_env->post(S("/containers/%1/sftp/keys").arg(m_id), {{S("public_key"), QString::fromUtf8(pub)}});
        QCOMPARE(r.status, 201);
        const QString fp = r.json().value(S("fingerprint")).toString();
        QByteArray keygen;
        run(S("ssh-keygen"), {S("-l"), S("-E"), S("sha256"), S("-f"), key + S(".pub")}, &keygen);
        QVERIFY2(keygen.contains(fp.toUtf8()), qPrintable(fp + S(" vs ") + QString::fromUtf8(keygen)));
        r = m_env->get(S("/containers/%1/sftp/keys").arg(m_id));
        QCOMPARE(r.json().value(S("keys")).toArray().size(), 1);
        QCOMPARE(r.json().value(S("keys")).toArray().at(0).toObject().value(S("comment")).toString(),
                 S("test@key"));
        // Refused keys: a short RSA key, DSA, garbage.
        const QString rsa = local("id_rsa1024");
        run(S("ssh-keygen"), {S("-q"), S("-t"), S("rsa"), S("-b"), S("1024"), S("-N"), S(""), S("-f"), rsa});
        r = m_env->post(S("/containers/%1/sftp/keys").arg(m_id),
                        {{S("public_key"), QString::fromUtf8(readFile(rsa + S(".pub")))}});
        QCOMPARE(r.status, 400);
        r = m_env->post(S("/containers/%1/sftp/keys").arg(m_id),
                        {{S("public_key"), S("ssh-dss AAAAB3NzaC1kc3MAAACBAP")}});
        QCOMPARE(r.status, 400);

        Login keyLogin{m_login.user, m_login.port, {}, key};
        QVERIFY(writeFile(local("k.txt"), "by key\n"));
        QByteArray out;
        QVERIFY2(sftpBatch(keyLogin,
                           S("put %1 k.txt\nget k.txt %2\nls\n").arg(local("k.txt"), local("k.back")),
                           &out) == 0,
                 out.constData());
        QCOMPARE(readFile(local("k.back")), QByteArray("by key\n"));
        QVERIFY(waitUntil([&] { return m_env->daemon->log().contains("auth=publickey"); }, 5000));
        m_keyFingerprint = fp;
        m_keyFile = key;
    }

    void largeFileRoundTrip()
    {
        QVERIFY(writeRandomFile(local("big.bin"), 100LL << 20));
        QByteArray out;
        QVERIFY2(sftpBatch(m_login,
                           S("put %1 big.bin\nget big.bin %2\n").arg(local("big.bin"), local("big.back")),
                           &out) == 0,
                 out.constData());
        const QByteArray sum = sha256File(local("big.bin"));
        QCOMPARE(sha256File(inVolume(S("big.bin"))), sum);
        QCOMPARE(sha256File(local("big.back")), sum);
        QFile::remove(local("big.back"));
    }

    void onlySftpSubsystem()
    {
        QByteArray out;
        QStringList args = commonSshOptions();
        args << S("-o") << S("PubkeyAuthentication=no") << S("-p") << QString::number(m_login.port)
             << m_login.user + S("@127.0.0.1") << S("cat /etc/passwd");
        const int rc =
            run(S("sshpass"), QStringList{S("-p"), m_login.password, S("ssh")} + args, &out, 30000);
        QVERIFY2(rc != 0, out.constData());
        QVERIFY2(out.contains("sftp connections only"), out.constData());
        QVERIFY(!out.contains("root:"));
        // Port forwarding is refused.
        args = commonSshOptions();
        args << S("-o") << S("PubkeyAuthentication=no") << S("-o") << S("ExitOnForwardFailure=yes") << S("-N")
             << S("-L") << S("%1:127.0.0.1:%2").arg(ct::freePort()).arg(m_env->daemon->port()) << S("-p")
             << QString::number(m_login.port) << m_login.user + S("@127.0.0.1");
        QProcess fwd;
        fwd.setProcessChannelMode(QProcess::MergedChannels);
        fwd.start(S("sshpass"), QStringList{S("-p"), m_login.password, S("ssh")} + args);
        QVERIFY(fwd.waitForStarted());
        // -L is set up lazily: connect through it and see nothing come back from the REST port.
        QVERIFY(fwd.waitForFinished(3000) || fwd.state() == QProcess::Running);
        fwd.kill();
        fwd.waitForFinished();
    }

    void hostKeyStableAcrossRestart()
    {
        const QByteArray before = keyscan();
        QVERIFY2(!before.isEmpty(), "ssh-keyscan saw no ed25519 key");
        const QString keyPath = m_env->daemon->dataDir() + S("/data/sftp_host_ed25519_key");
        QFileInfo fi(keyPath);
        QVERIFY2(fi.exists(), qPrintable(keyPath));
        QCOMPARE(int(fi.permissions() & 0x0077), 0); // nobody but the owner
        QVERIFY(m_env->daemon->stop());
        QVERIFY(m_env->startDaemon());
        QCOMPARE(keyscan(), before);
        // Credentials survive the restart too.
        QByteArray out;
        QVERIFY2(sftpBatch(m_login, S("ls\n"), &out) == 0, out.constData());
    }

    void newPasswordEndsOpenSessions()
    {
        OpenSession s(m_login);
        QVERIFY2(s.waitReady(), s.output().constData());
        Login old = m_login;
        m_login = m_env->credentials(m_id, {{S("password"), S("another-long-password")}});
        QVERIFY2(s.waitEnded(5000), s.output().constData());
        QVERIFY(waitUntil([&] { return m_env->daemon->log().contains("end=credentials-changed"); }, 5000));
        QVERIFY(sftpBatch(old, S("ls\n")) != 0);
        QCOMPARE(sftpBatch(m_login, S("ls\n")), 0);
    }

    void removedKeyEndsItsSessions()
    {
        QVERIFY(!m_keyFile.isEmpty());
        Login keyLogin{m_login.user, m_login.port, {}, m_keyFile};
        OpenSession s(keyLogin);
        QVERIFY2(s.waitReady(), s.output().constData());
        QString fp = m_keyFingerprint;
        const Reply r = m_env->call(
            "DELETE",
            S("/containers/%1/sftp/keys/%2").arg(m_id, QString::fromLatin1(QUrl::toPercentEncoding(fp))));
        QCOMPARE(r.status, 200);
        QVERIFY2(s.waitEnded(5000), s.output().constData());
        QVERIFY(waitUntil([&] { return m_env->daemon->log().contains("end=key-removed"); }, 5000));
        QVERIFY(sftpBatch(keyLogin, S("ls\n")) != 0);
    }

    void deletedContainerEndsSessions()
    {
        const QString id = m_env->id(S("doomed"));
        QString volume;
        QVERIFY(m_env->makeContainer(id, &volume));
        const Login login = m_env->credentials(id);
        QCOMPARE(login.password.size(), 24);
        OpenSession s(login);
        QVERIFY2(s.waitReady(), s.output().constData());
        QVERIFY(m_env->call("DELETE", S("/containers/") + id).status < 300);
        QVERIFY2(s.waitEnded(10000), s.output().constData());
        QVERIFY(sftpBatch(login, S("ls\n")) != 0);
        // Same id again: no credentials survive.
        QVERIFY(m_env->makeContainer(id, &volume));
        QCOMPARE(m_env->get(S("/containers/%1/sftp/info").arg(id)).code(), S("sftp_not_configured"));
        m_env->call("DELETE", S("/containers/") + id);
    }

    void usernamesAreUnique()
    {
        const QString id = m_env->id(S("two"));
        QString volume;
        QVERIFY(m_env->makeContainer(id, &volume));
        const Reply r =
            m_env->post(S("/containers/%1/sftp/credentials").arg(id), {{S("username"), m_login.user}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), S("username_taken"));
        m_env->call("DELETE", S("/containers/") + id);
    }

    // Last: it leaves 127.0.0.1 blocked for the window.
    void wrongPasswordsAreRateLimited()
    {
        Login wrong = m_login;
        wrong.password = S("not-the-password");
        QElapsedTimer t;
        for (int i = 0; i < 10; ++i) {
            t.start();
            QVERIFY(sftpBatch(wrong, S("ls\n")) != 0);
            QVERIFY2(t.elapsed() >= 350, "a failed login takes the constant delay");
        }
        // Now even the right password is refused from this address.
        QVERIFY(sftpBatch(m_login, S("ls\n")) != 0);
        QVERIFY(waitUntil([&] { return m_env->daemon->log().contains("rate limited"); }, 5000));
    }

    void cleanupTestCase()
    {
        if (m_env)
            m_env->call("DELETE", S("/containers/") + m_id);
        m_env.reset();
    }

  private:
    QString m_keyFingerprint, m_keyFile;
};

QTEST_GUILESS_MAIN(TestSftpOpenSsh)
#include "tst_sftp_openssh.moc"
