// TokenService::parseTtl, AuthGuard::acceptsVendor, RateLimiter windows, Retry-After on 429, and the token
// lifecycle.
#include "auth/AuthGuard.h"
#include "auth/RateLimiter.h"
#include "auth/TokenService.h"
#include "http/HttpResponse.h"
#include "lightd/DomainError.h"
#include "lightd/ErrorStatus.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace lightd;
using lightd::auth::AuthGuard;
using lightd::auth::Purpose;
using lightd::auth::RateLimiter;
using lightd::auth::TokenService;

using OptSeconds = std::optional<qint64>;
Q_DECLARE_METATYPE(OptSeconds)

namespace {
template <typename Pred> bool waitFor(Pred pred, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!pred()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(5);
    }
    return true;
}

http::HttpRequest request(const QByteArray &authorization, const QByteArray &accept,
                          const QHostAddress &peer = QHostAddress(QStringLiteral("10.0.0.1")))
{
    http::HttpRequest r;
    r.method = "GET";
    r.path = QStringLiteral("/network/ports");
    if (!authorization.isNull())
        r.headers.append({"Authorization", authorization});
    if (!accept.isNull())
        r.headers.append({"Accept", accept});
    r.peer = peer;
    return r;
}

// Returns the (status, code) an authenticate() call throws, or (200, "") when it lets the request in.
QPair<int, QString> outcome(AuthGuard &guard, const http::HttpRequest &req, http::Access access)
{
    try {
        guard.authenticate(req, access);
        return {200, QString()};
    } catch (const DomainError &e) {
        return {codes::httpStatus(e.code()), e.code()};
    }
}

const QByteArray kVendor = "Application/vnd.pkglatv1+json";
const QString kMaster = QStringLiteral("lightd_master_0123456789abcdef");
} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;

  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<storage::Database>(m_dir.filePath(QStringLiteral("auth.db")));
        m_db->open();
    }

    void parseTtl_data()
    {
        QTest::addColumn<QJsonValue>("input");
        QTest::addColumn<OptSeconds>("expected");
        const OptSeconds none;
        QTest::newRow("30s") << QJsonValue(QStringLiteral("30s")) << OptSeconds(30);
        QTest::newRow("15m") << QJsonValue(QStringLiteral("15m")) << OptSeconds(900);
        QTest::newRow("2h") << QJsonValue(QStringLiteral("2h")) << OptSeconds(7200);
        QTest::newRow("1d") << QJsonValue(QStringLiteral("1d")) << OptSeconds(86400);
        QTest::newRow("1s") << QJsonValue(QStringLiteral("1s")) << OptSeconds(1);
        QTest::newRow("plain seconds string") << QJsonValue(QStringLiteral("45")) << OptSeconds(45);
        QTest::newRow("number") << QJsonValue(3600) << OptSeconds(3600);
        QTest::newRow("spaces") << QJsonValue(QStringLiteral(" 5m ")) << OptSeconds(300);
        QTest::newRow("366d max") << QJsonValue(QStringLiteral("366d")) << OptSeconds(366LL * 86400);
        QTest::newRow("367d too long") << QJsonValue(QStringLiteral("367d")) << none;
        QTest::newRow("huge number") << QJsonValue(1e12) << none;
        QTest::newRow("zero") << QJsonValue(QStringLiteral("0")) << none;
        QTest::newRow("0s") << QJsonValue(QStringLiteral("0s")) << none;
        QTest::newRow("zero number") << QJsonValue(0) << none;
        QTest::newRow("negative string") << QJsonValue(QStringLiteral("-5")) << none;
        QTest::newRow("negative number") << QJsonValue(-5) << none;
        QTest::newRow("fraction string") << QJsonValue(QStringLiteral("1.5h")) << none;
        QTest::newRow("fraction number") << QJsonValue(1.5) << none;
        QTest::newRow("unknown unit") << QJsonValue(QStringLiteral("5w")) << none;
        QTest::newRow("two units") << QJsonValue(QStringLiteral("5m30s")) << none;
        QTest::newRow("unit only") << QJsonValue(QStringLiteral("m")) << none;
        QTest::newRow("empty") << QJsonValue(QString()) << none;
        QTest::newRow("bool") << QJsonValue(true) << none;
        QTest::newRow("null") << QJsonValue() << none;
        QTest::newRow("array") << QJsonValue(QJsonArray{1}) << none;
        QTest::newRow("overflowing digits") << QJsonValue(QStringLiteral("99999999999999999999d")) << none;
    }

    void parseTtl()
    {
        QFETCH(QJsonValue, input);
        QFETCH(OptSeconds, expected);
        QCOMPARE(TokenService::parseTtl(input), expected);
    }

    void acceptsVendor_data()
    {
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<bool>("ok");
        QTest::newRow("documented spelling") << QByteArray("Application/vnd.pkglatv1+json") << true;
        QTest::newRow("lower case") << QByteArray("application/vnd.pkglatv1+json") << true;
        QTest::newRow("upper case") << QByteArray("APPLICATION/VND.PKGLATV1+JSON") << true;
        QTest::newRow("in a list, last")
            << QByteArray("application/json, Application/vnd.pkglatv1+json") << true;
        QTest::newRow("in a list, first") << QByteArray("application/vnd.pkglatv1+json,text/html") << true;
        QTest::newRow("with parameters")
            << QByteArray("application/vnd.pkglatv1+json; q=0.9; charset=utf-8") << true;
        QTest::newRow("list with parameters")
            << QByteArray("text/html;q=0.1, application/vnd.pkglatv1+json ;q=0.5") << true;
        QTest::newRow("padded") << QByteArray("   application/vnd.pkglatv1+json   ") << true;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("plain json") << QByteArray("application/json") << false;
        QTest::newRow("wildcard") << QByteArray("*/*") << false;
        QTest::newRow("other version") << QByteArray("application/vnd.pkglatv2+json") << false;
        QTest::newRow("suffix") << QByteArray("application/vnd.pkglatv1+jsonx") << false;
        QTest::newRow("prefix") << QByteArray("xapplication/vnd.pkglatv1+json") << false;
        QTest::newRow("as a parameter")
            << QByteArray("application/json; type=application/vnd.pkglatv1+json") << false;
        QTest::newRow("only separators") << QByteArray(" , ; ,") << false;
    }

    void acceptsVendor()
    {
        QFETCH(QByteArray, accept);
        QFETCH(bool, ok);
        QCOMPARE(AuthGuard::acceptsVendor(accept), ok);
    }

    void rateLimiterWindow()
    {
        RateLimiter limiter(3, 300);
        const QHostAddress a(QStringLiteral("192.0.2.1"));
        const QHostAddress b(QStringLiteral("192.0.2.2"));
        const QHostAddress v6(QStringLiteral("2001:db8::1"));
        QVERIFY(!limiter.blocked(a));
        QCOMPARE(limiter.retryAfterS(a), 0);
        limiter.recordFailure(a);
        limiter.recordFailure(a);
        QVERIFY(!limiter.blocked(a));
        limiter.recordFailure(a);
        QVERIFY(limiter.blocked(a));
        QVERIFY(limiter.retryAfterS(a) >= 1);
        // per address
        QVERIFY(!limiter.blocked(b));
        QVERIFY(!limiter.blocked(v6));
        limiter.recordFailure(v6);
        QVERIFY(!limiter.blocked(v6));
        // the block lifts once the failures leave the window
        QElapsedTimer t;
        t.start();
        QVERIFY(waitFor([&] { return !limiter.blocked(a); }, 5000));
        QVERIFY2(t.elapsed() >= 200, "the block must last about the window");
        limiter.recordFailure(a);
        QVERIFY(!limiter.blocked(a));
    }

    void rateLimiterSlidingWindow()
    {
        RateLimiter limiter(2, 400);
        const QHostAddress a(QStringLiteral("192.0.2.9"));
        limiter.recordFailure(a);
        QTest::qWait(250);
        limiter.recordFailure(a);
        QVERIFY(limiter.blocked(a));
        // the first failure leaves the window first; the second keeps counting
        QVERIFY(waitFor([&] { return !limiter.blocked(a); }, 5000));
        limiter.recordFailure(a);
        QVERIFY2(limiter.blocked(a), "second and third failure are both inside the window");
    }

    void rateLimiterConfigure()
    {
        RateLimiter limiter(100, 60000);
        const QHostAddress a(QStringLiteral("192.0.2.3"));
        limiter.recordFailure(a);
        limiter.recordFailure(a);
        QVERIFY(!limiter.blocked(a));
        limiter.configure(2, 60000);
        QVERIFY(limiter.blocked(a));
        QVERIFY(limiter.retryAfterS(a) > 50);
        QVERIFY(limiter.retryAfterS(a) <= 60);
    }

    void tokenLifecycle()
    {
        TokenService tokens(*m_db, kMaster);
        QVERIFY(tokens.verify(kMaster, Purpose{}));
        QVERIFY(tokens.verify(kMaster, Purpose{})->master);
        QVERIFY(!tokens.verify(QString(), Purpose{}));
        QVERIFY(!tokens.verify(kMaster + QLatin1Char('x'), Purpose{}));
        QVERIFY(!tokens.verify(kMaster.chopped(1), Purpose{}));

        const auto all = tokens.create(900, false, {});
        QVERIFY(all.token.startsWith(QLatin1StringView("lightd_")));
        QVERIFY(all.token.size() >= 20);
        QVERIFY(all.expiresAt >= QDateTime::currentSecsSinceEpoch() + 899);
        const auto v = tokens.verify(all.token, Purpose{});
        QVERIFY(v);
        QVERIFY(!v->master);
        QCOMPARE(v->tokenId, all.id);
        QVERIFY(tokens.verify(all.token, Purpose{Purpose::Console, QStringLiteral("anything")}));

        const auto api = tokens.create(900, false, {QStringLiteral("api")});
        QVERIFY(tokens.verify(api.token, Purpose{}));
        QVERIFY(!tokens.verify(api.token, Purpose{Purpose::Console, QStringLiteral("srv")}));

        const auto ws = tokens.create(900, false, {QStringLiteral("ws:srv")});
        QVERIFY(!tokens.verify(ws.token, Purpose{}));
        QVERIFY(tokens.verify(ws.token, Purpose{Purpose::Console, QStringLiteral("srv")}));
        QVERIFY(!tokens.verify(ws.token, Purpose{Purpose::Console, QStringLiteral("other")}));

        const auto once = tokens.create(900, true, {QStringLiteral("ws:*")});
        QVERIFY2(!tokens.verify(once.token, Purpose{}), "a remove-on-use token is a console ticket only");
        QVERIFY(tokens.verify(once.token, Purpose{Purpose::Console, QStringLiteral("x")}));
        QVERIFY2(!tokens.verify(once.token, Purpose{Purpose::Console, QStringLiteral("x")}),
                 "valid exactly once");

        // list: never the secret, ordered by creation
        const auto listed = tokens.list();
        QStringList ids;
        for (const auto &t : listed)
            ids << t.id;
        QVERIFY(ids.contains(all.id));
        QVERIFY(ids.contains(api.id));
        QVERIFY(ids.contains(ws.id));
        QVERIFY(!ids.contains(once.id));
        for (const auto &t : listed) {
            const QByteArray j = QJsonDocument(t.toJson()).toJson();
            QVERIFY(!j.contains(all.token.toUtf8()));
            QVERIFY(!j.contains("lightd_"));
        }

        QVERIFY(tokens.revoke(api.id));
        QVERIFY(!tokens.revoke(api.id));
        QVERIFY(!tokens.verify(api.token, Purpose{}));

        // persisted as hashes: a second service over the same database knows the tokens
        TokenService reopened(*m_db, kMaster);
        QVERIFY(reopened.verify(all.token, Purpose{}));
        QVERIFY(!reopened.verify(api.token, Purpose{}));

        // the master can be replaced (SIGHUP reload)
        const QString newMaster = QStringLiteral("lightd_new_master_0123456789");
        reopened.setMasterToken(newMaster);
        QVERIFY(reopened.verify(newMaster, Purpose{}));
        QVERIFY(!reopened.verify(kMaster, Purpose{}));
    }

    void expiredTokenRefused()
    {
        TokenService tokens(*m_db, kMaster);
        const auto t = tokens.create(1, false, {});
        QVERIFY(tokens.verify(t.token, Purpose{}) || QDateTime::currentSecsSinceEpoch() >= t.expiresAt);
        QVERIFY(waitFor([&] { return !tokens.verify(t.token, Purpose{}); }, 4000));
        QVERIFY(QDateTime::currentSecsSinceEpoch() >= t.expiresAt);
        for (const auto &info : tokens.list())
            QVERIFY(info.id != t.id);
    }

    void guardOrder()
    {
        TokenService tokens(*m_db, kMaster);
        RateLimiter limiter(3, 60000);
        AuthGuard guard(tokens, limiter);
        const QByteArray bearer = "Bearer " + kMaster.toUtf8();
        using A = http::Access;
        // 401 before 403: no token and no vendor header is 401
        QCOMPARE(outcome(guard, request({}, {}), A::Protected),
                 qMakePair(401, QStringLiteral("unauthorized")));
        QCOMPARE(outcome(guard, request("Bearer lightd_wrong_wrong_wrong", kVendor), A::Protected),
                 qMakePair(401, QStringLiteral("unauthorized")));
        QCOMPARE(outcome(guard, request(kMaster.toUtf8(), kVendor), A::Protected), // no "Bearer "
                 qMakePair(401, QStringLiteral("unauthorized")));
        QCOMPARE(outcome(guard, request(bearer, {}, QHostAddress(QStringLiteral("10.0.0.2"))), A::Protected),
                 qMakePair(403, QStringLiteral("invalid_vendor")));
        QCOMPARE(outcome(guard, request(bearer, "application/json", QHostAddress(QStringLiteral("10.0.0.2"))),
                         A::Protected),
                 qMakePair(403, QStringLiteral("invalid_vendor")));
        QCOMPARE(
            outcome(guard,
                    request("bearer " + kMaster.toUtf8(), kVendor, QHostAddress(QStringLiteral("10.0.0.2"))),
                    A::MasterOnly),
            qMakePair(200, QString()));
        // 10.0.0.1 has failed three times: a wrong token is now 429, the right one still gets in
        QCOMPARE(outcome(guard, request("Bearer lightd_wrong_wrong_wrong", kVendor), A::Protected),
                 qMakePair(429, QStringLiteral("rate_limited")));
        QCOMPARE(outcome(guard, request(bearer, kVendor), A::Protected), qMakePair(200, QString()));
        // scoped token on a master-only route
        const auto scoped = tokens.create(900, false, {QStringLiteral("api")});
        const auto peer3 = QHostAddress(QStringLiteral("10.0.0.3"));
        QCOMPARE(outcome(guard, request("Bearer " + scoped.token.toUtf8(), kVendor, peer3), A::Protected),
                 qMakePair(200, QString()));
        QCOMPARE(outcome(guard, request("Bearer " + scoped.token.toUtf8(), kVendor, peer3), A::MasterOnly),
                 qMakePair(403, QStringLiteral("forbidden")));
        // with authorization disabled no token is needed, the vendor header still is
        guard.setEnabled(false);
        QCOMPARE(outcome(guard, request({}, kVendor, peer3), A::Protected), qMakePair(200, QString()));
        QCOMPARE(outcome(guard, request({}, {}, peer3), A::Protected),
                 qMakePair(403, QStringLiteral("invalid_vendor")));
    }

    // A 429 tells the client when to come back (Retry-After, seconds), REST and console alike.
    void rateLimitedCarriesRetryAfter()
    {
        TokenService tokens(*m_db, kMaster);
        RateLimiter limiter(2, 30000);
        AuthGuard guard(tokens, limiter);
        const auto peer = QHostAddress(QStringLiteral("10.0.0.9"));
        for (int i = 0; i < 2; ++i)
            QCOMPARE(outcome(guard, request("Bearer lightd_wrong_wrong_wrong", kVendor, peer),
                             http::Access::Protected)
                         .first,
                     401);
        auto retryAfter = [](const DomainError &e) -> QByteArray {
            const http::HttpResponse r = http::errorResponse(e);
            for (const auto &[k, v] : r.headers)
                if (k.compare("Retry-After", Qt::CaseInsensitive) == 0)
                    return v;
            return {};
        };
        // Only failures are throttled: the master token gets in, a third wrong one is 429.
        guard.authenticate(request("Bearer " + kMaster.toUtf8(), kVendor, peer), http::Access::Protected);
        try {
            guard.authenticate(request("Bearer lightd_wrong_wrong_wrong", kVendor, peer),
                               http::Access::Protected);
            QFAIL("not rate limited");
        } catch (const DomainError &e) {
            QCOMPARE(codes::httpStatus(e.code()), 429);
            QCOMPARE(e.retryAfterS(), 30); // the oldest failure leaves the 30 s window in (just under) 30 s
            QCOMPARE(retryAfter(e), QByteArray("30"));
        }
        QVERIFY(!guard.checkConsole(kMaster, QStringLiteral("c"), peer));
        const auto console =
            guard.checkConsole(QStringLiteral("lightd_wrong_wrong_wrong"), QStringLiteral("c"), peer);
        QVERIFY(console && codes::httpStatus(console->code()) == 429);
        QCOMPARE(retryAfter(*console), QByteArray("30"));
        // The mapper never lets a 429 out without the header, and only a 429 has it.
        QCOMPARE(retryAfter(DomainError(QLatin1StringView("rate_limited"), QStringLiteral("slow down"))),
                 QByteArray("1"));
        QVERIFY(retryAfter(DomainError(QLatin1StringView("unauthorized"), QStringLiteral("no"))).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
