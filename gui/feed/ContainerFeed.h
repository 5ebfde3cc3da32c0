#pragma once
#include "lightd/ApiResult.h"
#include "lightd/ContainerStats.h"

#include <QObject>
#include <QStringList>

namespace lightd::gui {
// What a container detail view listens to: state changes, console lines, stats samples.
// WebSocketContainerFeed is the live one (API.md section 6); RestContainerFeed polls REST where a node
// has no console for this client. The widgets do not notice the difference.
class ContainerFeed : public QObject
{
    Q_OBJECT
  public:
    using QObject::QObject;

    virtual void sendCommand(const QString &command) = 0;
    virtual void power(const QString &verb) = 0;
    virtual QString state() const = 0;

  Q_SIGNALS:
    void stateChanged(const QString &state);
    void consoleLines(const QStringList &lines);
    void statsReceived(const lightd::ContainerStats &stats);
    void notice(const QString &text);
    // An action failed; the detail page shows why.
    void actionFailed(const QString &action, const lightd::ApiErrorDto &error);
    // A route this feed needs is missing on the node.
    void unavailable();
};
} // namespace lightd::gui
