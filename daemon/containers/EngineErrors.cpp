#include "containers/EngineErrors.h"

#include "containers/ContainersLog.h"

namespace lightd::containers {
QString engineFailure(const QString &internalId, const QString &context, const docker::DockerError &error)
{
    using Kind = docker::DockerError::Kind;
    qCWarning(lcContainers).noquote() << internalId << context << "-" << error.toString();
    QString reason;
    switch (error.kind) {
    case Kind::Unavailable:
        reason = QStringLiteral("the container engine is unavailable");
        break;
    case Kind::Timeout:
        reason = QStringLiteral("the container engine did not answer in time");
        break;
    case Kind::Http:
        if (error.httpStatus == 404)
            reason = QStringLiteral("not found, or access to it was denied");
        else if (error.httpStatus == 409)
            reason = QStringLiteral("conflicts with the engine's current state");
        else if (error.httpStatus < 500)
            reason = QStringLiteral("refused by the container engine (HTTP %1)").arg(error.httpStatus);
        else
            reason = QStringLiteral("the container engine failed (HTTP %1; details in the daemon log)")
                         .arg(error.httpStatus);
        break;
    case Kind::Protocol:
        reason = QStringLiteral("the container engine sent an unreadable answer");
        break;
    case Kind::Cancelled:
        reason = QStringLiteral("cancelled");
        break;
    case Kind::None:
        break;
    }
    return QStringLiteral("%1: %2").arg(context, reason);
}

bool outcomeUnknown(const docker::DockerError &error)
{
    using Kind = docker::DockerError::Kind;
    return error.kind == Kind::Timeout || error.kind == Kind::Unavailable || error.kind == Kind::Protocol;
}

bool staleEngineTask(const docker::DockerError &error)
{
    return error.kind == docker::DockerError::Kind::Http && error.httpStatus == 500 &&
           error.message.startsWith(QLatin1StringView("task ")) &&
           error.message.endsWith(QLatin1StringView("already exists"));
}
} // namespace lightd::containers
