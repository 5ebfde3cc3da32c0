#pragma once
#include <QJsonObject>
#include <QString>

namespace lightd {
// GET /containers/:id/sftp/info (API.md section 9): where and as whom to log in; never the password.
struct SftpInfoDto
{
    QString username;
    QString host;
    int port = 0;
    QString volumePath;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    QJsonObject toJson() const;
    static SftpInfoDto fromJson(const QJsonObject &o);
    bool operator==(const SftpInfoDto &) const = default;
};

// POST /containers/:id/sftp/credentials: the only answer that ever carries the password.
struct SftpCredentialsDto
{
    QString username;
    QString password;
    QString host;
    int port = 0;
    QString volumePath;

    QJsonObject toJson() const;
    static SftpCredentialsDto fromJson(const QJsonObject &o);
};

// One entry of GET /containers/:id/sftp/keys, keyed by its SHA256 fingerprint.
struct SftpKeyDto
{
    QString fingerprint;
    QString type;
    QString comment;
    qint64 createdAt = 0;

    QJsonObject toJson() const;
    static SftpKeyDto fromJson(const QJsonObject &o);
    bool operator==(const SftpKeyDto &) const = default;
};
} // namespace lightd
