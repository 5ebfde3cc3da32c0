#include "models/Format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace lightd::gui::format {
QString bytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString timestamp(qint64 unixSeconds)
{
    if (unixSeconds <= 0)
        return QStringLiteral("—");
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(unixSeconds), QLocale::ShortFormat);
}

QString money(double amount)
{
    return QLocale().toString(amount, 'f', amount != 0 && qAbs(amount) < 1 ? 4 : 2);
}

QString duration(qint64 seconds)
{
    if (seconds < 60)
        return QCoreApplication::translate("lightd::gui::format", "%1 s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("lightd::gui::format", "%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return QCoreApplication::translate("lightd::gui::format", "%1 h %2 min")
            .arg(seconds / 3600)
            .arg(seconds % 3600 / 60);
    return QCoreApplication::translate("lightd::gui::format", "%1 d %2 h")
        .arg(seconds / 86400)
        .arg(seconds % 86400 / 3600);
}

QString shortId(const QString &id, int length)
{
    return id.left(length);
}
} // namespace lightd::gui::format
