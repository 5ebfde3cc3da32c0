#pragma once
#include "feed/ContainerFeed.h"

#include <QPointer>
#include <QTimer>

namespace lightd {
class ApiClient;
}

namespace lightd::gui {
// Polls GET /containers/:id and /logs every 2 s and turns the answers into feed signals; sends
// commands and power actions over REST. WebSocketContainerFeed falls back to it when a node refuses
// the live console.
class RestContainerFeed final : public ContainerFeed
{
    Q_OBJECT
  public:
    RestContainerFeed(ApiClient *client, const QString &internalId, QObject *parent = nullptr);

    void sendCommand(const QString &command) override;
    void power(const QString &verb) override;
    QString state() const override { return m_state; }
    void start();

    // The new lines of a log window given the previous window (the longest suffix/prefix overlap).
    static QStringList newLines(const QStringList &previous, const QStringList &current);

  private:
    void poll();

    QPointer<ApiClient> m_client;
    QString m_id;
    QString m_state;
    QStringList m_window;
    QTimer m_timer;
    bool m_inFlight = false;
};
} // namespace lightd::gui
