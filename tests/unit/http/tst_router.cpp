// Router: method + path pattern -> route, params, 405 with the allowed methods, HEAD served by GET.
#include "http/Router.h"

#include <QTest>

using namespace lightd::http;

namespace {
SyncHandler tagged(const char *tag)
{
    return [tag](const HttpRequest &) { return HttpResponse::raw(200, "text/plain", QByteArray(tag)); };
}

QByteArray tagOf(const Router::Match &m)
{
    if (!m.route || !m.route->sync)
        return {};
    return m.route->sync(HttpRequest{}).body;
}
} // namespace

class TestRouter : public QObject
{
    Q_OBJECT

    Router m_router;

  private Q_SLOTS:
    void initTestCase()
    {
        auto s = [](const char *p) { return QString::fromLatin1(p); };
        // param route registered before the literal one on purpose: the literal must still win
        m_router.add("GET", s("/volumes/:id"), Access::Protected, tagged("volume-get"));
        m_router.add("GET", s("/volumes/special"), Access::Protected, tagged("volume-special"));
        m_router.add("DELETE", s("/volumes/:id"), Access::Protected, tagged("volume-delete"));
        m_router.add("GET", s("/health"), Access::Public, tagged("health"));
        m_router.add("GET", s("/network/ports/:ip/:port"), Access::Protected, tagged("port-get"));
        m_router.add("PUT", s("/network/ports/:ip/:port/use"), Access::Protected, tagged("port-use"));
        m_router.add("GET", s("/network/ports/random"), Access::Protected, tagged("port-random"));
        m_router.add("POST", s("/auth/tokens"), Access::MasterOnly, tagged("token-create"));
        m_router.add("GET", s("/auth/tokens"), Access::MasterOnly, tagged("token-list"));
        m_router.add("GET", s("/a/:x/c"), Access::Protected, tagged("a-x-c"));
        m_router.add("GET", s("/a/b/:y"), Access::Protected, tagged("a-b-y"));
        m_router.add("GET", s("/a/b/c"), Access::Protected, tagged("a-b-c"));
    }

    void exactLiteral()
    {
        const auto m = m_router.match("GET", QStringLiteral("/health"));
        QCOMPARE(tagOf(m), QByteArray("health"));
        QVERIFY(m.params.isEmpty());
        QCOMPARE(m.route->access, Access::Public);
    }

    void params()
    {
        const auto m = m_router.match("GET", QStringLiteral("/network/ports/0.0.0.0/25565"));
        QCOMPARE(tagOf(m), QByteArray("port-get"));
        QCOMPARE(m.params.value(QStringLiteral("ip")), QStringLiteral("0.0.0.0"));
        QCOMPARE(m.params.value(QStringLiteral("port")), QStringLiteral("25565"));

        const auto use = m_router.match("PUT", QStringLiteral("/network/ports/127.0.0.1/80/use"));
        QCOMPARE(tagOf(use), QByteArray("port-use"));
        QCOMPARE(use.params.value(QStringLiteral("ip")), QStringLiteral("127.0.0.1"));
        QCOMPARE(use.params.value(QStringLiteral("port")), QStringLiteral("80"));
    }

    void paramsArePercentDecoded()
    {
        const auto m = m_router.match("GET", QStringLiteral("/network/ports/%3A%3A1/8080"));
        QCOMPARE(tagOf(m), QByteArray("port-get"));
        QCOMPARE(m.params.value(QStringLiteral("ip")), QStringLiteral("::1"));
        const auto v = m_router.match("GET", QStringLiteral("/volumes/a%20b"));
        QCOMPARE(v.params.value(QStringLiteral("id")), QStringLiteral("a b"));
    }

    void literalBeatsParam()
    {
        QCOMPARE(tagOf(m_router.match("GET", QStringLiteral("/volumes/special"))),
                 QByteArray("volume-special"));
        QCOMPARE(tagOf(m_router.match("GET", QStringLiteral("/volumes/other"))), QByteArray("volume-get"));
        QCOMPARE(tagOf(m_router.match("GET", QStringLiteral("/network/ports/random"))),
                 QByteArray("port-random"));
        // the route with more literal segments wins, wherever the literal sits
        QCOMPARE(tagOf(m_router.match("GET", QStringLiteral("/a/b/c"))), QByteArray("a-b-c"));
        QCOMPARE(tagOf(m_router.match("GET", QStringLiteral("/a/b/z"))), QByteArray("a-b-y"));
        QCOMPARE(tagOf(m_router.match("GET", QStringLiteral("/a/z/c"))), QByteArray("a-x-c"));
    }

    void methodNotAllowedListsAllowed()
    {
        const auto m = m_router.match("POST", QStringLiteral("/volumes/abc"));
        QVERIFY(!m.route);
        QVERIFY(m.allowed.contains("GET"));
        QVERIFY(m.allowed.contains("DELETE"));
        QCOMPARE(m.allowed.size(), 2);

        const auto t = m_router.match("DELETE", QStringLiteral("/auth/tokens"));
        QVERIFY(!t.route);
        QCOMPARE(t.allowed.size(), 2);
        QVERIFY(t.allowed.contains("GET"));
        QVERIFY(t.allowed.contains("POST"));

        const auto h = m_router.match("PUT", QStringLiteral("/health"));
        QVERIFY(!h.route);
        QCOMPARE(h.allowed, QByteArrayList{"GET"});
    }

    void allowedHasNoDuplicates()
    {
        // /volumes/special matches both GET routes' patterns; GET is listed once
        const auto m = m_router.match("PATCH", QStringLiteral("/volumes/special"));
        QVERIFY(!m.route);
        QCOMPARE(m.allowed.count("GET"), 1);
    }

    void headServedByGet()
    {
        const auto m = m_router.match("HEAD", QStringLiteral("/health"));
        QCOMPARE(tagOf(m), QByteArray("health"));
        const auto p = m_router.match("HEAD", QStringLiteral("/network/ports/0.0.0.0/1"));
        QCOMPARE(tagOf(p), QByteArray("port-get"));
        QCOMPARE(p.params.value(QStringLiteral("port")), QStringLiteral("1"));
        // HEAD on a path without a GET route is 405, not 404
        const auto d = m_router.match("HEAD", QStringLiteral("/network/ports/0.0.0.0/1/use"));
        QVERIFY(!d.route);
        QCOMPARE(d.allowed, QByteArrayList{"PUT"});
    }

    void unknownPath()
    {
        for (const char *path : {"/nope", "/volumes", "/volumes/a/b/c/d", "/network/ports/1/2/3/4", "/"}) {
            const auto m = m_router.match("GET", QString::fromLatin1(path));
            QVERIFY2(!m.route, path);
            QVERIFY2(m.allowed.isEmpty(), path);
        }
    }

    void segmentCountMustMatch()
    {
        QVERIFY(!m_router.match("GET", QStringLiteral("/network/ports/0.0.0.0")).route);
        QVERIFY(!m_router.match("GET", QStringLiteral("/health/extra")).route);
    }

    void caseSensitivePaths() { QVERIFY(!m_router.match("GET", QStringLiteral("/HEALTH")).route); }

    void routesKeepsTheTable()
    {
        QCOMPARE(m_router.routes().size(), 12);
        const auto &r = m_router.routes().first();
        QCOMPARE(r.segments, (QStringList{QStringLiteral("volumes"), QStringLiteral(":id")}));
        QCOMPARE(r.literals, 1);
    }
};

QTEST_APPLESS_MAIN(TestRouter)
#include "tst_router.moc"
