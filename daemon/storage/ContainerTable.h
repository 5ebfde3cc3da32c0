#pragma once
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <functional>
#include <optional>

namespace lightd::storage {
// One row of the containers table, column by column. Storage knows nothing of the domain: the
// containers module turns its ContainerRecord into this and back (containers/ContainerRecord.h).
struct ContainerRow
{
    QString internalId;
    QString containerId;
    QString volumeId;
    QString image;
    QString startupCommand;
    std::optional<QString> startPattern;
    QString installScript;
    QString state;
    QString error;
    QJsonArray ports;
    QJsonObject limits;
    QJsonObject mount;
    QJsonObject env;
    std::optional<int> exitCode;
    bool oomKilled = false;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// SQL for the containers table, and nothing else.
class ContainerRepository
{
  public:
    explicit ContainerRepository(Database &db) : m_db(db) {}
    // Called inside the transaction that stores a new container or a changed state (or error), so
    // what the hook writes (the remote sync's outbox) commits or rolls back with it.
    using StateHook = std::function<void(const ContainerRow &r)>;
    void setStateHook(StateHook hook) { m_stateHook = std::move(hook); }
    // internal_ids of containers whose volume is volumeId.
    QStringList usingVolume(const QString &volumeId);
    void insert(const ContainerRow &r);
    void update(const ContainerRow &r); // every column, by internal_id
    bool remove(const QString &internalId);
    QList<ContainerRow> all();

  private:
    Database &m_db;
    StateHook m_stateHook;
};
} // namespace lightd::storage
