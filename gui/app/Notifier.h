#pragma once
#include <QObject>

class QSystemTrayIcon;

namespace lightd::gui {
struct NodeEvent;

// Desktop notifications through a tray icon (QSystemTrayIcon): one per crash, out-of-memory kill or
// failed install on any node. Where the desktop has no tray the signal still fires (and is logged).
class Notifier final : public QObject
{
    Q_OBJECT
  public:
    explicit Notifier(QObject *parent = nullptr);
    QSystemTrayIcon *tray() const { return m_tray; }
    void notify(const QString &nodeName, const NodeEvent &event);

  Q_SIGNALS:
    void notified(const QString &title, const QString &text);
    void activated(); // the tray icon or a message was clicked

  private:
    QSystemTrayIcon *m_tray;
};
} // namespace lightd::gui
