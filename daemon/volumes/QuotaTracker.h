#pragma once
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <memory>
#include <optional>

namespace lightd::volumes {
// Usage and quota of every volume. API writes charge their size delta here before touching the disk
// (thread-safe: archive workers charge too); a background walk every volumes.quota_check_s picks up
// what containers wrote themselves. The walk runs on its own one-thread pool, never on the event loop.
class QuotaTracker final : public QObject
{
    Q_OBJECT
  public:
    explicit QuotaTracker(QObject *parent = nullptr);
    ~QuotaTracker() override;

    void track(const QString &id, const QString &rootPath, std::optional<qint64> quotaMb, qint64 usedBytes);
    void untrack(const QString &id);
    void setQuotaMb(const QString &id, std::optional<qint64> quotaMb);

    // Thread-safe from here on.
    qint64 usedBytes(const QString &id) const;
    std::optional<qint64> limitBytes(const QString &id) const;
    // Reserves `delta` bytes if the volume's usage once `credit` bytes are gone again (the file being
    // replaced) stays within the quota; 507 quota_exceeded otherwise, nothing reserved.
    void charge(const QString &id, qint64 delta, qint64 credit = 0);
    // Unconditional adjustment (bytes freed, a reservation returned, a refund after a failure).
    void add(const QString &id, qint64 delta);

    // An API operation on a volume's files, from its first charge to its last adjustment. Between
    // them the disk and the count disagree (a temp file not renamed yet, an old file not credited
    // yet), so a walk that overlaps any part of one is not applied: the next walk settles it.
    class WriteScope
    {
      public:
        WriteScope(QuotaTracker &tracker, QString volumeId);
        ~WriteScope();
        WriteScope(const WriteScope &) = delete;
        WriteScope &operator=(const WriteScope &) = delete;

      private:
        QuotaTracker &m_tracker;
        QString m_volumeId;
    };

    // Main thread.
    void startPeriodicRefresh(int intervalS);
    // Starts one background walk over every volume unless one is running; false if one was.
    bool refreshNow();
    bool isRefreshing() const { return m_walking; }

  Q_SIGNALS:
    // A volume's usage (walked or after an API write) is above its quota. Emitted after every walk
    // that finds it so, and when a resize sets a quota below the current usage. The containers module
    // stops the volume's containers on it.
    void quotaExceeded(const QString &volumeId);
    // Debounced, for persisting used_bytes (VolumeRegistry writes it to SQLite).
    void usageChanged(const QString &volumeId, qint64 usedBytes);
    void refreshFinished();

  private:
    struct Entry
    {
        QString rootPath;
        std::optional<qint64> limit;
        qint64 used = 0;
        quint64 mutations = 0;
        int writesInFlight = 0; // WriteScopes open
    };
    void beginWrite(const QString &id);
    void endWrite(const QString &id);
    void markDirty(const QString &id); // locked
    void flush();
    void applyWalk(const QString &id, qint64 bytes, quint64 mutationsAtStart);
    void checkExceeded(const QString &id);

    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    QSet<QString> m_dirty;
    bool m_flushQueued = false;
    QTimer m_timer;
    QThreadPool m_pool;
    bool m_walking = false;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
};
} // namespace lightd::volumes
