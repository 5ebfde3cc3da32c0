#include "config/JsonPath.h"

namespace lightd::config::jsonpath {
QJsonValue lookup(const QJsonObject &root, const QString &dotted)
{
    const auto parts = dotted.split(QLatin1Char('.'));
    QJsonValue v = root;
    for (const auto &p : parts) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(p);
    }
    return v;
}

QJsonObject assign(QJsonObject root, QStringList parts, const QJsonValue &value)
{
    const QString head = parts.takeFirst();
    if (parts.isEmpty())
        root.insert(head, value);
    else
        root.insert(head, assign(root.value(head).toObject(), parts, value));
    return root;
}

QJsonObject merge(QJsonObject base, const QJsonObject &over)
{
    for (auto it = over.constBegin(); it != over.constEnd(); ++it) {
        if (it.value().isObject() && base.value(it.key()).isObject())
            base.insert(it.key(), merge(base.value(it.key()).toObject(), it.value().toObject()));
        else
            base.insert(it.key(), it.value());
    }
    return base;
}
} // namespace lightd::config::jsonpath
