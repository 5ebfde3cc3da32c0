#pragma once
#include "storage/Database.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace lightd::storage {
// One event waiting for the remote panel (API.md section 8). seq gives the delivery order; body is
// the JSON sent as is (it carries the event's own uuid for the panel to drop repeats).
struct OutboxRow
{
    enum Kind { State = 0, Billing = 1 };
    qint64 seq = 0;
    int kind = State;
    QByteArray body;
    qint64 createdMs = 0;
};

// SQL for the outbox table, and nothing else.
class OutboxTable
{
  public:
    explicit OutboxTable(Database &db) : m_db(db) {}
    static QStringList migration();

    qint64 insert(int kind, const QByteArray &body, qint64 createdMs); // joins the caller's transaction
    QList<OutboxRow> head(int limit);
    void removeUpTo(qint64 seq);
    qint64 count();
    // Deletes the n oldest billing events; returns how many went.
    int dropOldestBilling(int n);
    qint64 droppedTotal();
    void addDropped(qint64 n);

  private:
    Database &m_db;
};
} // namespace lightd::storage
