#include "containers/QuotaStop.h"

#include "containers/ContainerManager.h"
#include "containers/ContainersLog.h"

namespace lightd::containers {
void stopContainersOverQuota(ContainerManager &manager, const QString &volumeId)
{
    for (auto *rt : manager.all()) {
        if (rt->record().dto.volumeId != volumeId)
            continue;
        const auto s = rt->state();
        if (s != ContainerState::Running && s != ContainerState::Starting && s != ContainerState::Suspended)
            continue;
        Q_EMIT rt->daemonMessage(QStringLiteral("Volume quota exceeded: stopping the server"));
        qCWarning(lcContainers).noquote()
            << rt->record().dto.internalId << "stopped: volume" << volumeId << "is over its quota";
        if (auto refused = rt->requestPower(PowerAction::Stop))
            qCWarning(lcContainers).noquote()
                << rt->record().dto.internalId << "quota stop refused:" << refused->message();
    }
}
} // namespace lightd::containers
