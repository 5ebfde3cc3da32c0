#pragma once
#include "lightd/BillingDto.h"
#include "models/KeyedTableModel.h"

namespace lightd::gui {
// Billing usage per container over the chosen period (API.md section 7).
class UsageModel final : public KeyedTableModel<UsageDto>
{
    Q_OBJECT
  public:
    enum Column {
        ContainerColumn,
        MemoryColumn,
        CpuColumn,
        StorageColumn,
        EgressColumn,
        HoursColumn,
        CostColumn,
        ColumnCount
    };

    using KeyedTableModel::KeyedTableModel;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  protected:
    QString keyOf(const UsageDto &row) const override { return row.containerId; }
};
} // namespace lightd::gui
