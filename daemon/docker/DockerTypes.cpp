#include "docker/DockerTypes.h"

#include "docker/DockerLog.h"
#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"

#include <QJsonDocument>

namespace lightd::docker {

DomainError domainError(const DockerError &e)
{
    using Kind = DockerError::Kind;
    if (e.kind == Kind::Unavailable)
        return DomainError(codes::DockerUnavailable, QStringLiteral("Docker engine is unavailable"));
    if (e.kind == Kind::Timeout)
        return DomainError(codes::DockerUnavailable, QStringLiteral("Docker engine did not answer in time"));
    if (e.isNotFound())
        return DomainError(codes::ContainerNotFound, QStringLiteral("Docker container not found"));
    // The engine's text (hosts, resolver addresses, paths) stays in the log; clients get its status.
    qCWarning(lcDocker).noquote() << "engine error:" << e.toString();
    return DomainError(
        codes::DockerError,
        e.kind == DockerError::Kind::Http
            ? QStringLiteral("Docker engine error (HTTP %1; details in the daemon log)").arg(e.httpStatus)
            : QStringLiteral("Docker engine error (details in the daemon log)"));
}

QString kindName(DockerError::Kind kind)
{
    switch (kind) {
    case DockerError::Kind::None:
        return QStringLiteral("none");
    case DockerError::Kind::Unavailable:
        return QStringLiteral("unavailable");
    case DockerError::Kind::Timeout:
        return QStringLiteral("timeout");
    case DockerError::Kind::Http:
        return QStringLiteral("http");
    case DockerError::Kind::Protocol:
        return QStringLiteral("protocol");
    case DockerError::Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString DockerError::toString() const
{
    if (kind == Kind::Http)
        return QStringLiteral("http %1: %2").arg(httpStatus).arg(message);
    return kindName(kind) + QStringLiteral(": ") + message;
}

DockerError httpErrorFromBody(int status, const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QString message = doc.object().value(QLatin1StringView("message")).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(body.left(1024)).trimmed();
    if (message.isEmpty())
        message = QStringLiteral("engine answered HTTP %1").arg(status);
    return DockerError::http(status, message);
}

} // namespace lightd::docker
