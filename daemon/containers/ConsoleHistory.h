#pragma once
#include <QString>
#include <QStringList>
#include <QVector>

namespace lightd::containers {
// The last N console lines of a container, kept whatever the number of viewers, so a late viewer
// (or GET /logs) sees recent output at once. Each line has a sequence number so a viewer can join
// history and live output without a gap or a duplicate.
class ConsoleHistory
{
  public:
    explicit ConsoleHistory(int capacity = 1000);
    // How many lines one request (GET /logs, request_logs) may ask for: the one rule of both.
    static constexpr int kMaxRequestLines = 100000;
    static bool validRequest(qint64 lines) { return lines >= 1 && lines <= kMaxRequestLines; }
    static QString requestRule()
    {
        return QStringLiteral("an integer between 1 and %1").arg(kMaxRequestLines);
    }
    void setCapacity(int capacity);
    quint64 append(const QString &line); // returns the line's sequence number
    QStringList last(int n) const;
    // The last n lines and the sequence number of the first of them (the rest follow by one).
    struct Tail
    {
        QStringList lines;
        quint64 firstSeq = 0;
    };
    Tail tail(int n) const;
    quint64 nextSeq() const { return m_next; }
    int size() const { return int(m_size); }

  private:
    QVector<QString> m_ring;
    qsizetype m_start = 0;
    qsizetype m_size = 0;
    quint64 m_next = 0;
};
} // namespace lightd::containers
