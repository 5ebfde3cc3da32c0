#pragma once
#include "storage/Database.h"

#include <QStringList>

namespace lightd::storage {
// Containers whose record is deleted but whose engine containers may still exist: written in the
// transaction that deletes the record, removed when the engine has removed them. A kill between
// leaves the row, and the next start removes what the engine still holds (issue 20).
class RemovalTable
{
  public:
    explicit RemovalTable(Database &db) : m_db(db) {}
    static QStringList migration();

    void insert(const QString &internalId); // joins the caller's transaction
    void remove(const QString &internalId);
    QStringList all();

  private:
    Database &m_db;
};
} // namespace lightd::storage
