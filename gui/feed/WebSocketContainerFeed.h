#pragma once
#include "feed/ContainerFeed.h"
#include "lightd/ConsoleSocket.h"

#include <QPointer>
#include <QTimer>

namespace lightd {
class ApiClient;
}

namespace lightd::gui {
class RestContainerFeed;

// The live feed of one container over its WebSocket console (API.md section 6): state frames,
// console and install lines, a stats sample about once a second, commands and power actions.
// A dropped connection is reopened with exponential backoff, and the history the daemon replays on
// every connect only adds the lines this viewer has not shown yet. Only when the node itself refuses
// the upgrade while its REST routes answer (a daemon without consoles, a token without a ws scope)
// does the feed fall back to polling REST.
class WebSocketContainerFeed final : public ContainerFeed
{
    Q_OBJECT
  public:
    enum class Transport { Connecting, Live, Reconnecting, Polling, Closed };
    Q_ENUM(Transport)

    WebSocketContainerFeed(ApiClient *client, const QString &internalId, QObject *parent = nullptr);
    ~WebSocketContainerFeed() override;

    void start();
    void sendCommand(const QString &command) override;
    void power(const QString &verb) override;
    QString state() const override { return m_state; }

    Transport transport() const { return m_transport; }
    // Why the feed polls or is closed, in the operator's words; empty while live.
    QString transportDetail() const { return m_detail; }
    int retryInMs() const { return m_retry.isActive() ? m_retry.remainingTime() : -1; }
    // Backoff bounds of reconnects; tests shorten them.
    void setBackoff(int firstMs, int maxMs);
    ConsoleSocket *socket() { return &m_socket; }

  Q_SIGNALS:
    void transportChanged(lightd::gui::WebSocketContainerFeed::Transport transport);

  private:
    void open();
    void onConnected();
    void onDown(const QString &why);
    void scheduleReconnect();
    void checkRefusal(int status, const QString &why);
    void fallBackToPolling(const QString &why);
    void setTransport(Transport transport, const QString &detail = {});
    void setState(const QString &state);
    void queueLines(const QStringList &lines);
    void flushLines();
    void onErrorFrame(const QString &code, const QString &message);

    QPointer<ApiClient> m_client;
    QString m_id;
    ConsoleSocket m_socket;
    QTimer m_retry;
    QTimer m_flush; // batches console lines: one document edit per burst, not per line
    QStringList m_pending;
    qint64 m_nextSeq = -1; // the next console line not shown yet (RestContainerFeed::newLines)
    RestContainerFeed *m_rest = nullptr;
    Transport m_transport = Transport::Connecting;
    QString m_detail;
    QString m_state;
    QString m_lastAction; // what the next `error` frame answers
    int m_firstBackoffMs = 500;
    int m_maxBackoffMs = 15000;
    int m_backoffMs = 500;
    bool m_up = false; // this connection attempt reached the open state
    bool m_everLive = false;
    bool m_announced = false; // the current outage has been told to the operator
    quint64 m_attempt = 0;    // answers of checks for older attempts are dropped
    quint64 m_downAttempt = 0;
};
} // namespace lightd::gui
