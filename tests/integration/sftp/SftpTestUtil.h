#pragma once
// Helpers for the SFTP integration tests (API.md section 9): the real daemon with its SFTP server on,
// a real container (image lightd-test:busybox) whose volume is the session root, and real clients
// (OpenSSH sftp/ssh with sshpass, ssh-keyscan, python3-paramiko).
#include "../containers/ContainerTestUtil.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTemporaryDir>

namespace lightd::test::sftp {
inline QString S(const char *s)
{
    return QString::fromUtf8(s);
}

struct Login
{
    QString user;
    int port = 0;
    QString password; // sshpass, or
    QString keyFile;  // an identity file
};

inline QStringList commonSshOptions()
{
    return {S("-o"), S("StrictHostKeyChecking=no"), S("-o"), S("UserKnownHostsFile=/dev/null"),
            S("-o"), S("LogLevel=ERROR"),           S("-o"), S("ConnectTimeout=20")};
}

// Runs `sftp -b` with the commands (one per line); its exit code (0 = every command succeeded).
inline int sftpBatch(const Login &login, const QString &commands, QByteArray *out = nullptr,
                     int timeoutMs = 180000)
{
    QTemporaryDir dir;
    const QString batch = dir.filePath(S("batch"));
    QFile f(batch);
    if (!f.open(QIODevice::WriteOnly))
        return -1;
    f.write(commands.toUtf8());
    f.close();
    QStringList args = commonSshOptions();
    // sftp -b implies BatchMode (password prompts off) and ssh keeps the first value it is given:
    // BatchMode=no goes first for sshpass.
    if (login.keyFile.isEmpty())
        args << S("-o") << S("BatchMode=no");
    args << S("-b") << batch << S("-P") << QString::number(login.port);
    if (!login.keyFile.isEmpty()) {
        args << S("-i") << login.keyFile << S("-o") << S("IdentitiesOnly=yes") << S("-o")
             << S("PasswordAuthentication=no") << S("-o") << S("KbdInteractiveAuthentication=no");
        args << login.user + S("@127.0.0.1");
        return run(S("sftp"), args, out, timeoutMs);
    }
    args << S("-o") << S("PubkeyAuthentication=no") << S("-o") << S("NumberOfPasswordPrompts=1")
         << login.user + S("@127.0.0.1");
    return run(S("sshpass"), QStringList{S("-p"), login.password, S("sftp")} + args, out, timeoutMs);
}

inline QByteArray sha256File(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

inline bool writeRandomFile(const QString &path, qint64 bytes)
{
    return run(S("dd"), {S("if=/dev/urandom"), S("of=") + path, S("bs=1M"), S("count=%1").arg(bytes >> 20),
                         S("status=none")}) == 0;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// An interactive sftp session kept open (its stdin stays open) until the server ends it.
class OpenSession
{
  public:
    explicit OpenSession(const Login &login)
    {
        QStringList args = commonSshOptions();
        args << S("-P") << QString::number(login.port);
        if (!login.keyFile.isEmpty()) {
            args << S("-i") << login.keyFile << S("-o") << S("IdentitiesOnly=yes") << S("-o")
                 << S("PasswordAuthentication=no") << login.user + S("@127.0.0.1");
            m_proc.start(S("sftp"), args);
        } else {
            args << S("-o") << S("PubkeyAuthentication=no") << login.user + S("@127.0.0.1");
            m_proc.start(S("sshpass"), QStringList{S("-p"), login.password, S("sftp")} + args);
        }
        m_proc.setProcessChannelMode(QProcess::MergedChannels);
    }
    ~OpenSession()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.kill();
            m_proc.waitForFinished(5000);
        }
    }
    // Logged in: the prompt answered a `pwd`.
    bool waitReady(int ms = 20000)
    {
        m_proc.write("pwd\n");
        return waitUntil([&] { return m_out.append(m_proc.readAll()).contains("Remote working directory"); },
                         ms);
    }
    // The client only notices a closed connection when it next talks to it: keep asking.
    bool waitEnded(int ms = 10000)
    {
        return waitUntil(
            [&] {
                if (m_proc.state() == QProcess::NotRunning)
                    return true;
                m_proc.write("ls\n");
                m_proc.waitForFinished(200);
                return m_proc.state() == QProcess::NotRunning;
            },
            ms);
    }
    bool running() const { return m_proc.state() != QProcess::NotRunning; }
    QByteArray output() { return m_out.append(m_proc.readAll()); }

  private:
    QProcess m_proc;
    QByteArray m_out;
};

// The daemon with SFTP on a fixed free port (so restarts keep it), one volume, one container.
class SftpEnv : public ct::Env
{
  public:
    explicit SftpEnv(const QString &tag, QJsonObject extra = {}) : ct::Env(tag, withSftp(extra), false)
    {
        started = startDaemon();
    }
    static QJsonObject withSftp(QJsonObject extra)
    {
        QJsonObject s = extra.value(S("sftp")).toObject();
        s.insert(S("enabled"), true);
        if (!s.contains(S("port")))
            s.insert(S("port"), portBelowEphemeralRange());
        extra.insert(S("sftp"), s);
        return extra;
    }
    // A fixed port survives restarts; below Linux's ephemeral range (32768-60999) so no daemon of a
    // test running alongside, binding port 0, can be handed it by the kernel meanwhile.
    static int portBelowEphemeralRange()
    {
        for (int i = 0; i < 200; ++i) {
            const auto port = quint16(20000 + QRandomGenerator::global()->bounded(12000));
            QTcpServer probe;
            if (probe.listen(QHostAddress::Any, port))
                return port;
        }
        return ct::freePort();
    }
    int sftpPort() const { return m_sftpPort; }

    // A ready container on a fresh volume; *volumePath = the volume's host directory.
    bool makeContainer(const QString &internalId, QString *volumePath, QString *volumeId = nullptr,
                       std::optional<int> quotaMb = std::nullopt)
    {
        QString id;
        if (quotaMb) {
            const Reply r = post(S("/volumes"), {{S("size_mb"), *quotaMb}});
            id = r.json().value(S("volume_id")).toString();
            *volumePath = r.json().value(S("path")).toString();
        } else {
            id = createVolume(volumePath);
        }
        if (volumeId)
            *volumeId = id;
        return !id.isEmpty() && createReady(internalId, id, S("sleep 3600"));
    }
    // POST credentials; the login (port from the answer).
    Login credentials(const QString &internalId, const QJsonObject &body = {})
    {
        const Reply r = call("POST", S("/containers/%1/sftp/credentials").arg(internalId), body, true);
        if (r.status != 200)
            qWarning("credentials: %s", qPrintable(r.dump()));
        m_sftpPort = r.json().value(S("port")).toInt();
        return Login{r.json().value(S("username")).toString(),
                     m_sftpPort,
                     r.json().value(S("password")).toString(),
                     {}};
    }

  private:
    int m_sftpPort = 0;
};
} // namespace lightd::test::sftp
