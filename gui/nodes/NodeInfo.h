#pragma once
#include <QString>
#include <QUrl>

namespace lightd::gui {
// What the operator configures per daemon; the token lives apart (TokenStore).
struct NodeInfo
{
    QString id; // stable key for settings and the keychain, never shown
    QString name;
    QUrl url;
};

// The connection states the sidebar shows, worst news first in the ordering that matters to users.
enum class NodeState { Connecting, Connected, Unauthorized, Forbidden, Unreachable, TlsError };
} // namespace lightd::gui
