#pragma once
#include "lightd/ContainerDto.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace lightd {
// POST /containers body (API.md section 3). Empty optional fields are left out of the JSON.
struct CreateContainerDto
{
    QString internalId;
    QString image;
    QString volumeId;
    QString startupCommand;
    QString startPattern;
    QList<PortBindingDto> ports;
    LimitsDto limits;
    QString installScript;
    QMap<QString, QString> env;

    QJsonObject toJson() const;
};
} // namespace lightd
