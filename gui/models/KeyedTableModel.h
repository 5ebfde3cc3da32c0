#pragma once
#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <concepts>

namespace lightd::gui {
// A table of value rows identified by a key. setRows() merges a fresh poll into the model in place
// (removeRows for vanished keys, dataChanged for changed rows, insertRows for new ones), so views
// keep their selection and scroll position and nothing flickers. Order is the view's business
// (a QSortFilterProxyModel), so new rows are simply appended.
template <typename T> class KeyedTableModel : public QAbstractTableModel
{
  public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    const QList<T> &rows() const { return m_rows; }
    const T &row(int r) const { return m_rows.at(r); }
    int rowOfKey(const QString &key) const
    {
        for (int i = 0; i < m_rows.size(); ++i)
            if (keyOf(m_rows.at(i)) == key)
                return i;
        return -1;
    }

    void setRows(const QList<T> &fresh)
    {
        QHash<QString, qsizetype> wanted;
        for (qsizetype i = 0; i < fresh.size(); ++i)
            wanted.insert(keyOf(fresh.at(i)), i);

        // Remove vanished rows, one contiguous run at a time from the bottom.
        auto keep = [&](qsizetype i) { return wanted.contains(keyOf(m_rows.at(i))); };
        qsizetype i = m_rows.size() - 1;
        while (i >= 0) {
            if (keep(i)) {
                --i;
                continue;
            }
            const qsizetype last = i;
            while (i > 0 && !keep(i - 1))
                --i;
            beginRemoveRows({}, int(i), int(last));
            m_rows.remove(i, last - i + 1);
            endRemoveRows();
            --i;
        }

        QHash<QString, qsizetype> present;
        for (qsizetype r = 0; r < m_rows.size(); ++r)
            present.insert(keyOf(m_rows.at(r)), r);
        QList<T> added;
        QHash<QString, bool> seen;
        for (const T &item : fresh) {
            const QString key = keyOf(item);
            if (seen.contains(key))
                continue;
            seen.insert(key, true);
            const auto it = present.constFind(key);
            if (it == present.constEnd()) {
                added.append(item);
            } else if (!equal(m_rows.at(*it), item)) {
                m_rows[*it] = item;
                Q_EMIT dataChanged(index(int(*it), 0), index(int(*it), columnCount() - 1));
            }
        }
        if (!added.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
            m_rows.append(added);
            endInsertRows();
        }
    }

    // Switching to another node or directory: a reset is the honest signal there.
    void clear()
    {
        if (m_rows.isEmpty())
            return;
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }

  protected:
    virtual QString keyOf(const T &row) const = 0;

  private:
    static bool equal(const T &a, const T &b)
    {
        if constexpr (std::equality_comparable<T>)
            return a == b;
        else
            return false;
    }

    QList<T> m_rows;
};
} // namespace lightd::gui
