#pragma once
#include <QHash>
#include <QString>

namespace lightd::gui {
// Names the operator gives a node's volumes and tokens. The daemon knows them by id only (API.md
// has no name field), so the names live with the app, per node, in its settings.
namespace names {
enum class Kind { Volume, Token };

QString get(const QString &nodeId, Kind kind, const QString &id);
// An empty name removes it.
void set(const QString &nodeId, Kind kind, const QString &id, const QString &name);
QHash<QString, QString> all(const QString &nodeId, Kind kind);
} // namespace names
} // namespace lightd::gui
