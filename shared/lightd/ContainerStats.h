#pragma once
#include <QJsonObject>
#include <QString>

namespace lightd {
// The `stats` WebSocket frame's data (API.md section 6), about once a second while running.
struct ContainerStats
{
    double cpuAbsolute = 0; // percent of one core, may exceed 100
    qint64 memoryBytes = 0;
    qint64 memoryLimitBytes = 0;
    qint64 rxBytes = 0;
    qint64 txBytes = 0;
    qint64 diskBytes = 0;
    qint64 uptime = 0;
    QString state;

    QJsonObject toJson() const;
    static ContainerStats fromJson(const QJsonObject &o);
    bool operator==(const ContainerStats &) const = default;
};
} // namespace lightd
