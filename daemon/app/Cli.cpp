#include "app/Cli.h"

#include "config/Config.h"
#include "config/PlatformDefaults.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <cstdio>

namespace lightd {
CliOutcome runCli(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("lightd: Docker container daemon for game and app server hosting"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption configOpt({QStringLiteral("c"), QStringLiteral("config")},
                                 QStringLiteral("Path of config.json (created with defaults when missing)."),
                                 QStringLiteral("path"), config::hostDefaults().configFile);
    QCommandLineOption tokenOpt(
        QStringLiteral("token"),
        QStringLiteral(
            "Master token: 'what' prints it, 'reset' makes a new one, 'set' reads one from stdin."),
        QStringLiteral("what|reset|set"));
    QCommandLineOption logFormatOpt(
        QStringLiteral("log-format"),
        QStringLiteral(
            "Log lines on stderr: 'plain' (default) or 'json' (one object a line, for log shippers)."),
        QStringLiteral("plain|json"), QStringLiteral("plain"));
    parser.addOption(configOpt);
    parser.addOption(tokenOpt);
    parser.addOption(logFormatOpt);
    parser.process(arguments); // exits itself for --help / --version / unknown options

    CliOutcome out;
    out.configPath = parser.value(configOpt);
    const QString format = parser.value(logFormatOpt);
    if (format == QLatin1StringView("json")) {
        out.logFormat = LogFormat::Json;
    } else if (format != QLatin1StringView("plain")) {
        QTextStream(stderr) << "lightd: --log-format takes plain or json, not " << format << Qt::endl;
        out.exitCode = 2;
        return out;
    }
    if (!parser.isSet(tokenOpt))
        return out;

    QTextStream err(stderr), outStream(stdout);
    const QString action = parser.value(tokenOpt);
    const auto loaded = config::load(out.configPath);
    if (!loaded.config) {
        err << "lightd: " << loaded.error << Qt::endl;
        out.exitCode = 2;
        return out;
    }
    QString token;
    if (action == QLatin1StringView("what")) {
        outStream << loaded.config->authorization.token << Qt::endl;
        out.exitCode = 0;
        return out;
    }
    if (action == QLatin1StringView("reset")) {
        token = config::generateToken();
    } else if (action == QLatin1StringView("set")) {
        token = QTextStream(stdin).readLine().trimmed();
        if (!token.startsWith(QLatin1StringView("lightd_")) || token.size() < 20) {
            err << "lightd: the token must start with lightd_ and be at least 20 characters long" << Qt::endl;
            out.exitCode = 2;
            return out;
        }
    } else {
        err << "lightd: --token takes what, reset or set" << Qt::endl;
        out.exitCode = 2;
        return out;
    }
    const QString e = config::setValue(out.configPath, QStringLiteral("authorization.token"), token);
    if (!e.isEmpty()) {
        err << "lightd: " << e << Qt::endl;
        out.exitCode = 1;
        return out;
    }
    outStream << token << Qt::endl;
    err << "lightd: master token updated; a running daemon picks it up on SIGHUP" << Qt::endl;
    out.exitCode = 0;
    return out;
}
} // namespace lightd
