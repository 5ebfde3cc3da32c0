// Authentication against the real daemon: every protected route of the route table (401 before 403),
// public routes, scoped tokens, expiry, rate limiting and the `lightd --token` CLI.
#include "ApiTestUtil.h"

#include <QDateTime>

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

namespace {
// The routes of the foundation issue; the test also reads daemon/api/Routes.cpp so later routes are
// covered too, and checks this list is still part of the table.
const QList<RouteEntry> kFoundationRoutes{
    {"GET", QStringLiteral("/health"), QStringLiteral("Public")},
    {"GET", QStringLiteral("/api/v1/public/ping"), QStringLiteral("Public")},
    {"POST", QStringLiteral("/auth/tokens"), QStringLiteral("MasterOnly")},
    {"GET", QStringLiteral("/auth/tokens"), QStringLiteral("MasterOnly")},
    {"DELETE", QStringLiteral("/auth/tokens/:id"), QStringLiteral("MasterOnly")},
    {"POST", QStringLiteral("/network/ports"), QStringLiteral("Protected")},
    {"GET", QStringLiteral("/network/ports"), QStringLiteral("Protected")},
    {"GET", QStringLiteral("/network/ports/random"), QStringLiteral("Protected")},
    {"POST", QStringLiteral("/network/ports/bulk"), QStringLiteral("Protected")},
    {"POST", QStringLiteral("/network/ports/bulk-delete"), QStringLiteral("Protected")},
    {"GET", QStringLiteral("/network/ports/:ip/:port"), QStringLiteral("Protected")},
    {"DELETE", QStringLiteral("/network/ports/:ip/:port"), QStringLiteral("Protected")},
    {"PUT", QStringLiteral("/network/ports/:ip/:port/use"), QStringLiteral("Protected")},
    {"POST", QStringLiteral("/volumes"), QStringLiteral("Protected")},
    {"GET", QStringLiteral("/volumes"), QStringLiteral("Protected")},
    {"GET", QStringLiteral("/volumes/:id"), QStringLiteral("Protected")},
    {"DELETE", QStringLiteral("/volumes/:id"), QStringLiteral("Protected")},
};

QList<RouteEntry> allRoutes()
{
    QList<RouteEntry> routes = routeTable();
    for (const auto &f : kFoundationRoutes) {
        const bool known = std::any_of(routes.cbegin(), routes.cend(), [&](const RouteEntry &e) {
            return e.method == f.method && e.pattern == f.pattern;
        });
        if (!known)
            routes.append(f);
    }
    return routes;
}

QStringList routeArgs(const DaemonProcess &d, const RouteEntry &r)
{
    QStringList a{QStringLiteral("-X"), QString::fromLatin1(r.method), d.url(concretePath(r.pattern))};
    if (r.method == "POST" || r.method == "PUT")
        a << QStringLiteral("-H") << QStringLiteral("Content-Type: application/json")
          << QStringLiteral("--data-binary") << QStringLiteral("{}");
    return a;
}

QStringList bearer(const QString &token)
{
    return {QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + token};
}

QStringList vendor(const QString &accept = kVendor)
{
    return {QStringLiteral("-H"), QStringLiteral("Accept: ") + accept};
}

QString describe(const RouteEntry &r, const CurlResult &res)
{
    return QStringLiteral("%1 %2 -> %3 %4")
        .arg(QString::fromLatin1(r.method), r.pattern)
        .arg(res.status)
        .arg(QString::fromUtf8(res.body));
}

struct CliRun
{
    int exitCode = -1;
    QByteArray out, err;
};

CliRun lightdCli(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(DaemonProcess::binary(), args);
    p.waitForStarted();
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(15000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString configToken(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path))
        .object()
        .value(QStringLiteral("authorization"))
        .toObject()
        .value(QStringLiteral("token"))
        .toString();
}
} // namespace

class TestApiAuth : public QObject
{
    Q_OBJECT

    std::unique_ptr<DaemonProcess> m_daemon;
    DaemonProcess &d() { return *m_daemon; }

    CurlResult createToken(const QByteArray &body)
    {
        return curl(curlArgs(d(), "POST", QStringLiteral("/auth/tokens"), jsonBody(body)));
    }

  private Q_SLOTS:
    void initTestCase()
    {
        // many deliberate failures from 127.0.0.1 below: keep the rate limiter out of the way here
        m_daemon = std::make_unique<DaemonProcess>(testConfig(
            {{QStringLiteral("authorization"), QJsonObject{{QStringLiteral("max_failures"), 100000}}}}));
        QVERIFY(d().start());
    }

    void routeTableParsed()
    {
        const auto table = routeTable();
        QVERIFY2(table.size() >= kFoundationRoutes.size(), "could not read daemon/api/Routes.cpp");
        for (const auto &f : kFoundationRoutes) {
            const auto it = std::find_if(table.cbegin(), table.cend(), [&](const RouteEntry &e) {
                return e.method == f.method && e.pattern == f.pattern;
            });
            QVERIFY2(it != table.cend(),
                     qPrintable(QString::fromLatin1(f.method) + QLatin1Char(' ') + f.pattern));
            QCOMPARE(it->access, f.access);
        }
        // only the documented routes are public (API.md section 2, and issue 19's /openapi.json)
        QStringList publicRoutes;
        for (const auto &r : table) {
            if (r.access == QLatin1StringView("Public"))
                publicRoutes << r.pattern;
        }
        publicRoutes.sort();
        QCOMPARE(publicRoutes, (QStringList{QStringLiteral("/api/v1/public/ping"), QStringLiteral("/health"),
                                            QStringLiteral("/openapi.json")}));
    }

    void protectedRoutesWithoutTokenAre401()
    {
        int checked = 0;
        for (const auto &r : allRoutes()) {
            if (r.access == QLatin1StringView("Public"))
                continue;
            ++checked;
            // no token at all (with the vendor header)
            const auto none = curl(routeArgs(d(), r) + vendor());
            QVERIFY2(none.status == 401 && isError(none.json(), QStringLiteral("unauthorized")),
                     qPrintable(describe(r, none)));
            QVERIFY2(!none.header("x-request-id").isEmpty(), qPrintable(describe(r, none)));
            // a wrong token
            const auto wrong =
                curl(routeArgs(d(), r) + vendor() + bearer(QStringLiteral("lightd_not_the_right_token_000")));
            QVERIFY2(wrong.status == 401 && isError(wrong.json(), QStringLiteral("unauthorized")),
                     qPrintable(describe(r, wrong)));
            // a token without the Bearer scheme
            const auto scheme =
                curl(routeArgs(d(), r) + vendor() +
                     QStringList{QStringLiteral("-H"), QStringLiteral("Authorization: ") + d().token()});
            QVERIFY2(scheme.status == 401, qPrintable(describe(r, scheme)));
            // 401 comes before 403: neither token nor vendor header is still 401
            const auto neither = curl(routeArgs(d(), r));
            QVERIFY2(neither.status == 401 && isError(neither.json(), QStringLiteral("unauthorized")),
                     qPrintable(describe(r, neither)));
            const auto wrongBoth = curl(routeArgs(d(), r) + vendor(QStringLiteral("application/json")) +
                                        bearer(QStringLiteral("lightd_nope_nope_nope_nope")));
            QVERIFY2(wrongBoth.status == 401, qPrintable(describe(r, wrongBoth)));
        }
        qInfo("checked %d protected routes of the route table", checked);
        QVERIFY(checked >= 15);
    }

    void protectedRoutesWithoutVendorAre403()
    {
        for (const auto &r : allRoutes()) {
            if (r.access == QLatin1StringView("Public"))
                continue;
            const auto missing = curl(routeArgs(d(), r) + bearer(d().token()));
            QVERIFY2(missing.status == 403 && isError(missing.json(), QStringLiteral("invalid_vendor")),
                     qPrintable(describe(r, missing)));
            const auto wrong =
                curl(routeArgs(d(), r) + bearer(d().token()) + vendor(QStringLiteral("application/json")));
            QVERIFY2(wrong.status == 403 && isError(wrong.json(), QStringLiteral("invalid_vendor")),
                     qPrintable(describe(r, wrong)));
            const auto otherVersion = curl(routeArgs(d(), r) + bearer(d().token()) +
                                           vendor(QStringLiteral("application/vnd.pkglatv2+json")));
            QVERIFY2(otherVersion.status == 403, qPrintable(describe(r, otherVersion)));
        }
    }

    void vendorHeaderVariantsAccepted()
    {
        for (const QString &accept :
             {QStringLiteral("Application/vnd.pkglatv1+json"),
              QStringLiteral("application/vnd.pkglatv1+json"),
              QStringLiteral("APPLICATION/VND.PKGLATV1+JSON"),
              QStringLiteral("application/json, Application/vnd.pkglatv1+json;q=0.9")}) {
            const auto r = curl(QStringList{d().url(QStringLiteral("/network/ports"))} + bearer(d().token()) +
                                vendor(accept));
            QVERIFY2(r.status == 200, qPrintable(accept + QLatin1Char(' ') + QString::fromUtf8(r.body)));
        }
    }

    void publicRoutesNeedNothing()
    {
        for (const char *path : {"/health", "/api/v1/public/ping"}) {
            for (const QStringList &extra :
                 {QStringList{}, bearer(QStringLiteral("lightd_garbage_garbage_garbage")),
                  vendor(QStringLiteral("text/html"))}) {
                const auto r = curl(QStringList{d().url(QString::fromLatin1(path))} + extra);
                QCOMPARE(r.status, 200);
                QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
                QVERIFY(r.json().value(QStringLiteral("version")).isString());
            }
        }
    }

    void createTokenSeedShape()
    {
        // the exact body of API.md section 2
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const auto r = createToken(R"({"ttl":"15m","remove_on_use":false,"scopes":["ws:my-server"]})");
        QVERIFY2(r.status == 201, r.body.constData());
        const auto o = r.json();
        QStringList keys = o.keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("expires_at"), QStringLiteral("id"), QStringLiteral("token")}));
        static const QRegularExpression tokenRe(QStringLiteral("^lightd_[0-9a-f]{32}$"));
        static const QRegularExpression uuidRe(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        QVERIFY2(tokenRe.match(o.value(QStringLiteral("token")).toString()).hasMatch(), r.body.constData());
        QVERIFY2(uuidRe.match(o.value(QStringLiteral("id")).toString()).hasMatch(), r.body.constData());
        const qint64 exp = o.value(QStringLiteral("expires_at")).toInteger();
        QVERIFY2(exp >= before + 900 && exp <= QDateTime::currentSecsSinceEpoch() + 900, r.body.constData());
        // ttl as plain seconds and with every unit
        for (const char *ttl : {"\"30s\"", "\"2h\"", "\"1d\"", "120"}) {
            const auto t = createToken(QByteArray("{\"ttl\":") + ttl + "}");
            QVERIFY2(t.status == 201, ttl);
        }
    }

    void createListRevokeWithClient()
    {
        auto &client = d().client();
        const auto created = awaitResult<ApiResult<CreatedTokenDto>>([&](auto done) {
            client.createToken(QStringLiteral("1h"), false, {QStringLiteral("api")}, done);
        });
        QVERIFY(created && created->ok());
        const CreatedTokenDto tok = **created;
        QVERIFY(tok.token.startsWith(QLatin1StringView("lightd_")));

        const auto listed =
            awaitResult<ApiResult<QList<TokenInfoDto>>>([&](auto done) { client.listTokens(done); });
        QVERIFY(listed && listed->ok());
        const auto it = std::find_if((*listed)->cbegin(), (*listed)->cend(),
                                     [&](const TokenInfoDto &t) { return t.id == tok.id; });
        QVERIFY(it != (*listed)->cend());
        QCOMPARE(it->scopes, QStringList{QStringLiteral("api")});
        QCOMPARE(it->expiresAt, tok.expiresAt);
        QVERIFY(!it->removeOnUse);
        QVERIFY(it->createdAt <= tok.expiresAt - 3600 + 1);

        // the raw list never shows a secret, nor the master token
        const auto raw = curl(curlArgs(d(), "GET", QStringLiteral("/auth/tokens")));
        QCOMPARE(raw.status, 200);
        QVERIFY(!raw.body.contains(tok.token.toUtf8()));
        QVERIFY(!raw.body.contains(d().token().toUtf8()));
        QVERIFY(!raw.body.contains("lightd_"));
        for (const auto &v : raw.json().value(QStringLiteral("tokens")).toArray()) {
            QStringList keys = v.toObject().keys();
            keys.sort();
            QCOMPARE(keys, (QStringList{QStringLiteral("created_at"), QStringLiteral("expires_at"),
                                        QStringLiteral("id"), QStringLiteral("remove_on_use"),
                                        QStringLiteral("scopes")}));
        }

        // revoke: the documented message, then the token is dead and gone from the list
        const auto revoked = curl(curlArgs(d(), "DELETE", QStringLiteral("/auth/tokens/") + tok.id));
        QCOMPARE(revoked.status, 200);
        QCOMPARE(revoked.json(), (QJsonObject{{QStringLiteral("message"), QStringLiteral("Token revoked")}}));
        const auto use =
            curl(QStringList{d().url(QStringLiteral("/network/ports"))} + bearer(tok.token) + vendor());
        API_VERIFY_ERROR(use, 401, "unauthorized");
        const auto again = curl(curlArgs(d(), "DELETE", QStringLiteral("/auth/tokens/") + tok.id));
        API_VERIFY_ERROR(again, 404, "token_not_found");
        const auto after =
            awaitResult<ApiResult<QList<TokenInfoDto>>>([&](auto done) { client.listTokens(done); });
        QVERIFY(after && after->ok());
        for (const auto &t : **after)
            QVERIFY(t.id != tok.id);
    }

    void scopedApiToken()
    {
        const auto r = createToken(R"({"ttl":"10m","scopes":["api"]})");
        QCOMPARE(r.status, 201);
        const QString token = r.json().value(QStringLiteral("token")).toString();
        // REST works ...
        const auto list =
            curl(QStringList{d().url(QStringLiteral("/network/ports"))} + bearer(token) + vendor());
        QCOMPARE(list.status, 200);
        const auto vol = curl(
            QStringList{QStringLiteral("-X"), QStringLiteral("POST"), d().url(QStringLiteral("/volumes"))} +
            bearer(token) + vendor());
        QCOMPARE(vol.status, 201);
        // ... token management does not (master only)
        const auto listTokens =
            curl(QStringList{d().url(QStringLiteral("/auth/tokens"))} + bearer(token) + vendor());
        QCOMPARE(listTokens.status, 403);
        QCOMPARE(listTokens.json().value(QStringLiteral("code")).toString(), QStringLiteral("forbidden"));
        const auto mint = curl(QStringList{QStringLiteral("-X"), QStringLiteral("POST"),
                                           d().url(QStringLiteral("/auth/tokens"))} +
                               bearer(token) + vendor() + jsonBody("{}"));
        QCOMPARE(mint.status, 403);
        const auto revoke = curl(QStringList{QStringLiteral("-X"), QStringLiteral("DELETE"),
                                             d().url(QStringLiteral("/auth/tokens/") +
                                                     r.json().value(QStringLiteral("id")).toString())} +
                                 bearer(token) + vendor());
        QCOMPARE(revoke.status, 403);
        // a scoped token still needs the vendor header
        const auto noVendor = curl(QStringList{d().url(QStringLiteral("/network/ports"))} + bearer(token));
        API_VERIFY_ERROR(noVendor, 403, "invalid_vendor");
    }

    void consoleScopedTokensAreNotRestTokens()
    {
        const auto ws = createToken(R"({"ttl":"10m","scopes":["ws:my-server"]})");
        QCOMPARE(ws.status, 201);
        const auto viaWs = curl(QStringList{d().url(QStringLiteral("/network/ports"))} +
                                bearer(ws.json().value(QStringLiteral("token")).toString()) + vendor());
        API_VERIFY_ERROR(viaWs, 403, "forbidden"); // a real token outside its scope

        const auto once = createToken(R"({"ttl":"10m","remove_on_use":true})");
        QCOMPARE(once.status, 201);
        const auto viaOnce = curl(QStringList{d().url(QStringLiteral("/network/ports"))} +
                                  bearer(once.json().value(QStringLiteral("token")).toString()) + vendor());
        API_VERIFY_ERROR(viaOnce, 403, "forbidden");
    }

    void unscopedTokenIsAllowedEverywhereButTokens()
    {
        const auto r = createToken(R"({"ttl":"10m"})");
        QCOMPARE(r.status, 201);
        const QString token = r.json().value(QStringLiteral("token")).toString();
        QCOMPARE(curl(QStringList{d().url(QStringLiteral("/volumes"))} + bearer(token) + vendor()).status,
                 200);
        QCOMPARE(curl(QStringList{d().url(QStringLiteral("/auth/tokens"))} + bearer(token) + vendor()).status,
                 403);
    }

    void expiredTokenIs401()
    {
        const auto r = createToken(R"({"ttl":"1s","scopes":["api"]})");
        QCOMPARE(r.status, 201);
        const QString token = r.json().value(QStringLiteral("token")).toString();
        const qint64 expiresAt = r.json().value(QStringLiteral("expires_at")).toInteger();
        QVERIFY(expiresAt <= QDateTime::currentSecsSinceEpoch() + 1);
        const QStringList args =
            QStringList{d().url(QStringLiteral("/network/ports"))} + bearer(token) + vendor();
        CurlResult last;
        QVERIFY2(waitUntil(
                     [&] {
                         last = curl(args);
                         return last.status == 401;
                     },
                     5000),
                 qPrintable(QString::number(last.status)));
        QVERIFY(isError(last.json(), QStringLiteral("unauthorized")));
        QVERIFY(QDateTime::currentSecsSinceEpoch() >= expiresAt);
        // and it stays dead
        QCOMPARE(curl(args).status, 401);
    }

    void badTokenRequests()
    {
        API_VERIFY_ERROR(createToken(R"({"ttl":"0s"})"), 400, "invalid_field");
        API_VERIFY_ERROR(createToken(R"({"ttl":"400d"})"), 400, "invalid_field");
        API_VERIFY_ERROR(createToken(R"({"ttl":-1})"), 400, "invalid_field");
        API_VERIFY_ERROR(createToken(R"({"scopes":[1]})"), 400, "invalid_field");
        API_VERIFY_ERROR(createToken(R"({"scopes":["ws:bad id"]})"), 400, "invalid_field");
        API_VERIFY_ERROR(createToken("{"), 400, "invalid_json");
        // an empty list means no scope at all, not every scope
        API_VERIFY_ERROR(createToken(R"({"scopes":[]})"), 400, "invalid_field");
        QVERIFY(!curl(curlArgs(d(), "GET", QStringLiteral("/auth/tokens"))).body.contains("\"scopes\":[]"));
    }

    // A reverse proxy puts every client behind one address: an anonymous client failing from it
    // must not lock the panel (the valid token) out, on REST or on the WebSocket upgrade.
    void validTokenPassesAfterFailures()
    {
        DaemonProcess limited(testConfig(
            {{QStringLiteral("authorization"),
              QJsonObject{{QStringLiteral("max_failures"), 10}, {QStringLiteral("failure_window_s"), 60}}}}));
        QVERIFY(limited.start());
        const QStringList bad = QStringList{limited.url(QStringLiteral("/network/ports"))} +
                                bearer(QStringLiteral("lightd_wrong_wrong_wrong_wrong")) + vendor();
        for (int i = 0; i < 12; ++i)
            curl(bad);
        API_VERIFY_ERROR(curl(bad), 429, "rate_limited");
        QCOMPARE(curl(curlArgs(limited, "GET", QStringLiteral("/network/ports"))).status, 200);
        QCOMPARE(curl(curlArgs(limited, "POST", QStringLiteral("/volumes"))).status, 201);
        const QStringList upgrade{
            QStringLiteral("-H"), QStringLiteral("Connection: Upgrade"),
            QStringLiteral("-H"), QStringLiteral("Upgrade: websocket"),
            QStringLiteral("-H"), QStringLiteral("Sec-WebSocket-Version: 13"),
            QStringLiteral("-H"), QStringLiteral("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==")};
        // the valid token reaches the container check (404: no such container), a bad one is still 429
        API_VERIFY_ERROR(
            curl(QStringList{limited.url(QStringLiteral("/ws/none?token=") + limited.token())} + upgrade),
            404, "container_not_found");
        API_VERIFY_ERROR(
            curl(QStringList{limited.url(QStringLiteral("/ws/none?token=lightd_bad"))} + upgrade), 429,
            "rate_limited");
    }

    void repeatedFailuresAre429()
    {
        DaemonProcess limited(testConfig(
            {{QStringLiteral("authorization"),
              QJsonObject{{QStringLiteral("max_failures"), 3}, {QStringLiteral("failure_window_s"), 60}}}}));
        QVERIFY(limited.start());
        const QStringList bad = QStringList{limited.url(QStringLiteral("/network/ports"))} +
                                bearer(QStringLiteral("lightd_wrong_wrong_wrong_wrong")) + vendor();
        for (int i = 0; i < 3; ++i)
            API_VERIFY_ERROR(curl(bad), 401, "unauthorized");
        const auto blocked = curl(bad);
        API_VERIFY_ERROR(blocked, 429, "rate_limited");
        // only failures are throttled: the right token from the same address still gets in
        QCOMPARE(curl(curlArgs(limited, "GET", QStringLiteral("/network/ports"))).status, 200);
        // public routes are not rate limited
        QCOMPARE(curl({limited.url(QStringLiteral("/health"))}).status, 200);
        // when to retry: Retry-After in whole seconds, within the 60 s window
        for (const auto &r : {blocked}) {
            bool isNumber = false;
            const int after = r.header("retry-after").toInt(&isNumber);
            QVERIFY2(isNumber && after >= 1 && after <= 60, r.headers.constData());
        }
        // the console upgrade with a bad token is refused by the connection guard, with the same header
        const auto ws =
            curl({limited.url(QStringLiteral("/ws/anything?token=lightd_wrong_wrong_wrong")),
                  QStringLiteral("-H"), QStringLiteral("Connection: Upgrade"), QStringLiteral("-H"),
                  QStringLiteral("Upgrade: websocket"), QStringLiteral("-H"),
                  QStringLiteral("Sec-WebSocket-Version: 13"), QStringLiteral("-H"),
                  QStringLiteral("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==")});
        API_VERIFY_ERROR(ws, 429, "rate_limited");
        bool isNumber = false;
        const int after = ws.header("retry-after").toInt(&isNumber);
        QVERIFY2(isNumber && after >= 1 && after <= 60, ws.headers.constData());
        // other errors do not carry it
        QVERIFY(curl(curlArgs(limited, "GET", QStringLiteral("/nope"))).header("retry-after").isEmpty());
    }

    void rateLimitWindowPasses()
    {
        DaemonProcess limited(testConfig(
            {{QStringLiteral("authorization"),
              QJsonObject{{QStringLiteral("max_failures"), 2}, {QStringLiteral("failure_window_s"), 1}}}}));
        QVERIFY(limited.start());
        const QStringList bad = QStringList{limited.url(QStringLiteral("/network/ports"))} +
                                bearer(QStringLiteral("lightd_wrong_wrong_wrong_wrong")) + vendor();
        curl(bad);
        curl(bad);
        const auto blocked = curl(bad);
        QCOMPARE(blocked.status, 429);
        QCOMPARE(blocked.header("retry-after"), QByteArray("1")); // the 1 s window rounds up, never to 0
        QVERIFY(waitUntil(
            [&] { return curl(curlArgs(limited, "GET", QStringLiteral("/network/ports"))).status == 200; },
            5000));
    }

    void cliTokenWhatResetSet()
    {
        QTemporaryDir dir;
        const QString cfg = dir.filePath(QStringLiteral("config.json"));
        const QStringList base{QStringLiteral("--config"), cfg, QStringLiteral("--token")};
        static const QRegularExpression tokenRe(QStringLiteral("^lightd_[0-9a-f]{32}$"));

        // what: creates the config with a fresh token when absent, prints it
        const auto what = lightdCli(base + QStringList{QStringLiteral("what")});
        QCOMPARE(what.exitCode, 0);
        const QString first = QString::fromUtf8(what.out).trimmed();
        QVERIFY2(tokenRe.match(first).hasMatch(), what.out.constData());
        QCOMPARE(configToken(cfg), first);
        QCOMPARE(QString::fromUtf8(lightdCli(base + QStringList{QStringLiteral("what")}).out).trimmed(),
                 first);

        // reset: a new random token, written to the file
        const auto reset = lightdCli(base + QStringList{QStringLiteral("reset")});
        QCOMPARE(reset.exitCode, 0);
        const QString second = QString::fromUtf8(reset.out).trimmed();
        QVERIFY2(tokenRe.match(second).hasMatch(), reset.out.constData());
        QVERIFY(second != first);
        QCOMPARE(configToken(cfg), second);

        // set: from stdin
        const QString chosen = QStringLiteral("lightd_my_own_chosen_token_42");
        const auto set = lightdCli(base + QStringList{QStringLiteral("set")}, chosen.toUtf8() + '\n');
        QCOMPARE(set.exitCode, 0);
        QCOMPARE(configToken(cfg), chosen);
        QCOMPARE(QString::fromUtf8(lightdCli(base + QStringList{QStringLiteral("what")}).out).trimmed(),
                 chosen);

        // refused: too short, wrong prefix, empty; the file keeps the old token
        const QByteArray before = readAll(cfg);
        for (const QByteArray &bad : {QByteArray("lightd_short\n"),
                                      QByteArray("notlightd_aaaaaaaaaaaaaaaaaaaa\n"), QByteArray("\n")}) {
            const auto r = lightdCli(base + QStringList{QStringLiteral("set")}, bad);
            QVERIFY2(r.exitCode != 0, bad.constData());
            QVERIFY2(!r.err.isEmpty(), "a refusal says why");
            QCOMPARE(readAll(cfg), before);
        }
        // an unknown action fails too
        QVERIFY(lightdCli(base + QStringList{QStringLiteral("explode")}).exitCode != 0);

        // the rest of the file survives a token change
        QJsonObject doc = QJsonDocument::fromJson(readAll(cfg)).object();
        QJsonObject server = doc.value(QStringLiteral("server")).toObject();
        server.insert(QStringLiteral("port"), 9123);
        doc.insert(QStringLiteral("server"), server);
        QFile f(cfg);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(doc).toJson());
        f.close();
        QCOMPARE(lightdCli(base + QStringList{QStringLiteral("reset")}).exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(readAll(cfg))
                     .object()
                     .value(QStringLiteral("server"))
                     .toObject()
                     .value(QStringLiteral("port"))
                     .toInt(),
                 9123);
    }

    void cliTokenSetIsUsedByTheDaemon()
    {
        // the CLI and a restart (or SIGHUP) agree: the token set is the one the daemon accepts
        DaemonProcess p(testConfig());
        const QString chosen = QStringLiteral("lightd_cli_chosen_token_for_daemon");
        const auto set = lightdCli(
            {QStringLiteral("--config"), p.configPath(), QStringLiteral("--token"), QStringLiteral("set")},
            chosen.toUtf8() + '\n');
        QCOMPARE(set.exitCode, 0);
        QVERIFY(p.start());
        QCOMPARE(curl(QStringList{p.url(QStringLiteral("/volumes"))} + bearer(chosen) + vendor()).status,
                 200);
        QCOMPARE(curl(QStringList{p.url(QStringLiteral("/volumes"))} + bearer(p.token()) + vendor()).status,
                 401);
    }
};

QTEST_GUILESS_MAIN(TestApiAuth)
#include "tst_api_auth.moc"
