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

    // The lines of a console window (lines[0] has sequence number firstSeq, the rest follow by one)
    // that come at or after nextSeq, which then moves past them. Lines are told apart by their
    // sequence number only, never by text. A window ending before nextSeq means the daemon's count
    // started again (a restart, a new container): all of it is new. nextSeq -1: nothing shown yet;
    // firstSeq -1 (a daemon without numbers): only the first window is shown.
    static QStringList newLines(qint64 &nextSeq, qint64 firstSeq, const QStringList &lines);
    // Lines before seq were shown already (by the live console this feed stands in for).
    void setNextSeq(qint64 seq) { m_nextSeq = seq; }

  private:
    void poll();

    QPointer<ApiClient> m_client;
    QString m_id;
    QString m_state;
    qint64 m_nextSeq = -1;
    QTimer m_timer;
    bool m_inFlight = false;
};
} // namespace lightd::gui
