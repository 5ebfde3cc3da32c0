#include "volumes/PathRules.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"

namespace lightd::volumes::paths {
namespace {
[[noreturn]] void refuse(const QString &why)
{
    throw DomainError(codes::InvalidPath, why);
}
} // namespace

PathParts parse(const QString &clientPath)
{
    if (clientPath.contains(QChar(0)))
        refuse(QStringLiteral("Path must not contain NUL bytes"));
    const QByteArray utf8 = clientPath.toUtf8();
    if (utf8.size() > kMaxPath)
        refuse(QStringLiteral("Path is longer than %1 bytes").arg(kMaxPath));
    if (utf8.startsWith('/'))
        refuse(QStringLiteral("Path must be relative to the volume root"));
    PathParts parts;
    for (const QByteArray &c : utf8.split('/')) {
        if (c.isEmpty() || c == ".")
            continue;
        if (c == "..")
            refuse(QStringLiteral("Path must not contain '..'"));
        if (c.size() > kMaxName)
            refuse(QStringLiteral("A path component is longer than %1 bytes").arg(kMaxName));
        parts.append(c);
    }
    return parts;
}

PathParts splitTarget(const QByteArray &target)
{
    PathParts parts;
    for (const QByteArray &c : target.split('/')) {
        if (!c.isEmpty() && c != ".")
            parts.append(c);
    }
    return parts;
}

QString join(const PathParts &parts)
{
    QByteArray out;
    for (const auto &p : parts) {
        if (!out.isEmpty())
            out += '/';
        out += p;
    }
    return QString::fromUtf8(out);
}

bool normalizeWithin(PathParts &parts)
{
    PathParts out;
    for (const auto &p : parts) {
        if (p == "..") {
            if (out.isEmpty())
                return false;
            out.removeLast();
        } else if (!p.isEmpty() && p != ".") {
            out.append(p);
        }
    }
    parts = out;
    return true;
}
} // namespace lightd::volumes::paths
