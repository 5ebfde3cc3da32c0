#pragma once
#include "http/HttpRequest.h"
#include "lightd/TokenDto.h"
#include "storage/Repositories.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <optional>

namespace lightd::auth {
// What a token is being used for: scopes and remove-on-use depend on it.
struct Purpose
{
    enum Kind { Rest, Console } kind = Rest;
    QString containerId; // for Console
};

// The master token (from config) and scoped tokens (SQLite, hashes only). Presented tokens are
// hashed with SHA-256 and the master compared in constant time; scoped tokens are found by hash.
// Scopes: none = everything; "api" = REST; "ws:<internal_id>" or "ws:*" = console WebSocket.
class TokenService final : public QObject
{
    Q_OBJECT
  public:
    TokenService(storage::Database &db, const QString &masterToken, QObject *parent = nullptr);

    void setMasterToken(const QString &token);
    // nullopt when the token is unknown/expired, or valid but not for this purpose (then
    // *outOfScope is set: the caller answers 403, not 401).
    std::optional<http::Caller> verify(const QString &token, const Purpose &purpose,
                                       bool *outOfScope = nullptr);

    CreatedTokenDto create(qint64 ttlSeconds, bool removeOnUse, const QStringList &scopes);
    QList<TokenInfoDto> list() const;
    bool revoke(const QString &id);

    // "15m", "2h", "1d", "30s" or plain seconds; nullopt when malformed or out of range.
    static std::optional<qint64> parseTtl(const QJsonValue &value);
    static QByteArray hash(const QString &token);

  private:
    void purgeExpired();

    storage::TokenRepository m_repo;
    QByteArray m_masterHash;
    QHash<QByteArray, storage::TokenRow> m_byHash;
    QTimer m_purge;
};
} // namespace lightd::auth
