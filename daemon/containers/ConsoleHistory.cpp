#include "containers/ConsoleHistory.h"

namespace lightd::containers {
ConsoleHistory::ConsoleHistory(int capacity)
{
    setCapacity(capacity);
}

void ConsoleHistory::setCapacity(int capacity)
{
    const int cap = std::max(1, capacity);
    const QStringList keep = last(cap);
    m_ring = QVector<QString>(cap);
    m_start = 0;
    m_size = 0;
    const quint64 next = m_next;
    for (const auto &l : keep)
        append(l);
    m_next = next;
}

quint64 ConsoleHistory::append(const QString &line)
{
    const qsizetype cap = m_ring.size();
    if (m_size < cap) {
        m_ring[(m_start + m_size) % cap] = line;
        ++m_size;
    } else {
        m_ring[m_start] = line;
        m_start = (m_start + 1) % cap;
    }
    return m_next++;
}

ConsoleHistory::Tail ConsoleHistory::tail(int n) const
{
    Tail t;
    t.lines = last(n);
    t.firstSeq = m_next - quint64(t.lines.size());
    return t;
}

QStringList ConsoleHistory::last(int n) const
{
    QStringList out;
    if (m_ring.isEmpty())
        return out;
    const qsizetype take = std::min<qsizetype>(std::max(0, n), m_size);
    out.reserve(take);
    for (qsizetype i = m_size - take; i < m_size; ++i)
        out.append(m_ring[(m_start + i) % m_ring.size()]);
    return out;
}
} // namespace lightd::containers
