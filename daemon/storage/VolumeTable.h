#pragma once
#include "storage/Database.h"

#include "lightd/VolumeDto.h"

#include <QList>
#include <optional>

namespace lightd::storage {
// SQL for the volumes table; its row is the shared VolumeDto (a contract type, below storage).
class VolumeRepository
{
  public:
    explicit VolumeRepository(Database &db) : m_db(db) {}
    void insert(const VolumeDto &v);
    QList<VolumeDto> all();
    bool remove(const QString &id);
    void setQuota(const QString &id, std::optional<qint64> quotaMb);
    void setUsedBytes(const QString &id, qint64 used);

  private:
    Database &m_db;
};
} // namespace lightd::storage
