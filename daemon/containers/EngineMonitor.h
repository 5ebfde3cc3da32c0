#pragma once
#include "docker/ContainerEngine.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace lightd::containers {
// Engine liveness and the one `docker events` stream for every managed container. The stream is
// the liveness signal: when it ends the engine counts as down, a ping every 2 s notices its
// return, and then the stream is opened again. It knows no container: it says up/down and hands
// each event on, tagged with the internal_id label the daemon puts on its containers.
class EngineMonitor final : public QObject
{
    Q_OBJECT
  public:
    explicit EngineMonitor(docker::ContainerEngine &engine, QObject *parent = nullptr);
    ~EngineMonitor() override;

    // Asks the engine once (at most firstProbeMs) before returning, so the caller knows its state
    // before serving anything; then keeps watching.
    void start(int firstProbeMs = 3000);
    bool up() const { return m_up; }
    // Podman's Docker-compatible service (GET /version names "Podman Engine"), which lacks some of
    // dockerd's options (no `local` log driver). Learnt each time the engine comes up.
    bool isPodman() const { return m_podman; }

  Q_SIGNALS:
    // up: first contact or return (the caller reconciles); down: the events stream ended.
    void availabilityChanged(bool up);
    void containerEvent(const QString &internalId, const QString &action, const QJsonObject &event);

  private:
    void probe();
    void setUp(bool up);
    void openEvents();

    docker::ContainerEngine &m_engine;
    QPointer<docker::DockerStream> m_events;
    QTimer m_probe;
    void learnEngine(std::function<void()> then);

    bool m_up = false;
    bool m_podman = false;
};
} // namespace lightd::containers
