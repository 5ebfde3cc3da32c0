#include "sftp/SftpAccounts.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "sftp/PublicKey.h"

#include <QDateTime>
#include <QRegularExpression>
#include <semaphore>
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

// argon2id at the interactive limits needs 64 MiB per check: two at a time bounds the memory a
// burst of logins can take.
std::counting_semaphore<2> &hashSlots()
{
    static std::counting_semaphore<2> semaphore(2);
    return semaphore;
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
    hashSlots().acquire();
    const int rc = crypto_pwhash_str(out, password.constData(), quint64(password.size()),
                                     crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
    hashSlots().release();
    if (rc != 0)
        throw DomainError::internal();
    return QString::fromLatin1(out);
}

SftpAccounts::Issued SftpAccounts::setCredentials(const QString &container,
                                                  const std::optional<QString> &username,
                                                  const std::optional<QString> &password)
{
    const auto existing = m_rows.constFind(container);
    QString name =
        username.value_or(existing != m_rows.cend() ? existing->username : defaultUsername(container));
    if (!validUsername(name))
        throw DomainError(codes::InvalidField,
                          QStringLiteral("username: must match ^[a-z0-9][a-z0-9_.-]{0,31}$"));
    for (const auto &row : m_rows)
        if (row.username == name && row.container != container)
            throw DomainError(codes::UsernameTaken, QStringLiteral("Username %1 is taken").arg(name));
    if (password && (password->size() < kMinPasswordLength || password->size() > kMaxPasswordLength))
        throw DomainError(codes::InvalidField, QStringLiteral("password: must be %1 to %2 characters")
                                                   .arg(kMinPasswordLength)
                                                   .arg(kMaxPasswordLength));
    const QString clear = password.value_or(randomPassword());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    storage::SftpAccountRow row = existing != m_rows.cend() ? *existing : storage::SftpAccountRow{};
    row.container = container;
    row.username = name;
    row.passwordHash = hashPassword(clear.toUtf8());
    if (row.createdAt == 0)
        row.createdAt = now;
    row.updatedAt = now;
    m_repo.upsert(row);
    m_rows.insert(container, row);
    publish();
    Q_EMIT revoked(container, QString()); // a new password ends every open session of the container
    return Issued{name, clear};
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
    m_repo.remove(container);
    m_rows.remove(container);
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

std::optional<QString> SftpAccounts::checkPassword(const QString &username, const QByteArray &password) const
{
    Login login;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_logins.constFind(username);
        if (it == m_logins.cend() || it->passwordHash.isEmpty())
            return std::nullopt;
        login = *it;
    }
    hashSlots().acquire();
    const bool ok = crypto_pwhash_str_verify(login.passwordHash.constData(), password.constData(),
                                             quint64(password.size())) == 0;
    hashSlots().release();
    if (!ok)
        return std::nullopt;
    return login.container;
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
