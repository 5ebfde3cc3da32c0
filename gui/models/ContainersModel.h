#pragma once
#include "lightd/ContainerDto.h"
#include "models/KeyedTableModel.h"

namespace lightd::gui {
// GET /containers, one row per managed container, keyed by internal_id.
class ContainersModel final : public KeyedTableModel<ContainerSummaryDto>
{
    Q_OBJECT
  public:
    enum Column { NameColumn, StateColumn, ImageColumn, DockerIdColumn, ColumnCount };

    using KeyedTableModel::KeyedTableModel;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  protected:
    QString keyOf(const ContainerSummaryDto &row) const override { return row.internalId; }
};
} // namespace lightd::gui
