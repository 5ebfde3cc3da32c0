#pragma once
#include "lightd/ContainerDto.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QTabWidget;

namespace lightd::gui {
class ConsoleWidget;
class ContainerFeed;
class MessageBar;
class NodeConnection;
class StatsView;

// One container: power buttons enabled by state, the console, live charts and the record.
class ContainerDetailPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ContainerDetailPage(QWidget *parent = nullptr);

    // Opens a container with the REST feed of its node.
    void open(NodeConnection *connection, const QString &internalId);
    // Any feed will do (the WebSocket one later, a fake in tests).
    void setFeed(ContainerFeed *feed, const QString &internalId);

    ConsoleWidget *console() const { return m_console; }
    StatsView *stats() const { return m_stats; }
    QPushButton *powerButton(const QString &verb) const { return m_power.value(verb); }

Q_SIGNALS:
    void backRequested();

private:
    void setState(const QString &state);
    void showRecord(const ContainerDto &record);

    QPointer<ContainerFeed> m_feed;
    QLabel *m_title;
    QLabel *m_badge;
    MessageBar *m_messages;
    QHash<QString, QPushButton *> m_power;
    QTabWidget *m_tabs;
    ConsoleWidget *m_console;
    StatsView *m_stats;
    QLabel *m_statsHint;
    QFormLayout *m_details;
};
} // namespace lightd::gui
