#pragma once
#include <QJsonObject>
#include <QString>

namespace lightd {
// One entry of the network port pool (API.md section 5).
struct PortDto
{
    QString ip;
    int port = 0;
    QString protocol = QStringLiteral("tcp");
    bool inUse = false;
    QString container; // internal_id of the holder, empty when free or held by hand
    qint64 id = 0;     // stable id (API.md section 12); 0 before the pool stored it

    QJsonObject toJson() const;
    static PortDto fromJson(const QJsonObject &o);
    bool operator==(const PortDto &) const = default;
};
} // namespace lightd
