#pragma once
#include "storage/Database.h"

#include <QList>
#include <QStringList>

namespace lightd::storage {
// One metering interval of one container (API.md section 7). Counters that only grow inside one
// run of the container (CPU time, bytes sent) are kept both as the delta over this interval and as
// the raw value read, so the next sample — even after a daemon restart — can take its delta.
struct UsageSampleRow
{
    QString container;     // internal_id
    qint64 atMs = 0;       // end of the interval (unix ms)
    qint64 durationMs = 0; // length of the interval this row covers
    qint64 memoryBytes = 0;
    qint64 cpuNs = 0; // CPU time used during the interval
    qint64 storageBytes = 0;
    qint64 txBytes = 0;    // bytes sent during the interval
    qint64 cpuTotalNs = 0; // raw counters as read, and the run (init pid) they belong to
    qint64 txTotal = 0;
    qint64 run = 0;
};

// SQL for the usage_samples table, and nothing else.
class UsageSampleTable
{
  public:
    explicit UsageSampleTable(Database &db) : m_db(db) {}
    static QStringList migration();

    void insert(const QList<UsageSampleRow> &rows); // joins the caller's transaction
    // Rows of one container with atMs > fromMs, oldest first.
    QList<UsageSampleRow> since(const QString &container, qint64 fromMs);
    // The newest row of every container (baselines after a restart).
    QList<UsageSampleRow> latest();
    QStringList containers();
    int pruneBefore(qint64 atMs);

  private:
    Database &m_db;
};
} // namespace lightd::storage
