#pragma once
#include <QJsonObject>
#include <QString>
#include <optional>

namespace lightd {
// A registered volume: a directory under storage.volumes_path (API.md section 4).
struct VolumeDto
{
    QString volumeId;
    QString path;
    std::optional<qint64> quotaMb;
    qint64 usedBytes = 0;
    qint64 createdAt = 0;

    QJsonObject toJson() const;
    static VolumeDto fromJson(const QJsonObject &o);
    bool operator==(const VolumeDto &) const = default;
};
} // namespace lightd
