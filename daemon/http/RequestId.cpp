#include "http/RequestId.h"

#include <QRandomGenerator>
#include <atomic>
#include <cctype>

namespace lightd::http {
namespace {
bool isCleanId(QByteArrayView id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (char c : id) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return false;
    }
    return true;
}
} // namespace

QString requestId(QByteArrayView fromClient)
{
    if (isCleanId(fromClient))
        return QString::fromLatin1(fromClient);
    static const QString prefix = QString::number(QRandomGenerator::global()->generate(), 16);
    static std::atomic<quint64> counter{0};
    return prefix + QLatin1Char('-') + QString::number(++counter);
}
} // namespace lightd::http
