// The volume registry (API.md section 4, first four routes) and the volume step of seed 002.
#include "ApiTestUtil.h"

#include <QDateTime>
#include <QFileInfo>

using namespace lightd;
using namespace lightd::test;
using namespace lightd::test::api;

namespace {
const QRegularExpression
    kUuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
}

class TestApiVolumes : public QObject
{
    Q_OBJECT

    std::unique_ptr<DaemonProcess> m_daemon;
    DaemonProcess &d() { return *m_daemon; }

    QList<VolumeDto> listVolumes()
    {
        const auto r =
            awaitResult<ApiResult<QList<VolumeDto>>>([&](auto done) { d().client().listVolumes(done); });
        return r && r->ok() ? **r : QList<VolumeDto>();
    }

  private Q_SLOTS:
    void init()
    {
        m_daemon = std::make_unique<DaemonProcess>(testConfig());
        QVERIFY(d().start());
    }

    void cleanup() { m_daemon.reset(); }

    void createWithoutSize()
    {
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        // no body at all, as the seed sends it
        const auto r = curl(curlArgs(d(), "POST", QStringLiteral("/volumes")));
        QCOMPARE(r.status, 201);
        const auto o = r.json();
        QStringList keys = o.keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("created_at"), QStringLiteral("id"), QStringLiteral("path"),
                              QStringLiteral("quota_mb"), QStringLiteral("volume_id")}));
        const QString id = o.value(QStringLiteral("volume_id")).toString();
        QVERIFY2(kUuid.match(id).hasMatch(), r.body.constData());
        QVERIFY(o.value(QStringLiteral("quota_mb")).isNull());
        const QString path = o.value(QStringLiteral("path")).toString();
        QVERIFY(QFileInfo(path).isAbsolute());
        QVERIFY2(QFileInfo(path).isDir(), qPrintable(path));
        QVERIFY(path.endsWith(id));
        QVERIFY2(path.startsWith(d().dataDir()), "volumes live under storage.volumes_path in the data dir");

        // an empty JSON object is the same
        const auto empty = curl(curlArgs(d(), "POST", QStringLiteral("/volumes"), jsonBody("{}")));
        QCOMPARE(empty.status, 201);
        QVERIFY(empty.json().value(QStringLiteral("quota_mb")).isNull());

        const auto listed = listVolumes();
        QCOMPARE(listed.size(), 2);
        const auto it = std::find_if(listed.cbegin(), listed.cend(),
                                     [&](const VolumeDto &v) { return v.volumeId == id; });
        QVERIFY(it != listed.cend());
        QCOMPARE(it->path, path);
        QVERIFY(!it->quotaMb);
        QCOMPARE(it->usedBytes, 0);
        QVERIFY(it->createdAt >= before && it->createdAt <= QDateTime::currentSecsSinceEpoch());
    }

    void createWithSize()
    {
        const auto r =
            curl(curlArgs(d(), "POST", QStringLiteral("/volumes"), jsonBody(R"({"size_mb": 512})")));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("quota_mb")).toInt(), 512);
        const QString id = r.json().value(QStringLiteral("volume_id")).toString();
        const auto one =
            awaitResult<ApiResult<VolumeDto>>([&](auto done) { d().client().getVolume(id, done); });
        QVERIFY(one && one->ok());
        QCOMPARE((*one)->quotaMb, std::optional<qint64>(512));
        // through the shared client
        const auto c =
            awaitResult<ApiResult<VolumeDto>>([&](auto done) { d().client().createVolume(2048, done); });
        QVERIFY(c && c->ok());
        QCOMPARE((*c)->quotaMb, std::optional<qint64>(2048));
        QVERIFY(kUuid.match((*c)->volumeId).hasMatch());
        // bad sizes name the field
        for (const QByteArray &bad : {QByteArray(R"({"size_mb":0})"), QByteArray(R"({"size_mb":-5})"),
                                      QByteArray(R"({"size_mb":"1G"})"), QByteArray(R"({"size_mb":1.25})")}) {
            const auto e = curl(curlArgs(d(), "POST", QStringLiteral("/volumes"), jsonBody(bad)));
            API_VERIFY_ERROR(e, 400, "invalid_field");
            QVERIFY(e.json().value(QStringLiteral("error")).toString().contains(QStringLiteral("size_mb")));
        }
        QCOMPARE(listVolumes().size(), 2);
    }

    void getByIdAndPrefix()
    {
        const auto created = awaitResult<ApiResult<VolumeDto>>(
            [&](auto done) { d().client().createVolume(std::nullopt, done); });
        QVERIFY(created && created->ok());
        const QString id = (*created)->volumeId;

        const auto full = curl(curlArgs(d(), "GET", QStringLiteral("/volumes/") + id));
        QCOMPARE(full.status, 200);
        QStringList keys = full.json().keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("created_at"), QStringLiteral("id"),
                                    QStringLiteral("path"), QStringLiteral("quota_mb"),
                                    QStringLiteral("used_bytes"), QStringLiteral("volume_id")}));
        QCOMPARE(full.json().value(QStringLiteral("volume_id")).toString(), id);

        // a unique prefix of 8+ characters (the seed's walkthrough uses the first 8)
        for (int n : {8, 13, 20}) {
            const auto p = curl(curlArgs(d(), "GET", QStringLiteral("/volumes/") + id.left(n)));
            QVERIFY2(p.status == 200, qPrintable(id.left(n)));
            QCOMPARE(p.json().value(QStringLiteral("volume_id")).toString(), id);
        }
        // shorter than 8 is not a prefix lookup
        API_VERIFY_ERROR(curl(curlArgs(d(), "GET", QStringLiteral("/volumes/") + id.left(7))), 404,
                         "volume_not_found");
        API_VERIFY_ERROR(
            curl(curlArgs(d(), "GET", QStringLiteral("/volumes/00000000-0000-0000-0000-000000000000"))), 404,
            "volume_not_found");
        API_VERIFY_ERROR(curl(curlArgs(d(), "GET", QStringLiteral("/volumes/not-a-volume"))), 404,
                         "volume_not_found");
    }

    void deleteVolume()
    {
        const auto a = awaitResult<ApiResult<VolumeDto>>(
            [&](auto done) { d().client().createVolume(std::nullopt, done); });
        const auto b =
            awaitResult<ApiResult<VolumeDto>>([&](auto done) { d().client().createVolume(100, done); });
        QVERIFY(a && a->ok() && b && b->ok());
        const QString path = (*a)->path;
        QFile marker(path + QStringLiteral("/world.dat"));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.write("data");
        marker.close();

        const auto r = curl(curlArgs(d(), "DELETE", QStringLiteral("/volumes/") + (*a)->volumeId));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("message"), QStringLiteral("Volume deleted")}}));
        API_VERIFY_ERROR(curl(curlArgs(d(), "GET", QStringLiteral("/volumes/") + (*a)->volumeId)), 404,
                         "volume_not_found");
        API_VERIFY_ERROR(curl(curlArgs(d(), "DELETE", QStringLiteral("/volumes/") + (*a)->volumeId)), 404,
                         "volume_not_found");
        QVERIFY2(waitUntil([&] { return !QFileInfo::exists(path); }, 10000), "volume directory not removed");
        const auto left = listVolumes();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left[0].volumeId, (*b)->volumeId);

        // by prefix, through the shared client
        const auto del = awaitResult<ApiResult<QJsonObject>>(
            [&](auto done) { d().client().deleteVolume((*b)->volumeId.left(8), done); });
        QVERIFY(del && del->ok());
        QVERIFY(listVolumes().isEmpty());
        const auto missing = awaitResult<ApiResult<QJsonObject>>(
            [&](auto done) { d().client().deleteVolume((*b)->volumeId, done); });
        QVERIFY(missing && !missing->ok());
        QCOMPARE(missing->error.status, 404);
        QCOMPARE(missing->error.code, QStringLiteral("volume_not_found"));
    }

    void manyVolumesResolveExactly()
    {
        QStringList ids;
        for (int i = 0; i < 40; ++i) {
            const auto c = awaitResult<ApiResult<VolumeDto>>(
                [&](auto done) { d().client().createVolume(std::nullopt, done); });
            QVERIFY(c && c->ok());
            ids << (*c)->volumeId;
        }
        // every full id resolves to itself
        for (const auto &id : ids) {
            const auto r = curl(curlArgs(d(), "GET", QStringLiteral("/volumes/") + id));
            QCOMPARE(r.json().value(QStringLiteral("volume_id")).toString(), id);
        }
        QCOMPARE(listVolumes().size(), 40);
    }

    void seed002VolumeStep()
    {
        const QString seed = seedFile(QStringLiteral("002"));
        if (seed.isEmpty())
            QSKIP("../shared/seeds/002_*.txt not found");
        const QStringList lines = seedCurlLines(seed);
        QVERIFY(!lines.isEmpty());
        // step 1 "Create a Volume": the first curl line of the document
        QVERIFY2(lines[0].contains(QLatin1StringView("/volumes")) &&
                     lines[0].contains(QLatin1StringView("-X POST")),
                 qPrintable(lines[0]));
        const auto r = shell(localise(lines[0], d()));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(kUuid.match(o.value(QStringLiteral("volume_id")).toString()).hasMatch(), r.out.constData());
        QVERIFY(o.value(QStringLiteral("path"))
                    .toString()
                    .endsWith(o.value(QStringLiteral("volume_id")).toString()));

        // the complete example script reads the id with jq, as the seed does
        const QString scriptLine =
            QStringLiteral(
                "TOKEN=\"%1\"; BASE_URL=\"%2\"; VOLUME=$(curl -s -X POST $BASE_URL/volumes \\\n"
                "-H \"Authorization: Bearer $TOKEN\" \\\n"
                "-H \"Accept: Application/vnd.pkglatv1+json\" | jq -r '.volume_id'); echo \"$VOLUME\"")
                .arg(d().token(), d().baseUrl());
        const auto s = shell(scriptLine);
        QCOMPARE(s.exitCode, 0);
        const QString vol = QString::fromUtf8(s.out).trimmed();
        QVERIFY2(kUuid.match(vol).hasMatch(), s.out.constData());
        // and the walkthrough's 8-character form of the id reaches the same volume
        QCOMPARE(curl(curlArgs(d(), "GET", QStringLiteral("/volumes/") + vol.left(8)))
                     .json()
                     .value(QStringLiteral("volume_id"))
                     .toString(),
                 vol);
        QCOMPARE(listVolumes().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestApiVolumes)
#include "tst_api_volumes.moc"
