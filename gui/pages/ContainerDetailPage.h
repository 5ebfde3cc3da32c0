#pragma once
#include "feed/ContainerFeed.h"
#include "lightd/ApiResult.h"
#include "lightd/ContainerDto.h"
#include "lightd/ResourcesDto.h"

#include <QHash>
#include <QPointer>
#include <QWidget>
#include <optional>

class QAction;
class QFormLayout;
class QLabel;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace lightd::gui {
class ActionBar;
class ConsoleWidget;
class ElidedLabel;
class MessageBar;
class NodeConnection;
class RebindDialog;
class ReinstallDialog;
class ResourcesDialog;
class SftpPanel;
class StartupDialog;
class StatsView;

// One container: power buttons enabled by state, the live console, charts, the record with its
// changes (resources, ports, startup, reinstall) and SFTP access. Every failed action says why, in the API's
// words.
class ContainerDetailPage final : public QWidget
{
    Q_OBJECT
  public:
    explicit ContainerDetailPage(QWidget *parent = nullptr);

    // Opens a container with the live WebSocket feed of its node (REST polling where refused).
    void open(NodeConnection *connection, const QString &internalId);
    // Any feed will do (a fake in tests).
    void setFeed(ContainerFeed *feed, const QString &internalId);

    ContainerFeed *feed() const { return m_feed; }
    ConsoleWidget *console() const { return m_console; }
    StatsView *stats() const { return m_stats; }
    MessageBar *messageBar() const { return m_messages; }
    QPushButton *powerButton(const QString &verb) const { return m_power.value(verb); }
    QAction *action(const QString &name) const { return m_actions.value(name); }
    // The action's button in the Details tab; hidden while the action sits in the "More" menu.
    QToolButton *actionButton(const QString &name) const;
    QLabel *transportLabel() const { return m_transport; }
    QString sftpText() const;
    SftpPanel *sftpPanel() const { return m_sftp; }
    const std::optional<ContainerDto> &record() const { return m_record; }

  public Q_SLOTS:
    void reinstall(const std::optional<QString> &image, const std::optional<QString> &installScript);
    void rebind(const QList<lightd::PortBindingDto> &ports);
    void applyResources(const lightd::ResourcesDto &changes, std::optional<qint64> quotaMb);
    void refreshRecord();

    // The dialogs open at once (non-modal) and fill in when the node has answered.
    ReinstallDialog *openReinstallDialog();
    RebindDialog *openRebindDialog();
    void openResourcesDialog();
    // Filled from the record shown; nullptr until the record has loaded.
    StartupDialog *openStartupDialog();

  Q_SIGNALS:
    void backRequested();
    void browseVolumeRequested(const QString &volumeId);
    // Emitted once the resources dialog has the node's current values (tests drive it from here).
    void resourcesDialogOpened(lightd::gui::ResourcesDialog *dialog);

  private:
    void setState(const QString &state);
    void updateTransport();
    void updateActions();
    void showRecord(const ContainerDto &record);
    bool report(const QString &action, const ApiErrorDto &error, bool ok, const QString &success);
    void saveStartup(StartupDialog *dialog);

    QPointer<ContainerFeed> m_feed;
    QPointer<NodeConnection> m_connection;
    QString m_id;
    QString m_state;
    std::optional<ContainerDto> m_record;
    ElidedLabel *m_title;
    QLabel *m_badge;
    QLabel *m_transport;
    MessageBar *m_messages;
    QHash<QString, QPushButton *> m_power;
    QHash<QString, QAction *> m_actions;
    ActionBar *m_actionBar = nullptr;
    QTabWidget *m_tabs;
    ConsoleWidget *m_console;
    StatsView *m_stats;
    QLabel *m_statsHint;
    QFormLayout *m_details;
    SftpPanel *m_sftp;
    quint64 m_generation = 0; // answers for a container shown before are dropped
};
} // namespace lightd::gui
