#pragma once
#include "lightd/FileDto.h"
#include "models/KeyedTableModel.h"

namespace lightd::gui {
// One directory of a volume; sorting keeps directories first (SortRole prefixes them).
class FilesModel final : public KeyedTableModel<FileEntryDto>
{
    Q_OBJECT
  public:
    enum Column { NameColumn, SizeColumn, ModifiedColumn, ModeColumn, ColumnCount };

    using KeyedTableModel::KeyedTableModel;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  protected:
    QString keyOf(const FileEntryDto &row) const override { return row.name; }
};
} // namespace lightd::gui
