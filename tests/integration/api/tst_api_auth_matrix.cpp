// Issue 20's auth matrix: every route registered in daemon/api/Routes.cpp (read from the source) and
// the console WebSocket entry, each against: no token -> 401, a wrong token -> 401, no vendor header
// -> 403 invalid_vendor, a real token outside its scope -> 403 forbidden, a scoped REST token on a
// master-only route -> 403 forbidden, and the right credentials -> past auth. Every route needs its
// row in kMatrix: a route added without one (or a row left after its route went) fails the test.
// (SFTP logins are not tokens: the sftp suite checks them, rate limit included.)
#include "ApiTestUtil.h"

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

namespace {
enum class Rule { Public, Protected, MasterOnly, Metrics };
struct Row
{
    const char *method;
    const char *pattern;
    Rule rule;
};

// One row per route of daemon/api/Routes.cpp, with the access rule the contract gives it.
const Row kMatrix[] = {
    {"GET", "/health", Rule::Public},
    {"GET", "/api/v1/public/ping", Rule::Public},
    {"GET", "/openapi.json", Rule::Public},
    {"GET", "/metrics", Rule::Metrics},
    {"GET", "/system/metrics", Rule::Protected},
    {"GET", "/system/info", Rule::Protected},
    {"GET", "/system/containers", Rule::Protected},
    {"POST", "/auth/tokens", Rule::MasterOnly},
    {"GET", "/auth/tokens", Rule::MasterOnly},
    {"DELETE", "/auth/tokens/:id", Rule::MasterOnly},
    {"POST", "/network/ports", Rule::Protected},
    {"GET", "/network/ports", Rule::Protected},
    {"GET", "/network/ports/random", Rule::Protected},
    {"POST", "/network/ports/bulk", Rule::Protected},
    {"POST", "/network/ports/bulk-delete", Rule::Protected},
    {"GET", "/network/ports/:ip/:port", Rule::Protected},
    {"DELETE", "/network/ports/:ip/:port", Rule::Protected},
    {"PUT", "/network/ports/:ip/:port/use", Rule::Protected},
    {"GET", "/network/ports/available", Rule::Protected},
    {"GET", "/network/ports/:id", Rule::Protected},
    {"DELETE", "/network/ports/:id", Rule::Protected},
    {"POST", "/network/ports/:id/use", Rule::Protected},
    {"POST", "/volumes", Rule::Protected},
    {"GET", "/volumes", Rule::Protected},
    {"GET", "/volumes/:id", Rule::Protected},
    {"DELETE", "/volumes/:id", Rule::Protected},
    {"POST", "/containers", Rule::Protected},
    {"GET", "/containers", Rule::Protected},
    {"GET", "/containers/:id", Rule::Protected},
    {"DELETE", "/containers/:id", Rule::Protected},
    {"POST", "/containers/:id/start", Rule::Protected},
    {"POST", "/containers/:id/stop", Rule::Protected},
    {"POST", "/containers/:id/kill", Rule::Protected},
    {"POST", "/containers/:id/restart", Rule::Protected},
    {"POST", "/containers/:id/suspend", Rule::Protected},
    {"POST", "/containers/:id/resume", Rule::Protected},
    {"POST", "/containers/:id/reinstall", Rule::Protected},
    {"POST", "/containers/:id/rebind-network", Rule::Protected},
    {"POST", "/containers/:id/command", Rule::Protected},
    {"GET", "/containers/:id/logs", Rule::Protected},
    {"POST", "/containers/:id/resources", Rule::Protected},
    {"GET", "/containers/:id/resources", Rule::Protected},
    {"POST", "/containers/:id/startup", Rule::Protected},
    {"POST", "/containers/:id/start-pattern", Rule::Protected},
    {"POST", "/containers/:id/volumes", Rule::Protected},
    {"GET", "/containers/:id/status", Rule::Protected},
    {"GET", "/containers/:id/validate", Rule::Protected},
    {"POST", "/containers/:id/repair", Rule::Protected},
    {"POST", "/containers/:id/sftp/credentials", Rule::Protected},
    {"POST", "/containers/:id/sftp/keys", Rule::Protected},
    {"GET", "/containers/:id/sftp/keys", Rule::Protected},
    {"DELETE", "/containers/:id/sftp/keys/:fingerprint", Rule::Protected},
    {"GET", "/containers/:id/sftp/info", Rule::Protected},
    {"GET", "/billing/rates", Rule::Protected},
    {"POST", "/billing/estimate", Rule::Protected},
    {"POST", "/billing/estimate/container", Rule::Protected},
    {"POST", "/billing/estimate/volume", Rule::Protected},
    {"GET", "/billing/containers", Rule::Protected},
    {"GET", "/billing/usage/:id/hourly", Rule::Protected},
    {"GET", "/billing/usage/:id/hourly/series", Rule::Protected},
    {"GET", "/billing/usage/:id/daily", Rule::Protected},
    {"GET", "/billing/usage/:id/daily/series", Rule::Protected},
    {"GET", "/billing/usage/:id/monthly", Rule::Protected},
    {"GET", "/billing/usage/:id/monthly/series", Rule::Protected},
    {"GET", "/remote/status", Rule::Protected},
    {"GET", "/remote/config", Rule::Protected},
    {"POST", "/remote/config/reload", Rule::Protected},
    {"GET", "/volumes/:id/files", Rule::Protected},
    {"POST", "/volumes/:id/files", Rule::Protected},
    {"DELETE", "/volumes/:id/files", Rule::Protected},
    {"GET", "/volumes/:id/files/content", Rule::Protected},
    {"PUT", "/volumes/:id/files/content", Rule::Protected},
    {"POST", "/volumes/:id/folders", Rule::Protected},
    {"POST", "/volumes/:id/copy", Rule::Protected},
    {"POST", "/volumes/:id/rename", Rule::Protected},
    {"POST", "/volumes/:id/chmod", Rule::Protected},
    {"POST", "/volumes/:id/compress", Rule::Protected},
    {"POST", "/volumes/:id/decompress", Rule::Protected},
    {"GET", "/volumes/:id/quota", Rule::Protected},
    {"POST", "/volumes/:id/resize", Rule::Protected},
    {"POST", "/volumes/:id/write", Rule::Protected},
    {"POST", "/volumes/:id/create-folder", Rule::Protected},
    {"GET", "/volumes/:id/files/detailed", Rule::Protected},
};

QString ruleName(Rule r)
{
    switch (r) {
    case Rule::Public:
        return QStringLiteral("Public");
    case Rule::Protected:
        return QStringLiteral("Protected");
    case Rule::MasterOnly:
        return QStringLiteral("MasterOnly");
    case Rule::Metrics:
        return QStringLiteral("Metrics");
    }
    return {};
}

QStringList bearer(const QString &token)
{
    return {QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + token};
}
const QStringList kVendorHeader{QStringLiteral("-H"), QStringLiteral("Accept: ") + kVendor};

QStringList routeArgs(const DaemonProcess &d, const RouteEntry &r)
{
    QStringList a{QStringLiteral("-X"), QString::fromLatin1(r.method), d.url(concretePath(r.pattern))};
    if (r.pattern.endsWith(QLatin1StringView("/files")) || r.pattern.endsWith(QLatin1StringView("/content")))
        a.last() += QStringLiteral("?path=matrix.txt");
    if (r.method == "POST" || r.method == "PUT")
        a << QStringLiteral("-H") << QStringLiteral("Content-Type: application/json")
          << QStringLiteral("--data-binary") << QStringLiteral("{}");
    return a;
}

QString describe(const char *check, const RouteEntry &r, const CurlResult &res)
{
    return QStringLiteral("%1: %2 %3 -> %4 %5")
        .arg(QLatin1StringView(check), QString::fromLatin1(r.method), r.pattern)
        .arg(res.status)
        .arg(QString::fromUtf8(res.body.left(200)));
}

bool isCode(const CurlResult &r, int status, const char *code)
{
    return r.status == status && r.json().value(QStringLiteral("code")).toString() == QLatin1StringView(code);
}
} // namespace

class TestApiAuthMatrix : public QObject
{
    Q_OBJECT
    std::unique_ptr<DaemonProcess> m_daemon;
    QString m_apiToken;  // scoped ["api"]: REST, not tokens, not consoles
    QString m_wsToken;   // scoped ["ws:matrix-ct"]: one console, no REST
    QString m_onceToken; // remove_on_use: one console connect, no REST
    const QString m_metricsToken = QStringLiteral("matrix-metrics-token-000111");
    DaemonProcess &d() { return *m_daemon; }

    QString mint(const QByteArray &body)
    {
        const auto r = curl(curlArgs(d(), "POST", QStringLiteral("/auth/tokens"), jsonBody(body)));
        return r.status == 201 ? r.json().value(QStringLiteral("token")).toString() : QString();
    }

  private Q_SLOTS:
    void initTestCase()
    {
        m_daemon = std::make_unique<DaemonProcess>(testConfig(
            {{QStringLiteral("authorization"), QJsonObject{{QStringLiteral("max_failures"), 100000}}},
             {QStringLiteral("server"), QJsonObject{{QStringLiteral("metrics_token"), m_metricsToken}}}}));
        QVERIFY(d().start());
        m_apiToken = mint(R"({"ttl":"1h","scopes":["api"]})");
        m_wsToken = mint(R"({"ttl":"1h","scopes":["ws:matrix-ct"]})");
        m_onceToken = mint(R"({"ttl":"1h","remove_on_use":true})");
        QVERIFY(!m_apiToken.isEmpty() && !m_wsToken.isEmpty() && !m_onceToken.isEmpty());
    }

    void everyRouteHasARow()
    {
        const auto table = routeTable();
        QVERIFY2(table.size() > 40, "could not read daemon/api/Routes.cpp");
        QStringList problems;
        for (const auto &r : table) {
            const auto row = std::find_if(std::begin(kMatrix), std::end(kMatrix), [&](const Row &m) {
                return r.method == m.method && r.pattern == QLatin1StringView(m.pattern);
            });
            if (row == std::end(kMatrix))
                problems << QStringLiteral(
                                "route %1 %2 (Access::%3) has no row: add {\"%1\", \"%2\", Rule::%3}, to "
                                "kMatrix in tests/integration/api/tst_api_auth_matrix.cpp")
                                .arg(QString::fromLatin1(r.method), r.pattern, r.access);
            else if (ruleName(row->rule) != r.access)
                problems << QStringLiteral(
                                "route %1 %2 is Access::%3 in Routes.cpp but Rule::%4 in kMatrix: which is "
                                "right?")
                                .arg(QString::fromLatin1(r.method), r.pattern, r.access, ruleName(row->rule));
        }
        for (const auto &m : kMatrix) {
            const bool routed = std::any_of(table.cbegin(), table.cend(), [&](const RouteEntry &r) {
                return r.method == m.method && r.pattern == QLatin1StringView(m.pattern);
            });
            if (!routed)
                problems << QStringLiteral(
                                "row %1 %2 of kMatrix has no route in daemon/api/Routes.cpp: remove it")
                                .arg(QLatin1StringView(m.method), QLatin1StringView(m.pattern));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));
    }

    void matrix()
    {
        int checked = 0;
        for (const auto &r : routeTable()) {
            const auto args = routeArgs(d(), r);
            if (r.access == QLatin1StringView("Public")) {
                const auto open = curl(args);
                QVERIFY2(open.status == 200, qPrintable(describe("public, no credentials", r, open)));
                continue;
            }
            ++checked;
            const auto none = curl(args + kVendorHeader);
            QVERIFY2(isCode(none, 401, "unauthorized"), qPrintable(describe("no token", r, none)));
            const auto wrong =
                curl(args + kVendorHeader + bearer(QStringLiteral("lightd_0000000000000000wrong")));
            QVERIFY2(isCode(wrong, 401, "unauthorized"), qPrintable(describe("wrong token", r, wrong)));
            const auto noVendor = curl(args + bearer(d().token()));
            QVERIFY2(isCode(noVendor, 403, "invalid_vendor"),
                     qPrintable(describe("no vendor header", r, noVendor)));
            // real tokens outside their scope: a console-only token, a one-time console ticket
            for (const QString &t : {m_wsToken, m_onceToken}) {
                const auto scoped = curl(args + kVendorHeader + bearer(t));
                QVERIFY2(isCode(scoped, 403, "forbidden"),
                         qPrintable(describe("token outside its scope", r, scoped)));
            }
            const auto api = curl(args + kVendorHeader + bearer(m_apiToken));
            if (r.access == QLatin1StringView("MasterOnly")) {
                QVERIFY2(isCode(api, 403, "forbidden"),
                         qPrintable(describe("scoped token on master-only", r, api)));
            } else {
                QVERIFY2(api.status != 401 && api.status != 403,
                         qPrintable(describe("api-scoped token", r, api)));
            }
            const auto master = curl(args + kVendorHeader + bearer(d().token()));
            QVERIFY2(master.status != 401 && master.status != 403,
                     qPrintable(describe("master token", r, master)));
            // the scrape token opens /metrics and nothing else
            const auto scrape = curl(args + kVendorHeader + bearer(m_metricsToken));
            if (r.access == QLatin1StringView("Metrics"))
                QVERIFY2(scrape.status == 200, qPrintable(describe("metrics token", r, scrape)));
            else
                QVERIFY2(isCode(scrape, 401, "unauthorized"),
                         qPrintable(describe("metrics token elsewhere", r, scrape)));
        }
        qInfo("auth matrix: %d protected routes x 8 checks", checked);
        QVERIFY(checked > 40);
    }

    void webSocketEntry()
    {
        // GET /ws/:internal_id?token= : 401 without or with a wrong token, 403 for a real token of
        // another scope; the vendor header does not apply (browsers cannot set it).
        const QString base = d().url(QStringLiteral("/ws/matrix-ct"));
        auto upgrade = [&](const QString &query) {
            return curl({QStringLiteral("--max-time"), QStringLiteral("5"), QStringLiteral("--http1.1"),
                         QStringLiteral("-H"), QStringLiteral("Connection: Upgrade"), QStringLiteral("-H"),
                         QStringLiteral("Upgrade: websocket"), QStringLiteral("-H"),
                         QStringLiteral("Sec-WebSocket-Version: 13"), QStringLiteral("-H"),
                         QStringLiteral("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="), base + query});
        };
        const auto none = upgrade(QString());
        QVERIFY2(isCode(none, 401, "unauthorized"), none.body.constData());
        const auto wrong = upgrade(QStringLiteral("?token=lightd_0000000000000000wrong"));
        QVERIFY2(isCode(wrong, 401, "unauthorized"), wrong.body.constData());
        const auto api = upgrade(QStringLiteral("?token=") + m_apiToken);
        QVERIFY2(isCode(api, 403, "forbidden"), api.body.constData());
        const auto metrics = upgrade(QStringLiteral("?token=") + m_metricsToken);
        QVERIFY2(isCode(metrics, 401, "unauthorized"), metrics.body.constData());
        // its own scope and the master token get past auth (no such container: 404)
        QVERIFY(isCode(upgrade(QStringLiteral("?token=") + m_wsToken), 404, "container_not_found"));
        QVERIFY(isCode(upgrade(QStringLiteral("?token=") + d().token()), 404, "container_not_found"));
    }
};

QTEST_GUILESS_MAIN(TestApiAuthMatrix)
#include "tst_api_auth_matrix.moc"
