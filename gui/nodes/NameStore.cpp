#include "nodes/NameStore.h"

#include <QSettings>

namespace lightd::gui::names {
namespace {
QString group(const QString &nodeId, Kind kind)
{
    return QStringLiteral("names/%1/%2")
        .arg(nodeId, kind == Kind::Volume ? QStringLiteral("volumes") : QStringLiteral("tokens"));
}
} // namespace

QString get(const QString &nodeId, Kind kind, const QString &id)
{
    return all(nodeId, kind).value(id);
}

void set(const QString &nodeId, Kind kind, const QString &id, const QString &name)
{
    QSettings settings;
    settings.beginGroup(group(nodeId, kind));
    if (name.trimmed().isEmpty())
        settings.remove(id);
    else
        settings.setValue(id, name.trimmed());
}

QHash<QString, QString> all(const QString &nodeId, Kind kind)
{
    QSettings settings;
    settings.beginGroup(group(nodeId, kind));
    QHash<QString, QString> out;
    for (const QString &key : settings.childKeys())
        out.insert(key, settings.value(key).toString());
    return out;
}
} // namespace lightd::gui::names
