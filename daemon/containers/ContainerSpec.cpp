#include "containers/ContainerSpec.h"

#include "lightd/DomainError.h"
#include "lightd/Keys.h"

#include <QRegularExpression>

namespace lightd::containers::spec {
namespace {
[[noreturn]] void invalid(QLatin1StringView key, const QString &why)
{
    throw DomainError::invalidField(key, why);
}
} // namespace

bool isValidInternalId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("\\A[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\\z"));
    return re.match(id).hasMatch();
}

QString parseImage(const QString &image, QLatin1StringView field)
{
    // Docker's reference grammar (distribution/reference): [domain[:port]/]path[:tag][@digest] (a first
    // component is a domain only with a '.' or a port, or "localhost"), lower-case
    // path components joined by one '.', '_', '__' or dashes — so no '..', no empty component, nothing
    // that could change the meaning of the engine's URL. (Dashes as "-+": the grammar's "-*" would make
    // this backtracking engine exponential on long names.)
    static const QString domainComponent =
        QStringLiteral("(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])");
    static const QString pathComponent = QStringLiteral("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    static const QRegularExpression re(
        QStringLiteral("\\A(?:(?:(?:localhost|%1(?:\\.%1)+)(?::[0-9]{1,5})?|%1:[0-9]{1,5})/)?%2(?:/%2)*"
                       "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
                       "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?\\z")
            .arg(domainComponent, pathComponent));
    if (image.size() > 512 || !re.match(image).hasMatch())
        invalid(field,
                QStringLiteral("must be an image reference such as debian:12 or registry:5000/name:tag"));
    return image;
}

QString parseStartupCommand(const QString &command)
{
    if (command.contains(QChar(0)) || command.size() > 16384)
        invalid(keys::StartupCommand, QStringLiteral("must be at most 16384 characters without NUL"));
    return command;
}

QRegularExpression startPatternRegex(const QString &pattern)
{
    return QRegularExpression(
        QStringLiteral("(*LIMIT_MATCH=%1)(*LIMIT_DEPTH=%2)").arg(kPatternMatchLimit).arg(1000) + pattern);
}

} // namespace lightd::containers::spec
