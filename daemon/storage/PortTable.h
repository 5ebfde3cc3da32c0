#pragma once
#include "storage/Database.h"

#include "lightd/PortDto.h"

#include <QList>

namespace lightd::storage {
// SQL for the ports table; its row is the shared PortDto (a contract type, below storage).
class PortRepository
{
  public:
    explicit PortRepository(Database &db) : m_db(db) {}
    void insert(QList<PortDto> &ports); // one transaction; sets each port's id
    QList<PortDto> all();
    int remove(const QList<qint64> &ids); // one transaction
    void setUse(qint64 id, bool inUse, const QString &container);

  private:
    Database &m_db;
};
} // namespace lightd::storage
