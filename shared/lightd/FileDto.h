#pragma once
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace lightd {
// One entry of GET /volumes/:id/files (API.md section 4).
struct FileEntryDto
{
    QString name;
    QString type; // file | directory | symlink
    qint64 size = 0;
    QString mode;
    qint64 modifiedAt = 0;
    QString mimetype;

    bool isDirectory() const { return type == QLatin1StringView("directory"); }
    QJsonObject toJson() const;
    static FileEntryDto fromJson(const QJsonObject &o);
    bool operator==(const FileEntryDto &) const = default;
};

// A directory listing: the path the daemon resolved plus its entries, directories first.
struct FileListDto
{
    QString path;
    QList<FileEntryDto> files;

    static FileListDto fromJson(const QJsonObject &o);
};

// GET /volumes/:id/quota; sizeMb is empty for a volume without quota.
struct QuotaDto
{
    std::optional<qint64> sizeMb;
    double usedMb = 0;
    std::optional<double> availableMb;
    double percentageUsed = 0;

    static QuotaDto fromJson(const QJsonObject &o);
};
} // namespace lightd
