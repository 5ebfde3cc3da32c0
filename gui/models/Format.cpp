#include "models/Format.h"

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

QString shortId(const QString &id, int length)
{
    return id.left(length);
}
} // namespace lightd::gui::format
