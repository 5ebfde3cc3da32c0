#pragma once
#include "config/Config.h"
#include "storage/OutboxTable.h"
#include "storage/UsageSampleTable.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace lightd::sync {
// The durable outbox of API.md section 8. Events are rows written in the caller's transaction (the
// one that changed the container or stored the sample), so an event exists exactly when its change
// does. One event at a time is POSTed to {url}/update, oldest first; it leaves the table only once
// the remote answered 2xx. While the remote fails, retries back off exponentially (1 s doubling to
// 5 min) with jitter; a health check every 30 s that succeeds retries at once. Everything is
// asynchronous on the event loop: a slow or hanging remote never holds up the API.
class Outbox final : public QObject
{
    Q_OBJECT
  public:
    Outbox(storage::Database &db, const Config::Remote &remote, const Config::Billing &rates,
           QObject *parent = nullptr);

    // Loads the counters and starts delivering (when enabled).
    void start();
    // Applies a reloaded config (url, token, node, bound, on/off) without a restart.
    void reconfigure(const Config::Remote &remote, const Config::Billing &rates);

    // Inside the caller's transaction; no-ops while remote sync is disabled.
    void addStateEvent(const QString &server, const QString &state, const QString &error);
    void addBillingEvent(const storage::UsageSampleRow &sample);

    // For /remote/status and /metrics.
    bool enabled() const { return m_remote.enabled; }
    bool healthy() const { return m_healthy; }
    qint64 pendingEvents() const { return m_pending; }
    qint64 droppedEvents() const { return m_dropped; }
    quint64 deliveredEvents() const { return m_delivered; }
    quint64 failedDeliveries() const { return m_failedDeliveries; } // attempts the remote did not take
    QJsonObject status() const;

  private:
    void add(int kind, const QByteArray &body);
    void kick();
    void deliverNext();
    void onDelivered(QNetworkReply *reply, const storage::OutboxRow &row);
    void scheduleRetry(const QString &error);
    void checkHealth();
    QNetworkRequest request(const QString &path) const;

    storage::Database &m_db;
    storage::OutboxTable m_table;
    Config::Remote m_remote;
    Config::Billing m_rates;
    QNetworkAccessManager m_nam;
    QTimer m_retry;
    QTimer m_health;
    QList<storage::OutboxRow> m_queue; // the head of the table, read ahead
    QPointer<QNetworkReply> m_inFlight;
    QPointer<QNetworkReply> m_healthReply;
    int m_failures = 0;
    qint64 m_pending = 0;
    qint64 m_dropped = 0;
    quint64 m_delivered = 0;
    quint64 m_failedDeliveries = 0;
    bool m_healthy = false;
    bool m_kickQueued = false;
    QString m_lastError;
    qint64 m_lastSuccessAt = 0;
    QJsonObject m_lastHealth;
};
} // namespace lightd::sync
