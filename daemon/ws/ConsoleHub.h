#pragma once
#include "config/Config.h"
#include "containers/ContainerRuntime.h"
#include "ws/ViewerSession.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace lightd::volumes {
class VolumeRegistry;
}

namespace lightd::ws {
// Fans one container's console, state, install, stats and daemon messages out to every viewer. It
// listens to the container runtime (which owns the single Docker attach and stats streams), encodes
// each WebSocket frame once, applies the console throttle, and answers viewers' messages. Frames are
// collected for the rest of the event-loop turn (the lines of one Docker read, say), or a little
// longer while writing to every viewer is slow, and go out as one write per viewer.
class ConsoleHub final : public QObject
{
    Q_OBJECT
  public:
    ConsoleHub(containers::ContainerRuntime *runtime, volumes::VolumeRegistry &volumes, const Config &config,
               QObject *parent = nullptr);
    ~ConsoleHub() override;

    void addViewer(ViewerSession *viewer);
    int viewerCount() const { return int(m_viewers.size()); }
    // The container is being deleted: last state frame, a notice, a clean close for everyone.
    void containerRemoved();
    // A daemon_message to every viewer (e.g. the engine went away or came back).
    void notice(const QString &text);

  private:
    void broadcast(QLatin1StringView event, const QJsonValue &data, ViewerSession::Kind kind);
    void broadcast(const QByteArray &message, ViewerSession::Kind kind);
    void flush();
    void onConsoleLine(quint64 seq, const QString &line);
    void rollWindow();
    void onMessage(ViewerSession *viewer, const QString &text);
    QJsonObject statsData() const;
    static QByteArray message(QLatin1StringView event, const QJsonValue &data);
    // A logs frame: the lines and, beside them, each line's sequence number.
    QByteArray logsMessage(int lines) const;

    QPointer<containers::ContainerRuntime> m_runtime;
    volumes::VolumeRegistry &m_volumes;
    const Config &m_config;
    QList<ViewerSession *> m_viewers;
    QList<ViewerSession::Chunk> m_pending; // broadcast, not yet written
    bool m_flushPosted = false;
    QTimer m_flushTimer; // a flush held back while the last one took long
    QElapsedTimer m_clock;
    qint64 m_nextFlushNs = 0;
    // throttle: a window of throttle_interval_ms; an episode lasts from the first window over the
    // limit to the first window under it, with one notice at each end
    QElapsedTimer m_window;
    QTimer m_episodeTimer; // while throttling: ends the episode even if the container goes quiet
    int m_windowLines = 0;
    quint64 m_skipped = 0;
    bool m_throttling = false;
};
} // namespace lightd::ws
