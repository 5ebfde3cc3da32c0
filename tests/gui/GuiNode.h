#pragma once
// One real daemon with two containers on one volume (the first running, bound to one pool port,
// the second at rest) and the main window connected to it: the fixture of the page tests.
#include "Await.h"
#include "DaemonProcess.h"
#include "MainWindow.h"
#include "app/Theme.h"
#include "app/Translations.h"
#include "app/WindowHost.h"
#include "lightd/ApiClient.h"
#include "nodes/NodeConnection.h"
#include "nodes/NodeManager.h"
#include "nodes/TokenStore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <memory>

namespace lightd::test {
class GuiNode
{
  public:
    // extraConfig: merged over the daemon's test config (e.g. a short metering interval).
    explicit GuiNode(const QString &prefix, const QJsonObject &extraConfig = {})
        : m_prefix(prefix), m_extra(extraConfig)
    {}
    ~GuiNode() { stop(); }

    // false with the reason in why.
    bool start(QString &why)
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        gui::translations::install(QStringLiteral("en"));
        gui::applyTheme(*qApp);
        QProcess image;
        image.start(QStringLiteral("bash"), {qEnvironmentVariable("LIGHTD_SOURCE_DIR") +
                                             QStringLiteral("/tests/support/make-test-image.sh")});
        if (!image.waitForFinished(180000) || image.exitCode() != 0)
            return fail(why, QStringLiteral("no test image"));
        removeLeftovers();
        QJsonObject config{
            {QStringLiteral("sftp"), QJsonObject{{QStringLiteral("enabled"), false}}},
            {QStringLiteral("containers"), QJsonObject{{QStringLiteral("crash_restart"), false}}}};
        for (auto it = m_extra.constBegin(); it != m_extra.constEnd(); ++it)
            config.insert(it.key(), it.value());
        daemon = std::make_unique<DaemonProcess>(config);
        if (!daemon->start())
            return fail(why, QStringLiteral("daemon did not start"));
        if (!waitUntil(
                [&] {
                    auto r = awaitResult<ApiResult<QJsonObject>>([&](auto done) {
                        daemon->client().request("GET", QStringLiteral("/system/metrics"), done);
                    });
                    return r && r->ok() && (*r)->value(QStringLiteral("docker_available")).toBool();
                },
                20000))
            return fail(why, QStringLiteral("no engine"));
        auto volume = awaitResult<ApiResult<VolumeDto>>(
            [&](auto done) { daemon->client().createVolume(std::nullopt, done); });
        if (!volume || !volume->ok())
            return fail(why, QStringLiteral("no volume"));
        volumeId = (*volume)->volumeId;
        volumePath = (*volume)->path;
        port = freePort();
        PortDto p;
        p.ip = QStringLiteral("127.0.0.1");
        p.port = port;
        auto added =
            awaitResult<ApiResult<QJsonObject>>([&](auto done) { daemon->client().addPort(p, done); });
        if (!added || !added->ok())
            return fail(why, QStringLiteral("no pool port"));
        // One that works a little (memory and CPU to see) and one at rest.
        const QList<std::pair<QString, QString>> servers = {
            {m_prefix + QStringLiteral("busy"),
             QStringLiteral(
                 "sh -c 'while :; do i=0; while [ $i -lt 100 ]; do i=$((i+1)); done; sleep 0.1; done'")},
            {m_prefix + QStringLiteral("idle"), QStringLiteral("sleep 3600")}};
        for (const auto &[id, command] : servers) {
            QJsonObject body{{QStringLiteral("internal_id"), id},
                             {QStringLiteral("image"), QStringLiteral("lightd-test:busybox")},
                             {QStringLiteral("volume_id"), volumeId},
                             {QStringLiteral("startup_command"), command}};
            if (ids.isEmpty())
                body.insert(QStringLiteral("ports"),
                            QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("127.0.0.1")},
                                                   {QStringLiteral("port"), port},
                                                   {QStringLiteral("protocol"), QStringLiteral("tcp")}}});
            auto created = awaitResult<ApiResult<QJsonObject>>(
                [&](auto done) { daemon->client().createContainer(body, done); });
            if (!created || !created->ok())
                return fail(why, created ? created->error.message : QStringLiteral("create timed out"));
            ids << id;
        }
        for (const QString &id : ids)
            if (!waitUntil([&] { return state(id) == QLatin1StringView("ready"); }, 90000))
                return fail(why, id + QStringLiteral(" not ready"));
        auto started = awaitResult<ApiResult<QJsonObject>>(
            [&](auto done) { daemon->client().power(ids.at(0), QStringLiteral("start"), done); });
        if (!started || !started->ok() ||
            !waitUntil([&] { return state(ids.at(0)) == QLatin1StringView("running"); }, 30000))
            return fail(why, QStringLiteral("the busy container did not start"));

        tokens = std::make_unique<gui::TokenStore>(gui::TokenStore::Backend::Settings);
        nodes = std::make_unique<gui::NodeManager>(tokens.get());
        node = nodes->addNode(QStringLiteral("Pages node"), QUrl(daemon->baseUrl()), daemon->token());
        host = std::make_unique<gui::WindowHost>(nodes.get());
        window()->resize(1280, 800);
        window()->show();
        window()->showPage(node, gui::PageId::Containers);
        return waitUntil([&] { return node->isConnected(); }) || fail(why, QStringLiteral("not connected"));
    }

    void stop()
    {
        host.reset();
        nodes.reset();
        tokens.reset();
        if (daemon) {
            for (const QString &id : ids)
                awaitResult<ApiResult<QJsonObject>>(
                    [&](auto done) { daemon->client().deleteContainer(id, done); }, 60000);
            for (const QString &id : extraVolumes)
                awaitResult<ApiResult<QJsonObject>>(
                    [&](auto done) { daemon->client().deleteVolume(id, done); }, 60000);
            daemon.reset();
        }
        removeLeftovers();
    }

    gui::MainWindow *window() const { return host ? host->window() : nullptr; }
    QString state(const QString &id)
    {
        auto r =
            awaitResult<ApiResult<ContainerDto>>([&](auto done) { daemon->client().getContainer(id, done); });
        return r && r->ok() ? (*r)->installState : QString();
    }

    static int freePort()
    {
        QTcpServer s;
        return s.listen(QHostAddress::LocalHost, 0) ? s.serverPort() : 0;
    }

    std::unique_ptr<DaemonProcess> daemon;
    std::unique_ptr<gui::TokenStore> tokens;
    std::unique_ptr<gui::NodeManager> nodes;
    std::unique_ptr<gui::WindowHost> host;
    gui::NodeConnection *node = nullptr;
    QStringList ids;
    QString volumeId;
    QString volumePath;
    int port = 0;
    QStringList extraVolumes;

  private:
    static bool fail(QString &why, const QString &text)
    {
        why = text;
        return false;
    }
    static QByteArray run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        if (!p.waitForFinished(180000))
            p.kill();
        return p.readAll();
    }
    void removeLeftovers()
    {
        const QByteArray found = run(QStringLiteral("docker"),
                                     {QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
                                      QStringLiteral("name=lightd-") + m_prefix});
        QStringList rm{QStringLiteral("rm"), QStringLiteral("-f")};
        for (const QByteArray &id : found.split('\n'))
            if (!id.trimmed().isEmpty())
                rm << QString::fromLatin1(id.trimmed());
        if (rm.size() > 2)
            run(QStringLiteral("docker"), rm);
    }

    QString m_prefix;
    QJsonObject m_extra;
};
} // namespace lightd::test
