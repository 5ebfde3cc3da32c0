// Creation and connection caps (issue 13, lows): 500 volumes and 500 tokens were created in under
// 0.3 s each and one address could hold any number of connections. Each cap is a config key and
// answers 429 `rate_limited`; freeing one makes room again.
#include "ApiTestUtil.h"

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

class TestApiCaps : public QObject
{
    Q_OBJECT

    std::unique_ptr<DaemonProcess> m_daemon;
    DaemonProcess &d() { return *m_daemon; }

  private Q_SLOTS:
    void initTestCase()
    {
        m_daemon = std::make_unique<DaemonProcess>(testConfig(QJsonObject{
            {QStringLiteral("server"), QJsonObject{{QStringLiteral("max_connections_per_ip"), 20}}},
            {QStringLiteral("authorization"), QJsonObject{{QStringLiteral("max_tokens"), 3}}},
            {QStringLiteral("volumes"), QJsonObject{{QStringLiteral("max_count"), 3}}},
        }));
        QVERIFY(d().start());
    }

    void tokensCapped()
    {
        QString lastId;
        for (int i = 0; i < 3; ++i) {
            const auto r =
                curl(curlArgs(d(), "POST", QStringLiteral("/auth/tokens"), jsonBody(R"({"ttl":"1h"})")));
            QCOMPARE(r.status, 201);
            lastId = r.json().value(QStringLiteral("id")).toString();
        }
        API_VERIFY_ERROR(
            curl(curlArgs(d(), "POST", QStringLiteral("/auth/tokens"), jsonBody(R"({"ttl":"1h"})"))), 429,
            "rate_limited");
        QCOMPARE(curl(curlArgs(d(), "DELETE", QStringLiteral("/auth/tokens/") + lastId)).status, 200);
        QCOMPARE(
            curl(curlArgs(d(), "POST", QStringLiteral("/auth/tokens"), jsonBody(R"({"ttl":"1h"})"))).status,
            201);
    }

    void volumesCapped()
    {
        QString lastId;
        for (int i = 0; i < 3; ++i) {
            const auto r = curl(curlArgs(d(), "POST", QStringLiteral("/volumes")));
            QCOMPARE(r.status, 201);
            lastId = r.json().value(QStringLiteral("volume_id")).toString();
        }
        API_VERIFY_ERROR(curl(curlArgs(d(), "POST", QStringLiteral("/volumes"))), 429, "rate_limited");
        QCOMPARE(curl(curlArgs(d(), "DELETE", QStringLiteral("/volumes/") + lastId)).status, 200);
        QCOMPARE(curl(curlArgs(d(), "POST", QStringLiteral("/volumes"))).status, 201);
    }

    void connectionsPerAddressCapped()
    {
        std::vector<std::unique_ptr<RawConnection>> held;
        for (int i = 0; i < 20; ++i) {
            held.push_back(std::make_unique<RawConnection>());
            QVERIFY(held.back()->open(d().port()));
        }
        // the 21st from the same address: 429 and closed
        RawConnection extra;
        QVERIFY(extra.open(d().port()));
        QVERIFY(extra.readUntilClosed(5000));
        const auto rs = extra.responses();
        QCOMPARE(rs.size(), 1);
        QCOMPARE(rs[0].status, 429);
        QVERIFY(isError(QJsonDocument::fromJson(rs[0].body).object(), QStringLiteral("rate_limited")));
        // the held ones still work
        held.front()->send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(held.front()->readResponses(1, 5000));
        QCOMPARE(held.front()->responses().first().status, 200);
        // once they are gone, room again
        held.clear();
        QVERIFY(waitUntil([&] { return curl({d().url(QStringLiteral("/health"))}).status == 200; }, 5000));
    }
};

QTEST_GUILESS_MAIN(TestApiCaps)
#include "tst_api_caps.moc"
