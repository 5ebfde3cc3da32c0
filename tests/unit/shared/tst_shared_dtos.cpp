// The shared contract: every DTO survives toJson -> fromJson, speaks the wire keys of API.md, and
// reads the shapes the seeds show.
#include "lightd/BillingDto.h"
#include "lightd/ContainerDto.h"
#include "lightd/ContainerState.h"
#include "lightd/ContainerStats.h"
#include "lightd/CreateContainerDto.h"
#include "lightd/ErrorCodes.h"
#include "lightd/ErrorStatus.h"
#include "lightd/FileDto.h"
#include "lightd/JsonUtil.h"
#include "lightd/PortDto.h"
#include "lightd/TokenDto.h"
#include "lightd/VolumeDto.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace lightd;

namespace {
QStringList sortedKeys(const QJsonObject &o)
{
    QStringList k = o.keys();
    k.sort();
    return k;
}

QStringList list(std::initializer_list<const char *> names)
{
    QStringList out;
    for (const char *n : names)
        out << QString::fromLatin1(n);
    out.sort();
    return out;
}

// Through text, as on the wire.
QJsonObject wire(const QJsonObject &o)
{
    return QJsonDocument::fromJson(json::encode(o)).object();
}

ContainerDto sampleContainer()
{
    ContainerDto c;
    c.internalId = QStringLiteral("my-server-001");
    c.containerId = QStringLiteral("4f2a9c0e1b7d");
    c.volumeId = QStringLiteral("d6764075-c5f1-4045-9fb3-85315b85cb0f");
    c.image = QStringLiteral("ubuntu:22.04");
    c.startupCommand = QStringLiteral("bash -c \"while true; do echo Ready; sleep 1; done\"");
    c.startPattern = QStringLiteral("Ready");
    c.installState = QStringLiteral("running");
    c.error = QStringLiteral("");
    c.ports = {PortBindingDto{QStringLiteral("0.0.0.0"), 25565, 25565, QStringLiteral("tcp")},
               PortBindingDto{QStringLiteral("127.0.0.1"), 19132, 19133, QStringLiteral("udp")}};
    c.limits = LimitsDto{536870912, 1.5};
    c.mount = {{QStringLiteral("/data"), QStringLiteral("/srv/data")}};
    c.env = {{QStringLiteral("EULA"), QStringLiteral("true")},
             {QStringLiteral("ÜNICODE"), QStringLiteral("✓ \"q\"\n")}};
    c.createdAt = 1700000000;
    c.updatedAt = 1700000123;
    return c;
}

void compareContainers(const ContainerDto &a, const ContainerDto &b)
{
    QCOMPARE(a.internalId, b.internalId);
    QCOMPARE(a.containerId, b.containerId);
    QCOMPARE(a.volumeId, b.volumeId);
    QCOMPARE(a.image, b.image);
    QCOMPARE(a.startupCommand, b.startupCommand);
    QCOMPARE(a.startPattern, b.startPattern);
    QCOMPARE(a.installState, b.installState);
    QCOMPARE(a.error, b.error);
    QCOMPARE(a.ports, b.ports);
    QCOMPARE(a.limits, b.limits);
    QCOMPARE(a.mount, b.mount);
    QCOMPARE(a.env, b.env);
    QCOMPARE(a.createdAt, b.createdAt);
    QCOMPARE(a.updatedAt, b.updatedAt);
}
} // namespace

class TestSharedDtos : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void portDtoRoundTrip()
    {
        const PortDto free{QStringLiteral("0.0.0.0"), 25565, QStringLiteral("tcp"), false, QString()};
        const PortDto held{QStringLiteral("::1"), 19132, QStringLiteral("udp"), true,
                           QStringLiteral("srv-1")};
        for (const PortDto &p : {free, held}) {
            const QJsonObject j = wire(p.toJson());
            QCOMPARE(sortedKeys(j), list({"id", "ip", "port", "protocol", "in_use", "container"}));
            QCOMPARE(PortDto::fromJson(j), p);
        }
        QVERIFY(free.toJson().value(QStringLiteral("container")).isNull());
        QCOMPARE(held.toJson().value(QStringLiteral("container")).toString(), QStringLiteral("srv-1"));
        QCOMPARE(held.toJson().value(QStringLiteral("in_use")).toBool(), true);
    }

    void portDtoReadsSeedShape()
    {
        // GET /network/ports/0.0.0.0/25565 as seed 004 shows it (no "container" key)
        const auto p = PortDto::fromJson(
            QJsonDocument::fromJson(R"({"ip":"0.0.0.0","port":25565,"protocol":"tcp","in_use":false})")
                .object());
        QCOMPARE(p, (PortDto{QStringLiteral("0.0.0.0"), 25565, QStringLiteral("tcp"), false, QString()}));
        // protocol defaults to tcp when absent
        QCOMPARE(PortDto::fromJson(QJsonObject{{QStringLiteral("ip"), QStringLiteral("1.2.3.4")},
                                               {QStringLiteral("port"), 1}})
                     .protocol,
                 QStringLiteral("tcp"));
    }

    void portBindingRoundTrip()
    {
        const PortBindingDto b{QStringLiteral("127.0.0.1"), 25565, 25575, QStringLiteral("udp")};
        const QJsonObject j = wire(b.toJson());
        QCOMPARE(sortedKeys(j), list({"ip", "port", "host_port", "container_port", "protocol"}));
        QCOMPARE(PortBindingDto::fromJson(j), b);
    }

    void portBindingReadsBothShapes()
    {
        // the seeds' {"ip","port","protocol"} form: container port defaults to the host port
        const auto seed = PortBindingDto::fromJson(
            QJsonDocument::fromJson(R"({"ip": "0.0.0.0", "port": 25565, "protocol": "tcp"})").object());
        QCOMPARE(seed, (PortBindingDto{QStringLiteral("0.0.0.0"), 25565, 25565, QStringLiteral("tcp")}));
        // {"container_port","host_port","protocol"} without ip
        const auto mapped = PortBindingDto::fromJson(
            QJsonDocument::fromJson(R"({"container_port": 80, "host_port": 8080, "protocol": "tcp"})")
                .object());
        QCOMPARE(mapped, (PortBindingDto{QStringLiteral("0.0.0.0"), 8080, 80, QStringLiteral("tcp")}));
        const auto bare = PortBindingDto::fromJson(QJsonObject{{QStringLiteral("host_port"), 7777}});
        QCOMPARE(bare, (PortBindingDto{QStringLiteral("0.0.0.0"), 7777, 7777, QStringLiteral("tcp")}));
    }

    void limitsRoundTrip()
    {
        for (const LimitsDto &l : {LimitsDto{}, LimitsDto{1073741824, 2.0}, LimitsDto{4LL << 40, 0.25}}) {
            const QJsonObject j = wire(l.toJson());
            QCOMPARE(sortedKeys(j), list({"memory", "cpu"}));
            QCOMPARE(LimitsDto::fromJson(j), l);
        }
    }

    void containerSummaryRoundTrip()
    {
        const ContainerSummaryDto s{QStringLiteral("minecraft-001"), QStringLiteral("abc123"),
                                    QStringLiteral("ready"), QStringLiteral("openjdk:17-slim")};
        const QJsonObject j = wire(s.toJson());
        QCOMPARE(sortedKeys(j), list({"internal_id", "container_id", "install_state", "image"}));
        const auto back = ContainerSummaryDto::fromJson(j);
        QCOMPARE(back.internalId, s.internalId);
        QCOMPARE(back.containerId, s.containerId);
        QCOMPARE(back.installState, s.installState);
        QCOMPARE(back.image, s.image);
        QCOMPARE(back.toJson(), s.toJson());
    }

    void containerRoundTrip()
    {
        const ContainerDto c = sampleContainer();
        const QJsonObject j = wire(c.toJson());
        QCOMPARE(sortedKeys(j), list({"internal_id", "container_id", "volume_id", "image", "startup_command",
                                      "start_pattern", "install_state", "error", "ports", "limits", "mount",
                                      "env", "created_at", "updated_at"}));
        const ContainerDto back = ContainerDto::fromJson(j);
        compareContainers(back, c);
        QCOMPARE(back.toJson(), c.toJson());
        // summary() is the list entry of the same record
        QCOMPARE(c.summary().toJson(), ContainerSummaryDto::fromJson(j).toJson());
    }

    void containerNullables()
    {
        ContainerDto c = sampleContainer();
        c.startPattern.reset();
        c.error = QStringLiteral("install script exited with 1");
        c.ports.clear();
        c.mount.clear();
        c.env.clear();
        const QJsonObject j = wire(c.toJson());
        QVERIFY(j.value(QStringLiteral("start_pattern")).isNull()); // null, not ""
        QCOMPARE(j.value(QStringLiteral("error")).toString(), c.error);
        QVERIFY(j.value(QStringLiteral("ports")).isArray());
        QVERIFY(j.value(QStringLiteral("mount")).isObject());
        const ContainerDto back = ContainerDto::fromJson(j);
        QVERIFY(!back.startPattern.has_value());
        compareContainers(back, c);

        ContainerDto noError = sampleContainer();
        noError.error.clear();
        QVERIFY(noError.toJson().value(QStringLiteral("error")).isNull());
        // an empty-string pattern is not the same as no pattern
        ContainerDto emptyPattern = sampleContainer();
        emptyPattern.startPattern = QString();
        QCOMPARE(ContainerDto::fromJson(wire(emptyPattern.toJson())).startPattern,
                 std::optional<QString>(QString()));
    }

    void createdTokenRoundTrip()
    {
        const CreatedTokenDto t{QStringLiteral("lightd_0123456789abcdef0123456789abcdef"),
                                QStringLiteral("5f0c3c62-3c43-4c55-9d7a-1f3f2b8f6c11"), 1700000900};
        const QJsonObject j = wire(t.toJson());
        QCOMPARE(sortedKeys(j), list({"token", "id", "expires_at"}));
        const auto back = CreatedTokenDto::fromJson(j);
        QCOMPARE(back.token, t.token);
        QCOMPARE(back.id, t.id);
        QCOMPARE(back.expiresAt, t.expiresAt);
    }

    void tokenInfoRoundTrip()
    {
        const TokenInfoDto all{QStringLiteral("id-1"), 1700000900, false, {}, 1700000000};
        const TokenInfoDto scoped{QStringLiteral("id-2"),
                                  1700003600,
                                  true,
                                  {QStringLiteral("ws:my-server"), QStringLiteral("api")},
                                  1700000001};
        for (const TokenInfoDto &t : {all, scoped}) {
            const QJsonObject j = wire(t.toJson());
            QCOMPARE(sortedKeys(j), list({"id", "expires_at", "remove_on_use", "scopes", "created_at"}));
            QVERIFY(!j.contains(QStringLiteral("token")));
            QVERIFY(j.value(QStringLiteral("scopes")).isArray());
            QCOMPARE(TokenInfoDto::fromJson(j), t);
        }
    }

    void volumeRoundTrip()
    {
        const VolumeDto withQuota{QStringLiteral("d6764075-c5f1-4045-9fb3-85315b85cb0f"),
                                  QStringLiteral("/storage/volumes/d6764075-c5f1-4045-9fb3-85315b85cb0f"),
                                  1024, 4096, 1700000000};
        const VolumeDto noQuota{QStringLiteral("0b8e6f7a-0000-4000-8000-000000000001"),
                                QStringLiteral("/v/0b8e"), std::nullopt, 0, 1700000001};
        for (const VolumeDto &v : {withQuota, noQuota}) {
            const QJsonObject j = wire(v.toJson());
            QCOMPARE(sortedKeys(j), list({"volume_id", "path", "quota_mb", "used_bytes", "created_at"}));
            QCOMPARE(VolumeDto::fromJson(j), v);
        }
        QVERIFY(noQuota.toJson().value(QStringLiteral("quota_mb")).isNull());
        // the seed's POST /volumes answer (volume_id, path only) reads fine
        const auto seed = VolumeDto::fromJson(
            QJsonDocument::fromJson(
                R"({"volume_id":"d6764075-c5f1-4045-9fb3-85315b85cb0f","path":"/storage/volumes/d6764075-c5f1-4045-9fb3-85315b85cb0f"})")
                .object());
        QCOMPARE(seed.volumeId, withQuota.volumeId);
        QVERIFY(!seed.quotaMb);
    }

    void fileEntryRoundTrip()
    {
        const FileEntryDto f{QStringLiteral("server.properties"),
                             QStringLiteral("file"),
                             1234,
                             QStringLiteral("0644"),
                             1700000000,
                             QStringLiteral("text/plain")};
        const FileEntryDto dir{QStringLiteral("plugins"),
                               QStringLiteral("directory"),
                               4096,
                               QStringLiteral("0755"),
                               1700000001,
                               QStringLiteral("inode/directory")};
        for (const FileEntryDto &e : {f, dir}) {
            const QJsonObject j = wire(e.toJson());
            QCOMPARE(sortedKeys(j), list({"name", "type", "size", "mode", "modified_at", "mimetype"}));
            QCOMPARE(FileEntryDto::fromJson(j), e);
        }
        QVERIFY(dir.isDirectory());
        QVERIFY(!f.isDirectory());
    }

    void fileListReadsContractShape()
    {
        // GET /volumes/:id/files?path=dir (API.md section 4)
        const FileEntryDto a{
            QStringLiteral("plugins"), QStringLiteral("directory"), 0, QStringLiteral("0755"), 1, QString()};
        const FileEntryDto b{
            QStringLiteral("a.txt"),     QStringLiteral("file"), 3, QStringLiteral("0644"), 2,
            QStringLiteral("text/plain")};
        const QJsonObject body{{QStringLiteral("path"), QStringLiteral("dir")},
                               {QStringLiteral("files"), QJsonArray{a.toJson(), b.toJson()}}};
        const FileListDto l = FileListDto::fromJson(wire(body));
        QCOMPARE(l.path, QStringLiteral("dir"));
        QCOMPARE(l.files, (QList<FileEntryDto>{a, b}));
    }

    void quotaReadsContractShape()
    {
        const auto q = QuotaDto::fromJson(
            QJsonDocument::fromJson(
                R"({"size_mb":1024,"used_mb":256.5,"available_mb":767.5,"percentage_used":25.05})")
                .object());
        QCOMPARE(q.sizeMb, std::optional<qint64>(1024));
        QCOMPARE(q.usedMb, 256.5);
        QCOMPARE(q.availableMb, std::optional<double>(767.5));
        QCOMPARE(q.percentageUsed, 25.05);
        // no quota: size and available are null
        const auto none = QuotaDto::fromJson(
            QJsonDocument::fromJson(R"({"size_mb":null,"used_mb":1,"available_mb":null,"percentage_used":0})")
                .object());
        QVERIFY(!none.sizeMb);
        QVERIFY(!none.availableMb);
    }

    void containerStatsRoundTrip()
    {
        const ContainerStats s{153.25,    512LL << 20, 1LL << 30, 123456789012,
                               987654321, 5LL << 30,   3600,      QStringLiteral("running")};
        const QJsonObject j = wire(s.toJson());
        // API.md section 6 stats frame
        QCOMPARE(sortedKeys(j), list({"cpu_absolute", "memory_bytes", "memory_limit_bytes", "network",
                                      "disk_bytes", "uptime", "state"}));
        QCOMPARE(sortedKeys(j.value(QStringLiteral("network")).toObject()), list({"rx_bytes", "tx_bytes"}));
        QCOMPARE(ContainerStats::fromJson(j), s);
        QCOMPARE(ContainerStats::fromJson(wire(ContainerStats{}.toJson())), ContainerStats{});
    }

    void createContainerWritesContractShape()
    {
        CreateContainerDto c;
        c.internalId = QStringLiteral("minecraft-001");
        c.image = QStringLiteral("openjdk:17-slim");
        c.volumeId = QStringLiteral("d6764075-c5f1-4045-9fb3-85315b85cb0f");
        c.startupCommand = QStringLiteral("java -Xmx1G -jar server.jar nogui");
        c.startPattern = QStringLiteral("Done");
        c.ports = {PortBindingDto{QStringLiteral("0.0.0.0"), 25565, 25565, QStringLiteral("tcp")}};
        c.limits = LimitsDto{1073741824, 2.0};
        c.installScript =
            QStringLiteral("#!/bin/bash\nwget https://example.com/server.jar\necho 'eula=true' > eula.txt");
        c.env = {{QStringLiteral("EULA"), QStringLiteral("true")}};
        const QJsonObject j = wire(c.toJson());
        QCOMPARE(sortedKeys(j), list({"internal_id", "image", "volume_id", "startup_command", "start_pattern",
                                      "ports", "limits", "install_script", "env"}));
        QCOMPARE(j.value(QStringLiteral("internal_id")).toString(), c.internalId);
        QCOMPARE(j.value(QStringLiteral("install_script")).toString(), c.installScript);
        QCOMPARE(PortBindingDto::fromJson(j.value(QStringLiteral("ports")).toArray().first().toObject()),
                 c.ports.first());
        QCOMPARE(LimitsDto::fromJson(j.value(QStringLiteral("limits")).toObject()), c.limits);
        QCOMPARE(json::toStringMap(j.value(QStringLiteral("env")).toObject()), c.env);
        // the server reads it back into the same full record fields
        const ContainerDto back = ContainerDto::fromJson(j);
        QCOMPARE(back.internalId, c.internalId);
        QCOMPARE(back.volumeId, c.volumeId);
        QCOMPARE(back.startPattern, std::optional<QString>(c.startPattern));
        QCOMPARE(back.ports, c.ports);

        // the optional parts are left out when empty: only the four required fields
        CreateContainerDto minimal;
        minimal.internalId = QStringLiteral("x");
        minimal.image = QStringLiteral("busybox");
        minimal.volumeId = QStringLiteral("v");
        minimal.startupCommand = QStringLiteral("sh");
        QCOMPARE(sortedKeys(minimal.toJson()),
                 list({"internal_id", "image", "volume_id", "startup_command"}));
    }

    void billingReadsContractShapes()
    {
        const auto rates = BillingRatesDto::fromJson(
            QJsonDocument::fromJson(
                R"({"memory_per_gb_hour":0.005,"cpu_per_vcpu_hour":0.01,"storage_per_gb_hour":0.0001,"egress_per_gb":0.05})")
                .object());
        QCOMPARE(rates.memoryPerGbHour, 0.005);
        QCOMPARE(rates.cpuPerVcpuHour, 0.01);
        QCOMPARE(rates.storagePerGbHour, 0.0001);
        QCOMPARE(rates.egressPerGb, 0.05);

        const EstimateRequestDto req{2, 1.5, 10, 100};
        const QJsonObject rj = wire(req.toJson());
        QCOMPARE(sortedKeys(rj), list({"memory_gb", "cpu_vcpus", "storage_gb", "egress_gb_per_month"}));
        QCOMPARE(rj.value(QStringLiteral("cpu_vcpus")).toDouble(), 1.5);

        const auto est = BillingEstimateDto::fromJson(
            QJsonDocument::fromJson(
                R"({"hourly":0.026,"daily":0.624,"monthly":18.72,"breakdown":{"memory":{"hourly":0.01,"daily":0.24,"monthly":7.2},"cpu":{"hourly":0.015,"daily":0.36,"monthly":10.8},"storage":{"hourly":0.001,"daily":0.024,"monthly":0.72},"egress":{"hourly":0,"daily":0,"monthly":5}}})")
                .object());
        QCOMPARE(est.total.hourly, 0.026);
        QCOMPARE(est.total.daily, 0.624);
        QCOMPARE(est.total.monthly, 18.72);
        QCOMPARE(est.breakdown.keys(), (QStringList{QStringLiteral("cpu"), QStringLiteral("egress"),
                                                    QStringLiteral("memory"), QStringLiteral("storage")}));
        QCOMPARE(est.breakdown.value(QStringLiteral("cpu")).monthly, 10.8);
        QCOMPARE(est.breakdown.value(QStringLiteral("egress")).monthly, 5.0);

        const auto usage = UsageDto::fromJson(
            QJsonDocument::fromJson(
                R"({"container_id":"srv-1","memory_gb":0.5,"cpu_vcpus":0.25,"storage_gb":2,"egress_gb":0.1,"duration_hours":24,"estimated_cost":0.42})")
                .object());
        QCOMPARE(usage, (UsageDto{QStringLiteral("srv-1"), 0.5, 0.25, 2, 0.1, 24, 0.42}));
    }

    void largeNumbersSurvive()
    {
        // 64-bit values beyond 2^31 (bytes, timestamps) must not be truncated to int
        const VolumeDto v{QStringLiteral("x"), QStringLiteral("/x"), 5LL << 30, 9LL << 40, 4102444800};
        QCOMPARE(VolumeDto::fromJson(wire(v.toJson())), v);
        const LimitsDto l{3LL << 40, 64};
        QCOMPARE(LimitsDto::fromJson(wire(l.toJson())), l);
    }

    void containerStates()
    {
        const QStringList names{QStringLiteral("installing"), QStringLiteral("ready"),
                                QStringLiteral("starting"),   QStringLiteral("running"),
                                QStringLiteral("stopping"),   QStringLiteral("suspended"),
                                QStringLiteral("failed")};
        for (const auto &n : names) {
            const auto s = containerStateFromString(n);
            QVERIFY2(s, qPrintable(n));
            QCOMPARE(toString(*s), n);
        }
        QVERIFY(!containerStateFromString(QStringLiteral("Running")));
        QVERIFY(!containerStateFromString(QStringLiteral("")));
        QVERIFY(!containerStateFromString(QStringLiteral("paused")));
    }

    // The one code -> status table covers every code ErrorCodes.h lists, with the contract's statuses.
    void everyErrorCodeHasAStatus()
    {
        QFile header(qEnvironmentVariable("LIGHTD_SOURCE_DIR") +
                     QStringLiteral("/shared/lightd/ErrorCodes.h"));
        QVERIFY(header.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(header.readAll());
        static const QRegularExpression code(QStringLiteral("C \\w+\\{\"([a-z_]+)\"\\}"));
        int seen = 0;
        for (auto it = code.globalMatch(text); it.hasNext(); ++seen) {
            const QString c = it.next().captured(1);
            QVERIFY2(codes::httpStatus(c, -1) != -1, qPrintable(c));
        }
        QVERIFY(seen > 30);
        QCOMPARE(codes::httpStatus(codes::InvalidField), 400);
        QCOMPARE(codes::httpStatus(codes::Unauthorized), 401);
        QCOMPARE(codes::httpStatus(codes::InvalidVendor), 403);
        QCOMPARE(codes::httpStatus(codes::NoAvailablePorts), 404);
        QCOMPARE(codes::httpStatus(codes::PowerLocked), 409);
        QCOMPARE(codes::httpStatus(codes::RateLimited), 429);
        QCOMPARE(codes::httpStatus(codes::QuotaExceeded), 507);
        QCOMPARE(codes::httpStatus(codes::DockerUnavailable), 503);
        QCOMPARE(codes::httpStatus(QStringLiteral("no_such_code")), 500);
        QCOMPARE(codes::httpStatus(QStringLiteral("no_such_code"), 400), 400);
    }

    void jsonUtil()
    {
        const QMap<QString, QString> m{{QStringLiteral("a"), QStringLiteral("1")},
                                       {QStringLiteral("b"), QString()}};
        QCOMPARE(json::toStringMap(json::fromStringMap(m)), m);
        const QStringList l{QStringLiteral("x"), QStringLiteral("y"), QString()};
        QCOMPARE(json::toStringList(json::fromStringList(l)), l);
        const QByteArray compact = json::encode(QJsonObject{{QStringLiteral("k"), QStringLiteral("v ü")}});
        QCOMPARE(compact, QByteArray("{\"k\":\"v \xc3\xbc\"}"));
    }
};

QTEST_APPLESS_MAIN(TestSharedDtos)
#include "tst_shared_dtos.moc"
