#pragma once
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <initializer_list>
#include <stdexcept>

namespace lightd::storage {
class StorageError final : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

// The SQLite file: one QSqlDatabase connection per thread (QtSql connections are thread-bound), WAL
// so readers never block the writer, and numbered migrations applied in transactions.
class Database
{
  public:
    explicit Database(QString path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (this thread's connection) and brings the schema to the newest version.
    void open();
    int schemaVersion();
    QSqlDatabase connection();
    const QString &path() const { return m_path; }

    // Prepares, binds positionally and executes; throws StorageError on failure.
    QSqlQuery exec(const QString &sql, std::initializer_list<QVariant> values = {});

    // Runs fn inside a transaction: commit on return, rollback on exception. Nested calls on the
    // same thread join the outermost transaction (services compose without knowing each other).
    template <typename Fn> auto transaction(Fn &&fn)
    {
        if (depth() > 0) {
            ++depth();
            struct Leave
            {
                int &d;
                ~Leave() { --d; }
            } leave{depth()};
            return fn();
        }
        auto db = connection();
        if (!db.transaction())
            throw StorageError("cannot begin transaction");
        ++depth();
        struct Leave
        {
            int &d;
            ~Leave() { --d; }
        } leave{depth()};
        try {
            if constexpr (std::is_void_v<decltype(fn())>) {
                fn();
                commit(db);
            } else {
                auto result = fn();
                commit(db);
                return result;
            }
        } catch (...) {
            db.rollback();
            throw;
        }
    }

  private:
    static int &depth();
    void commit(QSqlDatabase &db);
    void migrate();
    QString m_path;
    QString m_prefix;
};
} // namespace lightd::storage
