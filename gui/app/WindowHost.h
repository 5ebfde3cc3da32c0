#pragma once
#include <QObject>
#include <QPointer>

namespace lightd::gui {
class MainWindow;
class NodeManager;

// Owns the main window and builds it again, on the same node and page, when the language setting
// changes: every text is translated where it is made, so a new window is the complete retranslation.
class WindowHost final : public QObject
{
    Q_OBJECT
  public:
    explicit WindowHost(NodeManager *nodes, QObject *parent = nullptr);
    ~WindowHost() override;

    MainWindow *window() const { return m_window; }
    // Installs the configured language and replaces the window (shown if the old one was).
    void rebuild();

  Q_SIGNALS:
    void windowReplaced(lightd::gui::MainWindow *window);

  private:
    MainWindow *create();

    NodeManager *m_nodes;
    QPointer<MainWindow> m_window;
};
} // namespace lightd::gui
