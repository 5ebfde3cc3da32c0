#pragma once
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace lightd {
// One host port bound into a container; the host side always comes from the pool.
struct PortBindingDto
{
    QString ip = QStringLiteral("0.0.0.0");
    int hostPort = 0;
    int containerPort = 0;
    QString protocol = QStringLiteral("tcp");

    QJsonObject toJson() const;
    static PortBindingDto fromJson(const QJsonObject &o);
    bool operator==(const PortBindingDto &) const = default;
};

struct LimitsDto
{
    qint64 memory = 0; // bytes, 0 = unlimited
    double cpu = 0;    // cores, 0 = unlimited

    QJsonObject toJson() const;
    static LimitsDto fromJson(const QJsonObject &o);
    bool operator==(const LimitsDto &) const = default;
};

// GET /containers list entry.
struct ContainerSummaryDto
{
    QString internalId;
    QString containerId;
    QString installState;
    QString image;

    QJsonObject toJson() const;
    static ContainerSummaryDto fromJson(const QJsonObject &o);
};

// GET /containers/:id full record.
struct ContainerDto
{
    QString internalId;
    QString containerId;
    QString volumeId;
    QString image;
    QString startupCommand;
    std::optional<QString> startPattern;
    QString installState;
    QString error;
    QList<PortBindingDto> ports;
    LimitsDto limits;
    QMap<QString, QString> mount;
    QMap<QString, QString> env;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    // Read from GET /containers/:id only (the daemon adds them there; toJson leaves them out).
    std::optional<int> exitCode;
    bool oomKilled = false;

    QJsonObject toJson() const;
    static ContainerDto fromJson(const QJsonObject &o);
    ContainerSummaryDto summary() const;
};
} // namespace lightd
