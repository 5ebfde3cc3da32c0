#pragma once
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace lightd {
// What POST /auth/tokens answers: the only time the secret is ever shown.
struct CreatedTokenDto
{
    QString token;
    QString id;
    qint64 expiresAt = 0;

    QJsonObject toJson() const;
    static CreatedTokenDto fromJson(const QJsonObject &o);
};

// A scoped token as listed by GET /auth/tokens (never the secret).
struct TokenInfoDto
{
    QString id;
    qint64 expiresAt = 0;
    bool removeOnUse = false;
    QStringList scopes;
    qint64 createdAt = 0;

    QJsonObject toJson() const;
    static TokenInfoDto fromJson(const QJsonObject &o);
    bool operator==(const TokenInfoDto &) const = default;
};
} // namespace lightd
