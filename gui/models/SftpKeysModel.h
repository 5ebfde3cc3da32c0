#pragma once
#include "lightd/SftpDto.h"
#include "models/KeyedTableModel.h"

namespace lightd::gui {
// GET /containers/:id/sftp/keys: the public keys that may log in to one container, keyed by fingerprint.
class SftpKeysModel final : public KeyedTableModel<SftpKeyDto>
{
    Q_OBJECT
  public:
    enum Column { CommentColumn, TypeColumn, FingerprintColumn, AddedColumn, ColumnCount };

    using KeyedTableModel::KeyedTableModel;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  protected:
    QString keyOf(const SftpKeyDto &row) const override { return row.fingerprint; }
};
} // namespace lightd::gui
