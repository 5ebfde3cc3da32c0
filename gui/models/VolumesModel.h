#pragma once
#include "lightd/VolumeDto.h"
#include "models/KeyedTableModel.h"

namespace lightd::gui {
// Registered volumes with usage against quota (API.md section 4).
class VolumesModel final : public KeyedTableModel<VolumeDto>
{
    Q_OBJECT
  public:
    enum Column { IdColumn, UsageColumn, QuotaColumn, PathColumn, CreatedColumn, ColumnCount };

    using KeyedTableModel::KeyedTableModel;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  protected:
    QString keyOf(const VolumeDto &row) const override { return row.volumeId; }
};
} // namespace lightd::gui
