#include "lightd/CreateContainerDto.h"

#include "lightd/JsonUtil.h"
#include "lightd/Keys.h"

#include <QJsonArray>

namespace lightd {
QJsonObject CreateContainerDto::toJson() const
{
    QJsonObject o{{keys::InternalId, internalId},
                  {keys::Image, image},
                  {keys::VolumeId, volumeId},
                  {keys::StartupCommand, startupCommand}};
    if (!startPattern.isEmpty())
        o.insert(keys::StartPattern, startPattern);
    if (!ports.isEmpty()) {
        QJsonArray array;
        for (const PortBindingDto &p : ports)
            array.append(p.toJson());
        o.insert(keys::Ports, array);
    }
    if (limits.memory > 0 || limits.cpu > 0) {
        QJsonObject l;
        if (limits.memory > 0)
            l.insert(keys::Memory, limits.memory);
        if (limits.cpu > 0)
            l.insert(keys::Cpu, limits.cpu);
        o.insert(keys::Limits, l);
    }
    if (!installScript.isEmpty())
        o.insert(keys::InstallScript, installScript);
    if (!env.isEmpty())
        o.insert(keys::Env, json::fromStringMap(env));
    return o;
}
} // namespace lightd
