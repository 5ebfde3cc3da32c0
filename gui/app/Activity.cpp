#include "app/Activity.h"

namespace lightd::gui {
Activity &Activity::instance()
{
    static Activity activity;
    return activity;
}

int Activity::begin(const QString &text)
{
    const int id = m_next++;
    m_items.insert(id, Item{text});
    Q_EMIT changed();
    return id;
}

void Activity::progress(int id, qint64 done, qint64 total)
{
    auto it = m_items.find(id);
    if (it == m_items.end())
        return;
    it->done = done;
    it->total = total;
    Q_EMIT changed();
}

void Activity::end(int id)
{
    if (m_items.remove(id))
        Q_EMIT changed();
}

QString Activity::currentText() const
{
    if (m_items.isEmpty())
        return {};
    const QString text = m_items.last().text;
    return m_items.size() == 1 ? text : tr("%1 (+%n more)", nullptr, int(m_items.size() - 1)).arg(text);
}

int Activity::currentPercent() const
{
    if (m_items.isEmpty())
        return -1;
    const Item &item = m_items.last();
    return item.total > 0 ? int(item.done * 100 / item.total) : -1;
}
} // namespace lightd::gui
