#include "models/TokensModel.h"

#include "models/Format.h"
#include "models/Roles.h"

#include <QColor>
#include <QDateTime>

namespace lightd::gui {
int TokensModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TokensModel::describeScopes(const QStringList &scopes)
{
    if (scopes.isEmpty() || scopes.contains(QStringLiteral("*")))
        return tr("Full access");
    QStringList parts;
    for (const QString &s : scopes) {
        if (s == QLatin1StringView("api"))
            parts << tr("REST API");
        else if (s == QLatin1StringView("ws:*"))
            parts << tr("All consoles");
        else if (s.startsWith(QLatin1StringView("ws:")))
            parts << tr("Console of %1").arg(s.mid(3));
        else
            parts << s;
    }
    return parts.join(QStringLiteral(", "));
}

void TokensModel::setNames(const QHash<QString, QString> &names)
{
    if (names == m_names)
        return;
    m_names = names;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn));
}

QVariant TokensModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TokenInfoDto &t = row(index.row());
    switch (role) {
    case KeyRole:
        return t.id;
    case Qt::ToolTipRole:
        if (index.column() == IdColumn)
            return t.id;
        return index.column() == ScopesColumn ? t.scopes.join(QStringLiteral(" ")) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == ExpiresColumn && t.expiresAt > 0 &&
            t.expiresAt < QDateTime::currentSecsSinceEpoch())
            return QColor(0xb9, 0x1c, 0x1c);
        return {};
    case SortRole:
        switch (index.column()) {
        case ExpiresColumn:
            return t.expiresAt;
        case CreatedColumn:
            return t.createdAt;
        case UseColumn:
            return t.removeOnUse;
        default:
            break;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return m_names.value(t.id, QStringLiteral("—"));
        case IdColumn:
            return t.id;
        case ScopesColumn:
            return describeScopes(t.scopes);
        case ExpiresColumn:
            return t.expiresAt > 0 ? format::timestamp(t.expiresAt) : tr("Never");
        case UseColumn:
            return t.removeOnUse ? tr("Once") : tr("Until it expires");
        case CreatedColumn:
            return format::timestamp(t.createdAt);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant TokensModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case IdColumn:
        return tr("ID");
    case ScopesColumn:
        return tr("Allows");
    case ExpiresColumn:
        return tr("Expires");
    case UseColumn:
        return tr("Valid");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}
} // namespace lightd::gui
