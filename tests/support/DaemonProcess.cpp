#include "DaemonProcess.h"

#include "Await.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <csignal>

namespace lightd::test {
namespace {
QJsonObject merge(QJsonObject base, const QJsonObject &over)
{
    for (auto it = over.constBegin(); it != over.constEnd(); ++it) {
        if (it.value().isObject() && base.value(it.key()).isObject())
            base.insert(it.key(), merge(base.value(it.key()).toObject(), it.value().toObject()));
        else
            base.insert(it.key(), it.value());
    }
    return base;
}
} // namespace

QString DaemonProcess::binary()
{
    // The sanitizer run (tests/sanitize/run.sh) points every test at the ASan + UBSan daemon; CTest's
    // own LIGHTD_BINARY is set per test and cannot be overridden from outside.
    const QString sanitized = qEnvironmentVariable("LIGHTD_SANITIZED_BINARY");
    if (!sanitized.isEmpty())
        return sanitized;
    return qEnvironmentVariable("LIGHTD_BINARY", QStringLiteral("lightd"));
}

DaemonProcess::DaemonProcess(const QJsonObject &extraConfig)
{
    quint32 words[4];
    QRandomGenerator::global()->fillRange(words);
    m_token = QStringLiteral("lightd_test_%1%2%3%4")
                  .arg(words[0], 8, 16, QLatin1Char('0'))
                  .arg(words[1], 8, 16, QLatin1Char('0'))
                  .arg(words[2], 8, 16, QLatin1Char('0'))
                  .arg(words[3], 8, 16, QLatin1Char('0'));
    writeConfig(extraConfig);
    m_client = std::make_unique<ApiClient>();
    m_client->setToken(m_token);
}

DaemonProcess::~DaemonProcess()
{
    if (isRunning())
        stop(10000);
    if (isRunning())
        kill();
}

QString DaemonProcess::configPath() const
{
    return m_dir.filePath(QStringLiteral("config.json"));
}

void DaemonProcess::writeConfig(const QJsonObject &extra)
{
    const QJsonObject base{
        {QStringLiteral("server"),
         QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}},
        {QStringLiteral("authorization"), QJsonObject{{QStringLiteral("token"), m_token}}},
        {QStringLiteral("network"), QJsonObject{{QStringLiteral("manage_firewall"), false}}},
        {QStringLiteral("sftp"),
         QJsonObject{{QStringLiteral("port"), 0}, {QStringLiteral("host"), QStringLiteral("127.0.0.1")}}},
        {QStringLiteral("containers"), QJsonObject{{QStringLiteral("stop_timeout_s"), 5}}},
    };
    QJsonObject withEngine = base;
    // tests/integration/engines/run-with-engine.sh runs a test against another engine (Podman, a
    // TLS endpoint): its `docker` section arrives here, unless the test sets one itself.
    const QByteArray engine = qgetenv("LIGHTD_TEST_ENGINE_CONFIG");
    if (!engine.isEmpty() && !extra.contains(QStringLiteral("docker")))
        withEngine.insert(QStringLiteral("docker"), QJsonDocument::fromJson(engine).object());
    QFile f(configPath());
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(QJsonDocument(merge(withEngine, extra)).toJson());
}

bool DaemonProcess::start(int timeoutMs)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setWorkingDirectory(m_dir.path());
    // Output goes to a file, not a pipe: a test blocked in a synchronous wait (curl's waitForFinished)
    // runs no event loop to drain a pipe, and a daemon with 64 KiB of log unread would block on write.
    m_logPath = m_dir.path() + QStringLiteral("/daemon.out");
    m_process->setStandardOutputFile(m_logPath, QIODevice::Truncate);
    m_port = 0;
    if (qEnvironmentVariableIsSet("LIGHTD_TEST_VERBOSE")) {
        QObject::connect(m_process.get(), &QProcess::finished, m_process.get(),
                         [this] { fprintf(stderr, "%s", log().constData()); });
    }
    m_process->start(binary(), QStringList{QStringLiteral("--config"), configPath()} + m_extraArgs);
    if (!m_process->waitForStarted(5000))
        return false;
    static const QRegularExpression re(QStringLiteral("listening on [^ ]+:(\\d+)"));
    const bool up = waitUntil(
        [&] {
            const auto m = re.match(QString::fromUtf8(log()));
            if (m.hasMatch())
                m_port = quint16(m.captured(1).toUInt());
            return m_port != 0 || m_process->state() == QProcess::NotRunning;
        },
        timeoutMs);
    if (!up || m_port == 0) {
        qWarning("daemon did not start:\n%s", log().constData());
        return false;
    }
    m_client->setBaseUrl(QUrl(baseUrl()));
    return true;
}

bool DaemonProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return true;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    return waitUntil([&] { return m_process->state() == QProcess::NotRunning; }, timeoutMs);
}

void DaemonProcess::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
}

QByteArray DaemonProcess::log() const
{
    QFile f(m_logPath);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool DaemonProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

int DaemonProcess::exitCode() const
{
    return m_process ? m_process->exitCode() : -1;
}

QString DaemonProcess::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QStringList DaemonProcess::authArgs() const
{
    return {QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + m_token, QStringLiteral("-H"),
            QStringLiteral("Accept: Application/vnd.pkglatv1+json")};
}
} // namespace lightd::test
