#include "MainWindow.h"
#include "app/Icons.h"
#include "app/ScreenshotRunner.h"
#include "app/StartupOptions.h"
#include "app/Theme.h"
#include "app/Translations.h"
#include "app/WindowHost.h"
#include "nodes/NodeConnection.h"
#include "nodes/NodeManager.h"
#include "nodes/TokenStore.h"

#include <QApplication>

using namespace lightd::gui;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("lightd"));
    QApplication::setApplicationName(QStringLiteral("lightd-gui"));
    QApplication::setApplicationDisplayName(QStringLiteral("lightd admin"));
    QApplication::setApplicationVersion(QStringLiteral(LIGHTD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("lightd-gui"));
    const StartupOptions options = StartupOptions::parse(app);
    translations::install(options.language);
    if (options.theme.isEmpty())
        applyTheme(app);
    else
        applyTheme(app, theme::wantsDark(options.theme, QApplication::palette()));
    QApplication::setWindowIcon(icons::get(QStringLiteral("lightd-gui")));

    TokenStore tokens;
    NodeManager nodes(&tokens);
    nodes.load();
    NodeConnection *cliNode = nullptr;
    if (options.connectUrl.isValid())
        cliNode = nodes.addNode(options.nodeName.isEmpty() ? options.connectUrl.host() : options.nodeName,
                                options.connectUrl, options.token, false);

    WindowHost host(&nodes);
    MainWindow &window = *host.window();
    if (cliNode)
        window.showPage(cliNode, PageId::Containers);
    else
        window.restoreLastNode();
    if (options.windowSize.isValid())
        window.resize(options.windowSize);
    window.show();

    if (!options.screenshotDir.isEmpty()) {
        const auto set = options.screenshotSet == QLatin1StringView("empty")
                             ? ScreenshotRunner::Set::EmptyNode
                             : ScreenshotRunner::Set::All;
        auto *runner = new ScreenshotRunner(&window, options.screenshotDir, set, &window);
        runner->start();
    }
    return QApplication::exec();
}
