#include "app/Icons.h"

#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace lightd::gui::icons {
QIcon get(const QString &name)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it != cache.end())
        return *it;
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        const QString path = QStringLiteral(":/icons/%1-%2.png").arg(name).arg(size);
        if (QFile::exists(path))
            icon.addFile(path, QSize(size, size));
    }
    return *cache.insert(name, icon);
}

QIcon dot(const QColor &color)
{
    QPixmap pm(32, 32);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    QColor halo = color;
    halo.setAlpha(60);
    p.setPen(Qt::NoPen);
    p.setBrush(halo);
    p.drawEllipse(QPointF(16, 16), 11, 11);
    p.setBrush(color);
    p.drawEllipse(QPointF(16, 16), 7, 7);
    return QIcon(pm);
}
} // namespace lightd::gui::icons
