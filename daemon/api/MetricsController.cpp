#include "api/MetricsController.h"

#include "containers/ContainerManager.h"
#include "http/HttpListener.h"
#include "metrics/Counters.h"
#include "metrics/ProcessStats.h"
#include "ws/WebSocketGateway.h"

namespace lightd::api {
using metrics::TextWriter;

http::HttpResponse MetricsController::prometheus(const http::HttpRequest &) const
{
    return http::HttpResponse::raw(200, QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                   m_registry.render());
}

namespace {
void counter(TextWriter &w, const QByteArray &name, const QByteArray &help,
             const std::atomic<std::uint64_t> &v, double scale = 1)
{
    w.family(name, "counter", help);
    w.sample(name, double(v.load(std::memory_order_relaxed)) * scale);
}

void containerFigures(TextWriter &w, const ws::WebSocketGateway &gateway,
                      const containers::ContainerManager &manager)
{
    int byState[int(ContainerState::Failed) + 1] = {};
    int attach = 0, stats = 0;
    for (auto *rt : manager.all()) {
        ++byState[int(rt->state())];
        attach += rt->attachOpen() ? 1 : 0;
        stats += rt->statsOpen() ? 1 : 0;
    }
    w.family("lightd_containers", "gauge", "Managed containers by state.");
    for (ContainerState s : {ContainerState::Installing, ContainerState::Ready, ContainerState::Starting,
                             ContainerState::Running, ContainerState::Stopping, ContainerState::Suspended,
                             ContainerState::Failed})
        w.sample("lightd_containers", {{"state", toString(s)}}, byState[int(s)]);
    const bool up = manager.engineAvailable();
    w.family("lightd_docker_streams", "gauge", "Long-lived engine streams the daemon holds, by kind.");
    w.sample("lightd_docker_streams", {{"kind", QStringLiteral("attach")}}, attach);
    w.sample("lightd_docker_streams", {{"kind", QStringLiteral("stats")}}, stats);
    w.sample("lightd_docker_streams", {{"kind", QStringLiteral("events")}}, up ? 1 : 0);
    w.family("lightd_engine_up", "gauge", "1 while the container engine answers (its event stream is open).");
    w.sample("lightd_engine_up", up ? 1 : 0);
    w.family("lightd_websocket_viewers", "gauge", "Console WebSocket connections open.");
    w.sample("lightd_websocket_viewers", gateway.viewerCount());
}

void counterFigures(TextWriter &w)
{
    const auto &c = metrics::counters();
    counter(w, "lightd_console_lines_total", "Console lines read from containers.", c.consoleLinesIn);
    w.family("lightd_console_lines_dropped_total", "counter",
             "Console lines not delivered: over the per-container throttle, or dropped for a slow viewer.");
    w.sample("lightd_console_lines_dropped_total", {{"reason", QStringLiteral("throttle")}},
             double(c.consoleLinesThrottled.load()));
    w.sample("lightd_console_lines_dropped_total", {{"reason", QStringLiteral("slow_viewer")}},
             double(c.consoleLinesViewerDrop.load()));
    w.family("lightd_file_bytes_total", "counter", "Bytes moved through the REST file routes, by direction.");
    w.sample("lightd_file_bytes_total", {{"direction", QStringLiteral("up")}}, double(c.fileBytesUp.load()));
    w.sample("lightd_file_bytes_total", {{"direction", QStringLiteral("down")}},
             double(c.fileBytesDown.load()));
    counter(w, "lightd_quota_walks_total", "Full quota walks over the volumes.", c.quotaWalks);
    counter(w, "lightd_quota_walk_seconds_total", "Time spent in quota walks, in seconds.", c.quotaWalkMicros,
            1e-6);
    w.family("lightd_quota_walk_last_seconds", "gauge", "Duration of the last quota walk, in seconds.");
    w.sample("lightd_quota_walk_last_seconds", double(c.quotaWalkLastMicros.load()) * 1e-6);
}
} // namespace

void addCoreCollectors(metrics::Registry &registry, const http::HttpListener &listener,
                       const ws::WebSocketGateway &gateway, const containers::ContainerManager &manager)
{
    registry.addCollector([](TextWriter &w) {
        w.family("lightd_build_info", "gauge", "Version of the running daemon (always 1).");
        w.sample("lightd_build_info", {{"version", QStringLiteral(LIGHTD_VERSION)}}, 1);
    });
    registry.addCollector([&listener](TextWriter &w) { listener.requestMetrics().write(w); });
    registry.addCollector([&gateway, &manager](TextWriter &w) { containerFigures(w, gateway, manager); });
    registry.addCollector(counterFigures);
    registry.addCollector([](TextWriter &w) { metrics::ProcessStats::read().write(w); });
}
} // namespace lightd::api
