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
    ScreenshotRunner(MainWindow *window, const QString &dir, QObject *parent = nullptr);
    void start();

private:
    void next();
    void shoot(const QString &name, QWidget *widget = nullptr);

    MainWindow *m_window;
    QString m_dir;
    QList<std::function<void()>> m_steps;
    int m_index = 0;
    int m_waitedMs = 0;
    QPointer<QDialog> m_dialog; // the dialog of the next shot, opened one step earlier
};
} // namespace lightd::gui
