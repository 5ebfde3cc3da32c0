#pragma once
#include "sftp/HashPool.h"
#include "storage/SftpRepository.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <exception>
#include <functional>
#include <optional>

namespace lightd::sftp {
// Who may log in over SFTP, per container (API.md section 9): one username, an optional password
// (stored only as a libsodium argon2id string) and public keys. Changes are made on the main thread
// and written through to SQLite; the session threads read a copy under a mutex, never SQLite.
class SftpAccounts final : public QObject
{
    Q_OBJECT
  public:
    explicit SftpAccounts(storage::Database &db, QObject *parent = nullptr);

    // Main thread. username/password absent: the current username (or the default, internal_id
    // lower-cased) and a fresh random password. Returns the username and the clear password, which
    // is never stored or shown again. 400 invalid_field, 409 username_taken.
    struct Issued
    {
        QString username;
        QString password;
    };
    Issued setCredentials(const QString &container, const std::optional<QString> &username,
                          const std::optional<QString> &password);
    // The same without holding the event loop for the argon2id hash (tens to hundreds of ms): bad
    // input throws here; the hash is made on the hash pool and `done` runs later on this object's
    // thread with the result, or with the DomainError when the username was taken or the container
    // removed meanwhile.
    using IssuedCallback = std::function<void(const Issued *issued, std::exception_ptr error)>;
    void issueCredentials(const QString &container, const std::optional<QString> &username,
                          const std::optional<QString> &password, IssuedCallback done);
    storage::SftpKeyRow addKey(const QString &container, const QString &line);
    void removeKey(const QString &container, const QString &fingerprint); // 404 key_not_found
    std::optional<storage::SftpAccountRow> account(const QString &container) const;
    // The container is gone: its logins go too.
    void removeContainer(const QString &container);

    // Any thread (a session's). Password checks are slow by design (argon2id): they run on the hash
    // pool, two at a time, and when its queue is full the check is refused without hashing (Busy).
    struct PasswordCheck
    {
        enum Result { Ok, Wrong, Busy } result = Wrong;
        QString container;
    };
    PasswordCheck checkPassword(const QString &username, const QByteArray &password) const;
    // The container and the key's fingerprint when the base64 blob is one of the user's keys.
    std::optional<QPair<QString, QString>> checkKey(const QString &username, const QByteArray &blob) const;

    // The argon2id string of a password (on the calling thread).
    static QString hashPassword(const QByteArray &password);
    static QString defaultUsername(const QString &internalId);

  Q_SIGNALS:
    // Open sessions of the container must end: all of them (fingerprint empty) or the ones that logged
    // in with that key.
    void revoked(const QString &container, const QString &fingerprint);

  private:
    struct Login
    {
        QString container;
        QByteArray passwordHash;
        QHash<QByteArray, QString> keys; // blob -> fingerprint
    };
    void publish(); // rebuilds the sessions' copy from m_rows (main thread)
    struct Prepared
    {
        QString username;
        QString password;
        quint64 serial; // m_serial when the request came
    };
    Prepared prepare(const QString &container, const std::optional<QString> &username,
                     const std::optional<QString> &password);
    Issued commit(const QString &container, const Prepared &p, const QString &hash);
    void checkUsernameFree(const QString &container, const QString &name) const;

    storage::SftpRepository m_repo;
    QHash<QString, storage::SftpAccountRow> m_rows; // by container
    quint64 m_serial = 0;                           // counts issuances and removals
    QHash<QString, quint64> m_removedAt;            // container -> m_serial at its removal
    QHash<QString, quint64> m_committed;            // container -> serial of the stored credentials
    int m_issuing = 0;                              // issuances waiting for their hash
    mutable QMutex m_mutex;
    QHash<QString, Login> m_logins; // by username, guarded by m_mutex
    mutable HashPool m_pool;        // last: its workers stop first
};
} // namespace lightd::sftp
