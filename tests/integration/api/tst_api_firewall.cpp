// network.manage_firewall: pool ports become ACCEPT rules in the daemon's own chain (run as root
// with iptables; skipped otherwise). The chain is unique per test run and removed at the end.
#include "ApiTestUtil.h"

#include <QStandardPaths>
#include <unistd.h>

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

namespace {
QString run(const QString &tool, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(tool, args);
    p.waitForFinished(15000);
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
}

QStringList rules(const QString &chain, const QString &tool = QStringLiteral("iptables"))
{
    int code = 0;
    const QString out = run(tool, {QStringLiteral("-w"), QStringLiteral("-S"), chain}, &code);
    return code == 0 ? out.split(QLatin1Char('\n'), Qt::SkipEmptyParts) : QStringList();
}

QString rule(const QString &chain, const char *proto, int port)
{
    return QStringLiteral("-A %1 -p %2 -m %2 --dport %3 -j ACCEPT")
        .arg(chain, QLatin1StringView(proto))
        .arg(port);
}

bool jumpExists(const QString &chain, const QString &tool = QStringLiteral("iptables"))
{
    int code = -1;
    run(tool,
        {QStringLiteral("-w"), QStringLiteral("-C"), QStringLiteral("INPUT"), QStringLiteral("-j"), chain},
        &code);
    return code == 0;
}

void removeChain(const QString &chain)
{
    for (const QString &tool : {QStringLiteral("iptables"), QStringLiteral("ip6tables")}) {
        for (int i = 0; i < 8 && jumpExists(chain, tool); ++i)
            run(tool, {QStringLiteral("-w"), QStringLiteral("-D"), QStringLiteral("INPUT"),
                       QStringLiteral("-j"), chain});
        run(tool, {QStringLiteral("-w"), QStringLiteral("-F"), chain});
        run(tool, {QStringLiteral("-w"), QStringLiteral("-X"), chain});
    }
}
} // namespace

class TestApiFirewall : public QObject
{
    Q_OBJECT

    QString m_chain = QStringLiteral("LTEST-%1").arg(::getpid());
    std::unique_ptr<DaemonProcess> m_daemon;
    DaemonProcess &d() { return *m_daemon; }

    CurlResult addPort(int port, const char *proto, const char *ip = "0.0.0.0")
    {
        return curl(curlArgs(d(), "POST", QStringLiteral("/network/ports"),
                             jsonBody(QStringLiteral("{\"ip\":\"%1\",\"port\":%2,\"protocol\":\"%3\"}")
                                          .arg(QLatin1StringView(ip))
                                          .arg(port)
                                          .arg(QLatin1StringView(proto))
                                          .toUtf8())));
    }

    bool waitForRule(const QString &r, bool present, const QString &tool = QStringLiteral("iptables"))
    {
        return waitUntil([&] { return rules(m_chain, tool).contains(r) == present; }, 10000);
    }

  private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root");
        if (QStandardPaths::findExecutable(QStringLiteral("iptables")).isEmpty())
            QSKIP("iptables not installed");
        int code = -1;
        run(QStringLiteral("iptables"), {QStringLiteral("-w"), QStringLiteral("-S"), QStringLiteral("INPUT")},
            &code);
        if (code != 0)
            QSKIP("iptables does not work here (no netfilter permission in this container?)");
        removeChain(m_chain); // a leftover of an earlier crashed run with the same pid
        m_daemon = std::make_unique<DaemonProcess>(
            testConfig({{QStringLiteral("network"), QJsonObject{{QStringLiteral("manage_firewall"), true},
                                                                {QStringLiteral("chain"), m_chain}}}}));
        QVERIFY(d().start());
    }

    void cleanupTestCase()
    {
        m_daemon.reset();
        if (::geteuid() == 0) {
            removeChain(m_chain);
            QVERIFY(!jumpExists(m_chain));
            QVERIFY(rules(m_chain).isEmpty());
        }
    }

    void chainCreatedAndJumpedTo()
    {
        QVERIFY(waitUntil([&] { return rules(m_chain).contains(QStringLiteral("-N ") + m_chain); }, 10000));
        QVERIFY(waitUntil([&] { return jumpExists(m_chain); }, 10000));
    }

    void addingAPortOpensIt()
    {
        QCOMPARE(addPort(34567, "tcp").status, 201);
        QVERIFY2(waitForRule(rule(m_chain, "tcp", 34567), true),
                 qPrintable(rules(m_chain).join(QLatin1Char('\n'))));
        QCOMPARE(addPort(34568, "udp").status, 201);
        QVERIFY2(waitForRule(rule(m_chain, "udp", 34568), true),
                 qPrintable(rules(m_chain).join(QLatin1Char('\n'))));
        // exactly one rule per port
        QCOMPARE(rules(m_chain).count(rule(m_chain, "tcp", 34567)), 1);
    }

    void ipv6PortUsesIp6tables()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("ip6tables")).isEmpty())
            QSKIP("ip6tables not installed");
        QCOMPARE(addPort(34569, "tcp", "::").status, 201);
        QVERIFY2(waitForRule(rule(m_chain, "tcp", 34569), true, QStringLiteral("ip6tables")),
                 qPrintable(rules(m_chain, QStringLiteral("ip6tables")).join(QLatin1Char('\n'))));
    }

    void bulkAddOpensAll()
    {
        const auto r = curl(curlArgs(
            d(), "POST", QStringLiteral("/network/ports/bulk"),
            jsonBody(
                R"({"ports":[{"ip":"0.0.0.0","port":35001,"protocol":"tcp"},{"ip":"0.0.0.0","port":35002,"protocol":"tcp"}]})")));
        QCOMPARE(r.json().value(QStringLiteral("added_count")).toInt(), 2);
        QVERIFY(waitForRule(rule(m_chain, "tcp", 35001), true));
        QVERIFY(waitForRule(rule(m_chain, "tcp", 35002), true));
    }

    void deletingAPortClosesIt()
    {
        QCOMPARE(curl(curlArgs(d(), "DELETE", QStringLiteral("/network/ports/0.0.0.0/34567"))).status, 200);
        QVERIFY2(waitForRule(rule(m_chain, "tcp", 34567), false),
                 qPrintable(rules(m_chain).join(QLatin1Char('\n'))));
        // the others stay
        QVERIFY(rules(m_chain).contains(rule(m_chain, "udp", 34568)));
        const auto bulk = curl(curlArgs(d(), "POST", QStringLiteral("/network/ports/bulk-delete"),
                                        jsonBody(R"({"ports":[{"ip":"0.0.0.0","port":35001}]})")));
        QCOMPARE(bulk.json().value(QStringLiteral("deleted_count")).toInt(), 1);
        QVERIFY(waitForRule(rule(m_chain, "tcp", 35001), false));
        QVERIFY(rules(m_chain).contains(rule(m_chain, "tcp", 35002)));
    }

    void restartRestoresTheChain()
    {
        QVERIFY(d().stop());
        // wipe the chain behind the daemon's back; the start must rebuild it from the pool
        removeChain(m_chain);
        QVERIFY(rules(m_chain).isEmpty());
        QVERIFY(d().start());
        QVERIFY2(waitForRule(rule(m_chain, "udp", 34568), true),
                 qPrintable(rules(m_chain).join(QLatin1Char('\n'))));
        QVERIFY(waitForRule(rule(m_chain, "tcp", 35002), true));
        QVERIFY(waitUntil([&] { return jumpExists(m_chain); }, 10000));
        QVERIFY(!rules(m_chain).contains(rule(m_chain, "tcp", 34567)));
        // a stray rule in the chain is flushed by the restore
        QVERIFY(d().stop());
        run(QStringLiteral("iptables"),
            {QStringLiteral("-w"), QStringLiteral("-A"), m_chain, QStringLiteral("-p"), QStringLiteral("tcp"),
             QStringLiteral("--dport"), QStringLiteral("39999"), QStringLiteral("-j"),
             QStringLiteral("ACCEPT")});
        QVERIFY(d().start());
        QVERIFY(waitForRule(rule(m_chain, "tcp", 39999), false));
        QVERIFY(waitForRule(rule(m_chain, "udp", 34568), true));
        // one jump only, however often the daemon starts
        int jumps = 0;
        for (const auto &line : rules(QStringLiteral("INPUT")))
            jumps += line == QStringLiteral("-A INPUT -j ") + m_chain;
        QCOMPARE(jumps, 1);
    }
};

QTEST_GUILESS_MAIN(TestApiFirewall)
#include "tst_api_firewall.moc"
