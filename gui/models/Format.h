#pragma once
#include <QString>

namespace lightd::gui::format {
QString bytes(qint64 bytes);           // "1.5 GiB"
QString timestamp(qint64 unixSeconds); // locale short date and time, "—" for 0
QString money(double amount);          // locale currency-less number with 4 decimals below 1
QString duration(qint64 seconds);      // "45 s", "12 min", "3 h 12 min", "2 d 4 h"
QString shortId(const QString &id, int length = 12);
} // namespace lightd::gui::format
