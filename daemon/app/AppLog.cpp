#include "app/AppLog.h"

#include <QDateTime>
#include <cstdio>

Q_LOGGING_CATEGORY(lcApp, "lightd.app")

namespace lightd {
namespace {
void handler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    static const char *levels[] = {"DEBUG", "WARN ", "CRIT ", "FATAL", "INFO "};
    const char *level = type <= QtInfoMsg ? levels[type] : "?    ";
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' ' +
                            level + ' ' + (ctx.category ? ctx.category : "default") + ": " + msg.toUtf8() +
                            '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    if (type == QtFatalMsg)
        std::abort();
}
} // namespace

void installLogHandler()
{
    qInstallMessageHandler(handler);
}
} // namespace lightd
