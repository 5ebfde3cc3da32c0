#pragma once
#include "lightd/PortDto.h"
#include "models/KeyedTableModel.h"

namespace lightd::gui {
// The node's port pool (API.md section 5).
class PortsModel final : public KeyedTableModel<PortDto>
{
    Q_OBJECT
  public:
    enum Column { IpColumn, PortColumn, ProtocolColumn, StatusColumn, OwnerColumn, ColumnCount };

    using KeyedTableModel::KeyedTableModel;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString key(const PortDto &port);

  protected:
    QString keyOf(const PortDto &row) const override { return key(row); }
};
} // namespace lightd::gui
