#include "app/Notifier.h"

#include "app/GuiLog.h"
#include "app/Icons.h"
#include "models/EventsModel.h"

#include <QSystemTrayIcon>

namespace lightd::gui {
Notifier::Notifier(QObject *parent) : QObject(parent), m_tray(new QSystemTrayIcon(this))
{
    m_tray->setIcon(icons::get(QStringLiteral("lightd-gui")));
    m_tray->setToolTip(tr("lightd admin"));
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->show();
    connect(m_tray, &QSystemTrayIcon::activated, this, &Notifier::activated);
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &Notifier::activated);
}

void Notifier::notify(const QString &nodeName, const NodeEvent &event)
{
    const QString title =
        tr("%1 on %2: %3").arg(event.container, nodeName, EventsModel::kindText(event.kind));
    qCInfo(lcGui) << "notification:" << title << event.detail;
    if (m_tray->isVisible())
        m_tray->showMessage(title, event.detail,
                            event.kind == NodeEvent::Kind::Restarted ? QSystemTrayIcon::Information
                                                                     : QSystemTrayIcon::Warning);
    Q_EMIT notified(title, event.detail);
}
} // namespace lightd::gui
