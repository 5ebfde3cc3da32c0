#include "app/StartupOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace lightd::gui {
StartupOptions StartupOptions::parse(const QCoreApplication &app)
{
    return parse(app.arguments());
}

StartupOptions StartupOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Desktop administration for lightd nodes."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connect(
        QStringLiteral("connect"),
        QCoreApplication::translate("main", "Connect to the node at <url> for this session."),
        QStringLiteral("url"));
    const QCommandLineOption token(
        QStringLiteral("token"),
        QCoreApplication::translate("main", "Token for --connect (default: $LIGHTD_TOKEN)."),
        QStringLiteral("token"));
    const QCommandLineOption name(QStringLiteral("node-name"),
                                  QCoreApplication::translate("main", "Display name for --connect."),
                                  QStringLiteral("name"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "UI language, e.g. de or en (default: $LIGHTD_GUI_LANG, "
                                            "then the Settings choice)."),
        QStringLiteral("code"));
    const QCommandLineOption shots(
        QStringLiteral("screenshot-dir"),
        QCoreApplication::translate("main", "Save a screenshot of every page into <dir> and quit."),
        QStringLiteral("dir"));
    const QCommandLineOption shotSet(
        QStringLiteral("screenshot-set"),
        QCoreApplication::translate("main", "Which screenshots to save: all (default) or empty, "
                                            "for a node without containers."),
        QStringLiteral("set"), QStringLiteral("all"));
    const QCommandLineOption theme(
        QStringLiteral("theme"),
        QCoreApplication::translate("main", "Colour theme for this session: system, light or dark."),
        QStringLiteral("mode"));
    const QCommandLineOption size(QStringLiteral("window-size"),
                                  QCoreApplication::translate("main", "Window size, e.g. 1024x700."),
                                  QStringLiteral("WxH"));
    parser.addOptions({connect, token, name, lang, shots, shotSet, theme, size});
    parser.process(arguments);

    StartupOptions o;
    if (parser.isSet(connect))
        o.connectUrl = QUrl::fromUserInput(parser.value(connect));
    o.token = parser.isSet(token) ? parser.value(token) : qEnvironmentVariable("LIGHTD_TOKEN");
    o.nodeName = parser.value(name);
    o.language = parser.isSet(lang) ? parser.value(lang) : qEnvironmentVariable("LIGHTD_GUI_LANG");
    o.screenshotDir = parser.value(shots);
    o.screenshotSet = parser.value(shotSet);
    o.theme = parser.value(theme);
    const QStringList wh = parser.value(size).split(u'x');
    if (wh.size() == 2)
        o.windowSize = QSize(wh.at(0).toInt(), wh.at(1).toInt());
    return o;
}
} // namespace lightd::gui
