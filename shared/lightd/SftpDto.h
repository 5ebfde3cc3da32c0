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
} // namespace lightd
