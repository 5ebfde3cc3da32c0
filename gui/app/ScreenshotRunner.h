#pragma once
#include <QDialog>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

namespace lightd::gui {
class MainWindow;

// Drives the window through every page once the node is connected, saving QWidget::grab() images
// (NN-name.png) into a folder, then quits. Used by tests/gui/screenshots.sh under Xvfb.
class ScreenshotRunner final : public QObject
{
    Q_OBJECT
  public:
    // EmptyNode: the pages of a node before its first container (shot by a run of its own).
    enum class Set { All, EmptyNode };
    ScreenshotRunner(MainWindow *window, const QString &dir, Set set, QObject *parent = nullptr);
    void start();

  private:
    void next();
    void shoot(const QString &name, QWidget *widget = nullptr);

    MainWindow *m_window;
    QString m_dir;
    QList<std::function<void()>> m_steps;
    int m_index = 0;
    int m_waitedMs = 0;
    int m_retries = 0;          // of a step waiting for its page to be ready
    QPointer<QDialog> m_dialog; // the dialog of the next shot, opened one step earlier
};
} // namespace lightd::gui
