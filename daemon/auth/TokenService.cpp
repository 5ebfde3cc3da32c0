#include "auth/TokenService.h"

#include "lightd/JsonUtil.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonValue>
#include <QRegularExpression>
#include <QUuid>
#include <sodium.h>

namespace lightd::auth {
namespace {
qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

bool scopeAllows(const QStringList &scopes, const Purpose &p)
{
    if (scopes.isEmpty() || scopes.contains(QStringLiteral("*")))
        return true;
    if (p.kind == Purpose::Rest)
        return scopes.contains(QStringLiteral("api"));
    return scopes.contains(QStringLiteral("ws:*")) || scopes.contains(QStringLiteral("ws:") + p.containerId);
}
} // namespace

TokenService::TokenService(storage::Database &db, const QString &masterToken, QObject *parent)
    : QObject(parent), m_repo(db)
{
    if (sodium_init() < 0)
        qFatal("libsodium failed to initialise");
    setMasterToken(masterToken);
    m_repo.removeExpired(now());
    const auto rows = m_repo.all();
    for (const auto &row : rows)
        m_byHash.insert(row.hash, row);
    m_purge.setInterval(60 * 1000);
    connect(&m_purge, &QTimer::timeout, this, &TokenService::purgeExpired);
    m_purge.start();
}

void TokenService::setMasterToken(const QString &token)
{
    m_masterHash = hash(token);
}

QByteArray TokenService::hash(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

std::optional<http::Caller> TokenService::verify(const QString &token, const Purpose &purpose,
                                                 bool *outOfScope)
{
    if (token.isEmpty())
        return std::nullopt;
    const QByteArray h = hash(token);
    if (sodium_memcmp(h.constData(), m_masterHash.constData(), size_t(h.size())) == 0)
        return http::Caller{true, QString(), QStringList()};
    auto it = m_byHash.find(h);
    if (it == m_byHash.end())
        return std::nullopt;
    const storage::TokenRow row = it.value();
    if (row.expiresAt <= now()) {
        revoke(row.id);
        return std::nullopt;
    }
    // A remove-on-use token is a one-time ticket for one console connection, nothing else.
    if ((row.removeOnUse && purpose.kind != Purpose::Console) || !scopeAllows(row.scopes, purpose)) {
        if (outOfScope)
            *outOfScope = true;
        return std::nullopt;
    }
    if (row.removeOnUse)
        revoke(row.id);
    return http::Caller{false, row.id, row.scopes};
}

CreatedTokenDto TokenService::create(qint64 ttlSeconds, bool removeOnUse, const QStringList &scopes)
{
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    const QString secret =
        QStringLiteral("lightd_") +
        QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes).toHex());
    storage::TokenRow row;
    row.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    row.hash = hash(secret);
    row.scopes = scopes;
    row.removeOnUse = removeOnUse;
    row.createdAt = now();
    row.expiresAt = row.createdAt + ttlSeconds;
    m_repo.insert(row);
    m_byHash.insert(row.hash, row);
    return CreatedTokenDto{secret, row.id, row.expiresAt};
}

QList<TokenInfoDto> TokenService::list() const
{
    QList<TokenInfoDto> out;
    for (const auto &row : m_byHash) {
        if (row.expiresAt > now())
            out.append(TokenInfoDto{row.id, row.expiresAt, row.removeOnUse, row.scopes, row.createdAt});
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
    });
    return out;
}

bool TokenService::revoke(const QString &id)
{
    for (auto it = m_byHash.begin(); it != m_byHash.end(); ++it) {
        if (it->id == id) {
            m_byHash.erase(it);
            m_repo.remove(id);
            return true;
        }
    }
    return false;
}

void TokenService::purgeExpired()
{
    const qint64 t = now();
    m_byHash.removeIf([t](const auto &it) { return it.value().expiresAt <= t; });
    m_repo.removeExpired(t);
}

std::optional<qint64> TokenService::parseTtl(const QJsonValue &value)
{
    constexpr qint64 kMax = 366LL * 24 * 3600;
    qint64 seconds = -1;
    if (value.isDouble()) {
        const auto n = json::exactInt64(value);
        if (!n)
            return std::nullopt;
        seconds = *n;
    } else if (value.isString()) {
        static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,9})\\s*([smhd]?)\\s*$"));
        const auto m = re.match(value.toString());
        if (!m.hasMatch())
            return std::nullopt;
        const qint64 n = m.captured(1).toLongLong();
        const QString unit = m.captured(2);
        const qint64 mult = unit == QLatin1StringView("m")   ? 60
                            : unit == QLatin1StringView("h") ? 3600
                            : unit == QLatin1StringView("d") ? 86400
                                                             : 1;
        seconds = n * mult;
    }
    if (seconds < 1 || seconds > kMax)
        return std::nullopt;
    return seconds;
}
} // namespace lightd::auth
