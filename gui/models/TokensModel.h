#pragma once
#include "lightd/TokenDto.h"
#include "models/KeyedTableModel.h"

#include <QHash>

namespace lightd::gui {
// GET /auth/tokens: the node's scoped tokens (never their secrets), keyed by id, with their names.
class TokensModel final : public KeyedTableModel<TokenInfoDto>
{
    Q_OBJECT
  public:
    enum Column { NameColumn, IdColumn, ScopesColumn, ExpiresColumn, UseColumn, CreatedColumn, ColumnCount };

    using KeyedTableModel::KeyedTableModel;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "Full access", "API", "Console of survival-1", ... in the operator's words.
    static QString describeScopes(const QStringList &scopes);

    // What the operator called each token (the node keeps no name; NameStore does).
    void setNames(const QHash<QString, QString> &names);
    QString name(const QString &id) const { return m_names.value(id); }

  protected:
    QString keyOf(const TokenInfoDto &row) const override { return row.id; }

  private:
    QHash<QString, QString> m_names;
};
} // namespace lightd::gui
