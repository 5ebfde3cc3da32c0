#include "network/Firewall.h"

#include "network/NetworkLog.h"

#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <unistd.h>

namespace lightd::network {
namespace {
struct Run
{
    int exitCode = -1;
    QString output;
};

Run run(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(15000);
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

QString toolFor(const PortDto &p)
{
    return QHostAddress(p.ip).protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("ip6tables")
                                                                          : QStringLiteral("iptables");
}

QStringList ruleArgs(const QString &chain, const PortDto &p)
{
    return {chain,
            QStringLiteral("-p"),
            p.protocol,
            QStringLiteral("--dport"),
            QString::number(p.port),
            QStringLiteral("-j"),
            QStringLiteral("ACCEPT")};
}

void ensureChain(const QString &tool, const QString &chain)
{
    run(tool, {QStringLiteral("-w"), QStringLiteral("-N"), chain}); // fails harmlessly if it exists
    const QStringList jump{QStringLiteral("INPUT"), QStringLiteral("-j"), chain};
    if (run(tool, QStringList{QStringLiteral("-w"), QStringLiteral("-C")} + jump).exitCode != 0)
        run(tool, QStringList{QStringLiteral("-w"), QStringLiteral("-I")} + jump);
}
} // namespace

Firewall::Firewall(const QString &chain, bool enabled, QObject *parent)
    : QObject(parent), m_enabled(enabled), m_chain(chain)
{
    if (!m_enabled)
        return;
    if (::geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("iptables")).isEmpty()) {
        qCWarning(lcNetwork) << "network.manage_firewall is on but iptables is missing or we are not root;"
                             << "pool ports will not be opened in the firewall";
        m_enabled = false;
        return;
    }
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("firewall"));
    m_thread.start();
}

Firewall::~Firewall()
{
    m_thread.quit();
    m_thread.wait();
}

void Firewall::restore(const QList<PortDto> &ports)
{
    if (!m_enabled)
        return;
    QMetaObject::invokeMethod(m_worker, [chain = m_chain, ports] {
        for (const QString &tool : {QStringLiteral("iptables"), QStringLiteral("ip6tables")}) {
            ensureChain(tool, chain);
            run(tool, {QStringLiteral("-w"), QStringLiteral("-F"), chain});
        }
        for (const auto &p : ports)
            run(toolFor(p), QStringList{QStringLiteral("-w"), QStringLiteral("-A")} + ruleArgs(chain, p));
        qCInfo(lcNetwork) << "firewall chain" << chain << "restored with" << ports.size() << "rules";
    });
}

void Firewall::open(const QList<PortDto> &ports)
{
    if (!m_enabled)
        return;
    QMetaObject::invokeMethod(m_worker, [chain = m_chain, ports] {
        for (const auto &p : ports) {
            if (run(toolFor(p), QStringList{QStringLiteral("-w"), QStringLiteral("-C")} + ruleArgs(chain, p))
                    .exitCode != 0)
                run(toolFor(p), QStringList{QStringLiteral("-w"), QStringLiteral("-A")} + ruleArgs(chain, p));
        }
    });
}

void Firewall::close(const QList<PortDto> &ports)
{
    if (!m_enabled)
        return;
    QMetaObject::invokeMethod(m_worker, [chain = m_chain, ports] {
        for (const auto &p : ports) {
            // -D removes one copy; loop in case an earlier run left duplicates
            for (int i = 0; i < 8; ++i) {
                if (run(toolFor(p),
                        QStringList{QStringLiteral("-w"), QStringLiteral("-D")} + ruleArgs(chain, p))
                        .exitCode != 0)
                    break;
            }
        }
    });
}

QStringList Firewall::listRules(const QString &chain)
{
    return run(QStringLiteral("iptables"), {QStringLiteral("-w"), QStringLiteral("-S"), chain})
        .output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}
} // namespace lightd::network
