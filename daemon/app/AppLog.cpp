#include "app/AppLog.h"

#include "app/LogContext.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <atomic>
#include <cstdio>

Q_LOGGING_CATEGORY(lcApp, "lightd.app")

namespace lightd {
namespace {
std::atomic<LogFormat> g_format{LogFormat::Plain};

void handler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    const QByteArray line = formatLogLine(g_format.load(), type, ctx.category, msg, t_logRequestId);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    if (type == QtFatalMsg)
        std::abort();
}
} // namespace

QByteArray formatLogLine(LogFormat format, QtMsgType type, const char *category, const QString &message,
                         const QString &requestId)
{
    const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const char *cat = category ? category : "default";
    if (format == LogFormat::Json) {
        static const char *names[] = {"debug", "warning", "critical", "fatal", "info"};
        QJsonObject o{
            {QStringLiteral("time"), time},
            {QStringLiteral("level"), QLatin1StringView(type <= QtInfoMsg ? names[type] : "unknown")},
            {QStringLiteral("category"), QLatin1StringView(cat)},
            {QStringLiteral("message"), message},
            {QStringLiteral("request_id"), requestId.isEmpty() ? QJsonValue() : QJsonValue(requestId)}};
        return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    static const char *levels[] = {"DEBUG", "WARN ", "CRIT ", "FATAL", "INFO "};
    const char *level = type <= QtInfoMsg ? levels[type] : "?    ";
    return time.toUtf8() + ' ' + level + ' ' + cat + ": " + message.toUtf8() + '\n';
}

void installLogHandler(LogFormat format)
{
    g_format = format;
    qInstallMessageHandler(handler);
}
} // namespace lightd
