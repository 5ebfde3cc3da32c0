// /openapi.json against the one route table: every route of daemon/api/Routes.cpp has its operation
// in daemon/api/OpenApiOperations.cpp and the other way round. The failure message says which line
// to add or remove, so whoever adds a route can fix it at once.
#include "api/OpenApiDocument.h"
#include "api/Routes.h"

#include <QJsonArray>
#include <QTest>

using namespace lightd;

class TestOpenApi : public QObject
{
    Q_OBJECT
    http::Router m_router;

  private Q_SLOTS:
    void initTestCase()
    {
        api::registerRoutes(m_router, api::Controllers{}); // handlers are never called here
        QVERIFY(m_router.routes().size() > 40);
    }

    void everyRouteHasItsOperationAndBack()
    {
        const QStringList problems = api::openApiMismatches(m_router);
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("\n") + problems.join(QLatin1Char('\n'))));
    }

    void documentListsEveryRouteWithErrors()
    {
        const QJsonObject doc = api::buildOpenApi(m_router);
        QCOMPARE(doc.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.1.0"));
        const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        int operations = 0;
        for (const auto &route : m_router.routes()) {
            QString path = route.pattern;
            for (auto &seg : path.split(QLatin1Char('/'))) {
                if (seg.startsWith(QLatin1Char(':')))
                    path.replace(seg, QLatin1Char('{') + seg.mid(1) + QLatin1Char('}'));
            }
            const QJsonObject op =
                paths.value(path).toObject().value(QString::fromLatin1(route.method).toLower()).toObject();
            QVERIFY2(!op.isEmpty(), qPrintable(path));
            ++operations;
            const QJsonObject responses = op.value(QStringLiteral("responses")).toObject();
            QVERIFY2(responses.contains(QStringLiteral("500")), qPrintable(path));
            if (route.access != http::Access::Public) {
                // the access rule's errors, with their codes
                for (const char *s : {"401", "403", "429"})
                    QVERIFY2(responses.contains(QLatin1StringView(s)),
                             qPrintable(path + QLatin1Char(' ') + QLatin1StringView(s)));
                const QJsonArray codes = responses.value(QStringLiteral("403"))
                                             .toObject()
                                             .value(QStringLiteral("content"))
                                             .toObject()
                                             .value(QStringLiteral("application/json"))
                                             .toObject()
                                             .value(QStringLiteral("schema"))
                                             .toObject()
                                             .value(QStringLiteral("properties"))
                                             .toObject()
                                             .value(QStringLiteral("code"))
                                             .toObject()
                                             .value(QStringLiteral("enum"))
                                             .toArray();
                QVERIFY2(codes.contains(QStringLiteral("invalid_vendor")), qPrintable(path));
            } else {
                QVERIFY(!responses.contains(QStringLiteral("401")));
            }
            // path parameters are declared
            if (route.pattern.contains(QLatin1Char(':')))
                QVERIFY2(!op.value(QStringLiteral("parameters")).toArray().isEmpty(), qPrintable(path));
        }
        QCOMPARE(operations, int(m_router.routes().size()));
        // no operation without a route: count them
        int documented = 0;
        for (const auto &item : paths)
            documented += int(item.toObject().size());
        QCOMPARE(documented, int(m_router.routes().size()));
    }

    void mismatchMessagesSayWhatToDo()
    {
        http::Router extra;
        api::registerRoutes(extra, api::Controllers{});
        extra.add("GET", QStringLiteral("/brand/new/:thing"), http::Access::Protected,
                  [](const http::HttpRequest &) { return http::HttpResponse(); });
        const QStringList problems = api::openApiMismatches(extra);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(QStringLiteral("daemon/api/OpenApiOperations.cpp")));
        QVERIFY(problems.first().contains(QStringLiteral("{\"GET\", \"/brand/new/:thing\"")));
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
