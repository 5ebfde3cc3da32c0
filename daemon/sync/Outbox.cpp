#include "sync/Outbox.h"

#include "sync/RemoteEvents.h"
#include "sync/SyncLog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>

namespace lightd::sync {
namespace {
constexpr int kTimeoutMs = 10000;
constexpr int kHealthEveryMs = 30000;
constexpr qint64 kFirstBackoffMs = 1000;
constexpr qint64 kMaxBackoffMs = 5 * 60 * 1000;
constexpr int kReadAhead = 256;
} // namespace

Outbox::Outbox(storage::Database &db, const Config::Remote &remote, const Config::Billing &rates,
               QObject *parent)
    : QObject(parent), m_db(db), m_table(db), m_remote(remote), m_rates(rates)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &Outbox::deliverNext);
    m_health.setInterval(kHealthEveryMs);
    connect(&m_health, &QTimer::timeout, this, &Outbox::checkHealth);
    m_nam.setAutoDeleteReplies(false);
}

void Outbox::start()
{
    m_pending = m_table.count();
    m_dropped = m_table.droppedTotal();
    if (m_pending > 0)
        qCInfo(lcSync) << m_pending << "events waiting for the remote";
    reconfigure(m_remote, m_rates);
}

void Outbox::reconfigure(const Config::Remote &remote, const Config::Billing &rates)
{
    const bool moved = remote.url != m_remote.url || remote.token != m_remote.token;
    m_remote = remote;
    m_rates = rates;
    if (!m_remote.enabled) {
        m_health.stop();
        m_retry.stop();
        m_healthy = false;
        return;
    }
    if (moved) {
        m_failures = 0;
        m_retry.stop();
    }
    m_health.start();
    checkHealth();
    kick();
}

void Outbox::addStateEvent(const QString &server, const QString &state, const QString &error)
{
    if (!m_remote.enabled)
        return;
    add(storage::OutboxRow::State,
        stateEvent(m_remote.nodeId, server, state, error, QDateTime::currentSecsSinceEpoch()));
}

void Outbox::addBillingEvent(const storage::UsageSampleRow &sample)
{
    if (!m_remote.enabled)
        return;
    add(storage::OutboxRow::Billing, billingEvent(m_remote.nodeId, sample, m_rates));
}

void Outbox::add(int kind, const QByteArray &body)
{
    m_db.transaction([&] {
        if (m_pending >= m_remote.outboxMaxEvents) {
            // Full: the oldest billing events make room; state and failure events are never dropped.
            int gone = m_table.dropOldestBilling(int(m_pending - m_remote.outboxMaxEvents + 1));
            if (gone == 0 && kind == storage::OutboxRow::Billing) {
                m_table.addDropped(1);
                ++m_dropped;
                return;
            }
            if (gone > 0) {
                m_table.addDropped(gone);
                m_dropped += gone;
                m_pending -= gone;
                m_queue.clear(); // read the head again: some of it is gone
            }
        }
        m_table.insert(kind, body, QDateTime::currentMSecsSinceEpoch());
        ++m_pending;
    });
    kick();
}

// Runs after the current event-loop turn, i.e. after the caller's transaction has committed.
void Outbox::kick()
{
    if (m_kickQueued || !m_remote.enabled)
        return;
    m_kickQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_kickQueued = false;
        if (!m_retry.isActive())
            deliverNext();
    });
}

QNetworkRequest Outbox::request(const QString &path) const
{
    QNetworkRequest req(QUrl(joinUrl(m_remote.url, path)));
    req.setTransferTimeout(kTimeoutMs);
    req.setRawHeader("Authorization", "Bearer " + m_remote.token.toUtf8());
    req.setRawHeader("Accept", "application/json");
    return req;
}

void Outbox::deliverNext()
{
    if (!m_remote.enabled || m_inFlight)
        return;
    if (m_queue.isEmpty()) {
        m_queue = m_table.head(kReadAhead);
        if (m_queue.isEmpty()) {
            m_pending = 0; // resynchronise the count with the table
            return;
        }
    }
    const storage::OutboxRow row = m_queue.first();
    QNetworkRequest req = request(QStringLiteral("update"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    m_inFlight = m_nam.post(req, row.body);
    connect(m_inFlight, &QNetworkReply::finished, this,
            [this, reply = m_inFlight.data(), row] { onDelivered(reply, row); });
}

void Outbox::onDelivered(QNetworkReply *reply, const storage::OutboxRow &row)
{
    reply->deleteLater();
    m_inFlight = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status > 299) {
        scheduleRetry(status > 0 ? QStringLiteral("POST /update answered %1").arg(status)
                                 : reply->errorString());
        return;
    }
    try {
        m_table.removeUpTo(row.seq);
    } catch (const std::exception &e) {
        qCWarning(lcSync) << "cannot remove a delivered event:" << e.what();
    }
    if (!m_queue.isEmpty() && m_queue.first().seq == row.seq)
        m_queue.removeFirst();
    m_pending = std::max<qint64>(0, m_pending - 1);
    ++m_delivered;
    m_failures = 0;
    m_lastSuccessAt = QDateTime::currentSecsSinceEpoch();
    m_lastError.clear();
    deliverNext();
}

void Outbox::scheduleRetry(const QString &error)
{
    if (m_failures == 0 || error != m_lastError)
        qCWarning(lcSync).noquote() << "remote delivery failed:" << error << "-" << m_pending
                                    << "events waiting";
    m_lastError = error;
    ++m_failedDeliveries;
    const qint64 base = std::min(kMaxBackoffMs, kFirstBackoffMs << std::min(m_failures, 20));
    ++m_failures;
    // Equal jitter: half the delay fixed, half random, so many nodes do not retry in step.
    const qint64 delay = base / 2 + qint64(QRandomGenerator::global()->bounded(double(base / 2 + 1)));
    m_retry.start(int(delay));
}

void Outbox::checkHealth()
{
    if (!m_remote.enabled || m_healthReply)
        return;
    m_healthReply = m_nam.get(request(QStringLiteral("health")));
    connect(m_healthReply, &QNetworkReply::finished, this, [this, reply = m_healthReply.data()] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool ok = status >= 200 && status <= 299;
        if (ok != m_healthy)
            qCInfo(lcSync) << "remote health check:" << (ok ? "OK" : "Failed");
        m_healthy = ok;
        if (ok) {
            m_lastHealth = QJsonDocument::fromJson(reply->readAll()).object();
            m_lastSuccessAt = QDateTime::currentSecsSinceEpoch();
            if (m_retry.isActive()) { // back: deliver now instead of waiting out the backoff
                m_retry.stop();
                deliverNext();
            }
        } else {
            m_lastError =
                status > 0 ? QStringLiteral("GET /health answered %1").arg(status) : reply->errorString();
        }
    });
}

QJsonObject Outbox::status() const
{
    return {
        {QStringLiteral("enabled"), m_remote.enabled},
        {QStringLiteral("healthy"), m_healthy},
        {QStringLiteral("pending_events"), m_pending},
        {QStringLiteral("dropped_events"), m_dropped},
        {QStringLiteral("delivered_events"), qint64(m_delivered)},
        {QStringLiteral("last_error"), m_lastError.isEmpty() ? QJsonValue() : QJsonValue(m_lastError)},
        {QStringLiteral("last_success_at"), m_lastSuccessAt > 0 ? QJsonValue(m_lastSuccessAt) : QJsonValue()},
        {QStringLiteral("remote_health"), m_lastHealth}};
}
} // namespace lightd::sync
