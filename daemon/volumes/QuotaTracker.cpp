#include "volumes/QuotaTracker.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "metrics/Counters.h"
#include "volumes/Sandbox.h"
#include "volumes/TreeOps.h"
#include "volumes/VolumesLog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>

namespace lightd::volumes {
namespace {
constexpr qint64 kMiB = 1024 * 1024;
constexpr int kFlushDelayMs = 500;
} // namespace

QuotaTracker::QuotaTracker(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_timer.setSingleShot(false);
    connect(&m_timer, &QTimer::timeout, this, [this] { refreshNow(); });
}

QuotaTracker::~QuotaTracker()
{
    m_cancel->store(true);
    m_pool.waitForDone();
}

void QuotaTracker::track(const QString &id, const QString &rootPath, std::optional<qint64> quotaMb,
                         qint64 usedBytes)
{
    QMutexLocker lock(&m_mutex);
    Entry &e = m_entries[id];
    e.rootPath = rootPath;
    e.limit = quotaMb ? std::optional<qint64>(*quotaMb * kMiB) : std::nullopt;
    e.used = usedBytes;
}

void QuotaTracker::untrack(const QString &id)
{
    QMutexLocker lock(&m_mutex);
    m_entries.remove(id);
    m_dirty.remove(id);
}

void QuotaTracker::setQuotaMb(const QString &id, std::optional<qint64> quotaMb)
{
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_entries.find(id);
        if (it == m_entries.end())
            return;
        it->limit = quotaMb ? std::optional<qint64>(*quotaMb * kMiB) : std::nullopt;
    }
    checkExceeded(id);
}

qint64 QuotaTracker::usedBytes(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.value(id).used;
}

std::optional<qint64> QuotaTracker::limitBytes(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.value(id).limit;
}

void QuotaTracker::charge(const QString &id, qint64 delta, qint64 credit)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    if (delta > 0 && it->limit && it->used + delta - credit > *it->limit) {
        throw DomainError(codes::QuotaExceeded,
                          QStringLiteral("Volume quota exceeded (%1 MB)").arg(*it->limit / kMiB));
    }
    it->used += delta;
    ++it->mutations;
    markDirty(id);
}

void QuotaTracker::add(const QString &id, qint64 delta)
{
    if (delta == 0)
        return;
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    it->used = std::max<qint64>(0, it->used + delta);
    ++it->mutations;
    markDirty(id);
}

QuotaTracker::WriteScope::WriteScope(QuotaTracker &tracker, QString volumeId)
    : m_tracker(tracker), m_volumeId(std::move(volumeId))
{
    m_tracker.beginWrite(m_volumeId);
}

QuotaTracker::WriteScope::~WriteScope()
{
    m_tracker.endWrite(m_volumeId);
}

void QuotaTracker::beginWrite(const QString &id)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    ++it->writesInFlight;
    ++it->mutations;
}

void QuotaTracker::endWrite(const QString &id)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    it->writesInFlight = std::max(0, it->writesInFlight - 1);
    ++it->mutations; // a walk that began while this write was under way saw it half done
}

void QuotaTracker::markDirty(const QString &id)
{
    m_dirty.insert(id);
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    // Callers may be worker threads: the flush timer lives on this object's thread.
    QMetaObject::invokeMethod(
        this, [this] { QTimer::singleShot(kFlushDelayMs, this, &QuotaTracker::flush); },
        Qt::QueuedConnection);
}

void QuotaTracker::flush()
{
    QList<QPair<QString, qint64>> changed;
    {
        QMutexLocker lock(&m_mutex);
        m_flushQueued = false;
        for (const QString &id : std::as_const(m_dirty)) {
            auto it = m_entries.constFind(id);
            if (it != m_entries.cend())
                changed.append({id, it->used});
        }
        m_dirty.clear();
    }
    for (const auto &[id, used] : changed)
        Q_EMIT usageChanged(id, used);
}

void QuotaTracker::startPeriodicRefresh(int intervalS)
{
    m_timer.start(intervalS * 1000);
    refreshNow(); // usage stored in the database may be stale after a restart
}

bool QuotaTracker::refreshNow()
{
    if (m_walking)
        return false;
    QList<QPair<QString, QString>> volumes;
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
            volumes.append({it.key(), it->rootPath});
    }
    m_walking = true;
    QPointer<QuotaTracker> self(this);
    auto cancel = m_cancel;
    m_pool.start([self, volumes, cancel, this] {
        QElapsedTimer clock;
        clock.start();
        for (const auto &[id, root] : volumes) {
            if (cancel->load())
                return;
            quint64 before = 0;
            {
                QMutexLocker lock(&m_mutex);
                before = m_entries.value(id).mutations;
            }
            qint64 bytes = -1;
            try {
                const Sandbox sandbox(root);
                bytes = tree::usage(sandbox.rootFd(), cancel.get());
            } catch (const std::exception &) {
                continue; // volume removed meanwhile
            }
            if (cancel->load())
                return;
            if (bytes < 0)
                continue; // tree kept moving: keep the incremental figure
            QMetaObject::invokeMethod(
                qApp,
                [self, volumeId = id, bytes, before] {
                    if (self)
                        self->applyWalk(volumeId, bytes, before);
                },
                Qt::QueuedConnection);
        }
        const qint64 ms = clock.elapsed();
        const auto micros = quint64(clock.nsecsElapsed() / 1000);
        metrics::Counters::add(metrics::counters().quotaWalks);
        metrics::Counters::add(metrics::counters().quotaWalkMicros, micros);
        metrics::counters().quotaWalkLastMicros.store(micros, std::memory_order_relaxed);
        QMetaObject::invokeMethod(
            qApp,
            [self, ms, n = volumes.size()] {
                if (!self)
                    return;
                self->m_walking = false;
                qCDebug(lcVolumes) << "quota walk of" << n << "volumes took" << ms << "ms";
                Q_EMIT self->refreshFinished();
            },
            Qt::QueuedConnection);
    });
    return true;
}

void QuotaTracker::applyWalk(const QString &id, qint64 bytes, quint64 mutationsAtStart)
{
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_entries.find(id);
        // An API write under way at any moment of the walk makes the walked figure ambiguous: one
        // still open now, or one that began or ended since the walk began. Keep the incremental
        // figure and let the next walk settle it.
        if (it == m_entries.end() || it->writesInFlight > 0 || it->mutations != mutationsAtStart)
            return;
        if (it->used != bytes) {
            it->used = bytes;
            markDirty(id);
        }
    }
    checkExceeded(id);
}

void QuotaTracker::checkExceeded(const QString &id)
{
    qint64 used = 0;
    std::optional<qint64> limit;
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_entries.constFind(id);
        if (it == m_entries.cend())
            return;
        used = it->used;
        limit = it->limit;
    }
    if (limit && used > *limit) {
        qCWarning(lcVolumes).noquote()
            << "volume" << id << "uses" << used << "bytes, over its quota of" << *limit;
        Q_EMIT quotaExceeded(id);
    }
}
} // namespace lightd::volumes
