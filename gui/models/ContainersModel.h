#pragma once
#include "lightd/ContainerDto.h"
#include "lightd/NodeSummaryDto.h"
#include "models/KeyedTableModel.h"

#include <QHash>

namespace lightd::gui {
// GET /containers, one row per managed container, keyed by internal_id; the live columns (CPU,
// memory, ports, uptime, volume) come from the node's one summary answer (GET /system/containers),
// merged in by setUsage, never from a stats stream per row.
class ContainersModel final : public KeyedTableModel<ContainerSummaryDto>
{
    Q_OBJECT
  public:
    enum Column {
        NameColumn,
        StateColumn,
        ImageColumn,
        CpuColumn,
        MemoryColumn,
        PortsColumn,
        UptimeColumn,
        VolumeColumn,
        DockerIdColumn,
        ColumnCount
    };

    using KeyedTableModel::KeyedTableModel;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The summary of the whole node; containers it does not list keep "—" in those columns.
    void setUsage(const QList<ContainerUsageDto> &usage);
    const ContainerUsageDto *usage(const QString &internalId) const;
    // Names the operator gave volumes (NameStore): the Volume column shows them instead of the id.
    void setVolumeNames(const QHash<QString, QString> &names);

  protected:
    QString keyOf(const ContainerSummaryDto &row) const override { return row.internalId; }

  private:
    QVariant usageData(const ContainerSummaryDto &c, int column, int role) const;
    QHash<QString, ContainerUsageDto> m_usage;
    QHash<QString, QString> m_volumeNames;
};
} // namespace lightd::gui
