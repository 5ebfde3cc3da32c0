#pragma once
#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>

class QCoreApplication;

namespace lightd::gui {
// Command line of lightd-gui.
struct StartupOptions
{
    QUrl connectUrl;       // --connect URL: a session-only node (not saved)
    QString token;         // --token T, or LIGHTD_TOKEN
    QString nodeName;      // --node-name N (Qt itself takes --name)
    QString language;      // --lang de, or LIGHTD_GUI_LANG
    QString theme;         // --theme system|light|dark: this session only (Settings keeps its choice)
    QSize windowSize;      // --window-size 1024x700
    QString screenshotDir; // --screenshot-dir DIR: cycle the pages, save PNGs, quit
    QString
        screenshotSet; // --screenshot-set all|empty: every page, or the pages of a node without containers

    static StartupOptions parse(const QCoreApplication &app);
    static StartupOptions parse(const QStringList &arguments); // arguments[0] is the program
};
} // namespace lightd::gui
