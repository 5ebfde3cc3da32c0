#pragma once
#include "storage/Database.h"

#include "containers/ContainerRecord.h"
#include "lightd/PortDto.h"
#include "lightd/VolumeDto.h"

#include <QList>
#include <QStringList>
#include <functional>

namespace lightd::storage {
struct TokenRow
{
    QString id;
    QByteArray hash;
    QStringList scopes;
    bool removeOnUse = false;
    qint64 expiresAt = 0;
    qint64 createdAt = 0;
};

// SQL for the tokens table, and nothing else.
class TokenRepository
{
  public:
    explicit TokenRepository(Database &db) : m_db(db) {}
    void insert(const TokenRow &row);
    QList<TokenRow> all();
    bool remove(const QString &id);
    int removeExpired(qint64 now);

  private:
    Database &m_db;
};

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

class ContainerRepository
{
  public:
    explicit ContainerRepository(Database &db) : m_db(db) {}
    // Called inside the transaction that stores a new container or a changed state (or error), so
    // what the hook writes (the remote sync's outbox) commits or rolls back with it.
    using StateHook = std::function<void(const containers::ContainerRecord &r)>;
    void setStateHook(StateHook hook) { m_stateHook = std::move(hook); }
    // internal_ids of containers whose volume is volumeId.
    QStringList usingVolume(const QString &volumeId);
    void insert(const containers::ContainerRecord &r);
    void update(const containers::ContainerRecord &r); // every column, by internal_id
    bool remove(const QString &internalId);
    QList<containers::ContainerRecord> all();

  private:
    Database &m_db;
    StateHook m_stateHook;
};
} // namespace lightd::storage
