#pragma once
#include "lightd/VolumeDto.h"
#include "models/KeyedTableModel.h"

#include <QHash>
#include <QStringList>

namespace lightd::gui {
// Registered volumes with usage against quota (API.md section 4), the name the operator gave each
// (kept by the app: the node has none) and the containers using it (from the node's summary).
class VolumesModel final : public KeyedTableModel<VolumeDto>
{
    Q_OBJECT
  public:
    // IdColumn shows the name when there is one (the id in its tooltip).
    enum Column { IdColumn, UsedByColumn, UsageColumn, QuotaColumn, PathColumn, CreatedColumn, ColumnCount };

    using KeyedTableModel::KeyedTableModel;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setNames(const QHash<QString, QString> &names);
    // known false: the node cannot tell (no summary route), the column shows a dash.
    void setUsers(const QHash<QString, QStringList> &users, bool known = true);
    QString name(const QString &volumeId) const { return m_names.value(volumeId); }
    QStringList users(const QString &volumeId) const { return m_users.value(volumeId); }

  protected:
    QString keyOf(const VolumeDto &row) const override { return row.volumeId; }

  private:
    void changed(int column);
    QHash<QString, QString> m_names;
    QHash<QString, QStringList> m_users;
    bool m_usersKnown = false;
};
} // namespace lightd::gui
