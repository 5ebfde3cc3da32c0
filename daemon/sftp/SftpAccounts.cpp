#include "sftp/SftpAccounts.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "sftp/PublicKey.h"

#include <QDateTime>
#include <QPointer>
#include <QRegularExpression>
#include <sodium.h>

namespace lightd::sftp {

namespace {
constexpr int kPasswordLength = 24;
constexpr int kMinPasswordLength = 12;
constexpr int kMaxPasswordLength = 1024;
constexpr int kMaxKeys = 100;

bool validUsername(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("\\A[a-z0-9][a-z0-9_.-]{0,31}\\z"));
    return re.match(name).hasMatch();
}

QString randomPassword()
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    QString out;
    for (int i = 0; i < kPasswordLength; ++i)
        out.append(QLatin1Char(alphabet[randombytes_uniform(sizeof(alphabet) - 1)]));
    return out;
}
} // namespace

SftpAccounts::SftpAccounts(storage::Database &db, QObject *parent) : QObject(parent), m_repo(db)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium failed to initialise");
    for (auto &row : m_repo.all())
        m_rows.insert(row.container, row);
    publish();
}

QString SftpAccounts::defaultUsername(const QString &internalId)
{
    return internalId.toLower().left(32);
}

QString SftpAccounts::hashPassword(const QByteArray &password)
{
    char out[crypto_pwhash_STRBYTES];
    const int rc = crypto_pwhash_str(out, password.constData(), quint64(password.size()),
                                     crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
    if (rc != 0)
        throw DomainError::internal();
    return QString::fromLatin1(out);
}

void SftpAccounts::checkUsernameFree(const QString &container, const QString &name) const
{
    for (const auto &row : m_rows)
        if (row.username == name && row.container != container)
            throw DomainError(codes::UsernameTaken, QStringLiteral("Username %1 is taken").arg(name));
}

SftpAccounts::Prepared SftpAccounts::prepare(const QString &container, const std::optional<QString> &username,
                                             const std::optional<QString> &password)
{
    const auto existing = m_rows.constFind(container);
    QString name =
        username.value_or(existing != m_rows.cend() ? existing->username : defaultUsername(container));
    if (!validUsername(name))
        throw DomainError(codes::InvalidField,
                          QStringLiteral("username: must match ^[a-z0-9][a-z0-9_.-]{0,31}$"));
    checkUsernameFree(container, name);
    if (password && (password->size() < kMinPasswordLength || password->size() > kMaxPasswordLength))
        throw DomainError(codes::InvalidField, QStringLiteral("password: must be %1 to %2 characters")
                                                   .arg(kMinPasswordLength)
                                                   .arg(kMaxPasswordLength));
    return Prepared{name, password.value_or(randomPassword()), ++m_serial};
}

SftpAccounts::Issued SftpAccounts::commit(const QString &container, const Prepared &p, const QString &hash)
{
    // While the hash was made the container may have gone, or another container taken the name.
    if (m_removedAt.value(container) > p.serial)
        throw DomainError(codes::ContainerNotFound, QStringLiteral("Container not found: %1").arg(container));
    // Hashes finish in any order: a request overtaken by a later one for the same container is
    // answered as if it had come first (its password was replaced at once), never stored over it.
    if (m_committed.value(container) > p.serial)
        return Issued{p.username, p.password};
    checkUsernameFree(container, p.username);
    m_committed.insert(container, p.serial);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto existing = m_rows.constFind(container);
    storage::SftpAccountRow row = existing != m_rows.cend() ? *existing : storage::SftpAccountRow{};
    row.container = container;
    row.username = p.username;
    row.passwordHash = hash;
    if (row.createdAt == 0)
        row.createdAt = now;
    row.updatedAt = now;
    m_repo.upsert(row);
    m_rows.insert(container, row);
    publish();
    Q_EMIT revoked(container, QString()); // a new password ends every open session of the container
    return Issued{p.username, p.password};
}

SftpAccounts::Issued SftpAccounts::setCredentials(const QString &container,
                                                  const std::optional<QString> &username,
                                                  const std::optional<QString> &password)
{
    const Prepared p = prepare(container, username, password);
    // On this thread: waiting here for a pool worker (nice 10) would tie the caller to the lowest
    // priority. Callers on the event loop should use issueCredentials.
    return commit(container, p, hashPassword(p.password.toUtf8()));
}

void SftpAccounts::issueCredentials(const QString &container, const std::optional<QString> &username,
                                    const std::optional<QString> &password, IssuedCallback done)
{
    const Prepared p = prepare(container, username, password);
    ++m_issuing;
    auto finish = [this, container, p, done](const QString &hash, std::exception_ptr error) {
        if (--m_issuing == 0)
            m_removedAt.clear();
        if (!error) {
            try {
                const Issued issued = commit(container, p, hash);
                done(&issued, nullptr);
                return;
            } catch (...) {
                error = std::current_exception();
            }
        }
        done(nullptr, error);
    };
    QPointer<SftpAccounts> self(this);
    m_pool.post(
        [self, finish, clear = p.password.toUtf8()] {
            QString hash;
            std::exception_ptr error;
            try {
                hash = hashPassword(clear);
            } catch (...) {
                error = std::current_exception();
            }
            // Back on this object's thread; dropped if the object is gone by then.
            QMetaObject::invokeMethod(
                self, [finish, hash, error] { finish(hash, error); }, Qt::QueuedConnection);
        },
        [finish] { finish(QString(), std::make_exception_ptr(DomainError::internal())); });
}

storage::SftpKeyRow SftpAccounts::addKey(const QString &container, const QString &line)
{
    QString why;
    const auto key = PublicKey::parse(line, why);
    if (!key)
        throw DomainError(codes::InvalidField, QStringLiteral("public_key: %1").arg(why));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto it = m_rows.find(container);
    if (it == m_rows.end()) {
        const QString name = defaultUsername(container);
        for (const auto &row : m_rows)
            if (row.username == name)
                throw DomainError(codes::UsernameTaken, QStringLiteral("Username %1 is taken").arg(name));
        it = m_rows.insert(container, storage::SftpAccountRow{container, name, QString(), now, now, {}});
    }
    if (it->keys.size() >= kMaxKeys)
        throw DomainError(codes::InvalidField, QStringLiteral("public_key: at most %1 keys").arg(kMaxKeys));
    storage::SftpKeyRow row{key->fingerprint, key->type, key->blob, key->comment, now};
    it->updatedAt = now;
    m_repo.upsert(*it);
    m_repo.addKey(container, row);
    it->keys.removeIf([&](const storage::SftpKeyRow &k) { return k.fingerprint == row.fingerprint; });
    it->keys.append(row);
    publish();
    return row;
}

void SftpAccounts::removeKey(const QString &container, const QString &fingerprint)
{
    auto it = m_rows.find(container);
    if (it == m_rows.end() || !m_repo.removeKey(container, fingerprint))
        throw DomainError(codes::KeyNotFound, QStringLiteral("Key not found: %1").arg(fingerprint));
    it->keys.removeIf([&](const storage::SftpKeyRow &k) { return k.fingerprint == fingerprint; });
    publish();
    Q_EMIT revoked(container, fingerprint);
}

std::optional<storage::SftpAccountRow> SftpAccounts::account(const QString &container) const
{
    const auto it = m_rows.constFind(container);
    if (it == m_rows.cend())
        return std::nullopt;
    return *it;
}

void SftpAccounts::removeContainer(const QString &container)
{
    if (m_issuing > 0) // an issuance waiting for its hash must not bring the login back
        m_removedAt.insert(container, ++m_serial);
    m_repo.remove(container);
    m_rows.remove(container);
    m_committed.remove(container);
    publish();
    Q_EMIT revoked(container, QString());
}

void SftpAccounts::publish()
{
    QHash<QString, Login> logins;
    for (const auto &row : std::as_const(m_rows)) {
        Login l{row.container, row.passwordHash.toLatin1(), {}};
        for (const auto &k : row.keys)
            l.keys.insert(k.blob.toLatin1(), k.fingerprint);
        logins.insert(row.username, l);
    }
    QMutexLocker lock(&m_mutex);
    m_logins.swap(logins);
}

SftpAccounts::PasswordCheck SftpAccounts::checkPassword(const QString &username,
                                                        const QByteArray &password) const
{
    Login login;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_logins.constFind(username);
        if (it == m_logins.cend() || it->passwordHash.isEmpty())
            return {};
        login = *it;
    }
    bool ok = false;
    const bool ran = m_pool.runBounded([&] {
        ok = crypto_pwhash_str_verify(login.passwordHash.constData(), password.constData(),
                                      quint64(password.size())) == 0;
    });
    if (!ran)
        return {PasswordCheck::Busy, {}};
    if (!ok)
        return {};
    return {PasswordCheck::Ok, login.container};
}

std::optional<QPair<QString, QString>> SftpAccounts::checkKey(const QString &username,
                                                              const QByteArray &blob) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_logins.constFind(username);
    if (it == m_logins.cend())
        return std::nullopt;
    const auto k = it->keys.constFind(blob);
    if (k == it->keys.cend())
        return std::nullopt;
    return qMakePair(it->container, *k);
}
} // namespace lightd::sftp
