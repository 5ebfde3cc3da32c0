#pragma once
#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace lightd::docker {

// Cuts a newline-delimited JSON stream (/events, /stats, /images/create progress) into lines.
// Blank lines are dropped; a line longer than the limit is an error, so a stream that never sends
// a newline cannot grow without bound.
class JsonLineSplitter
{
  public:
    explicit JsonLineSplitter(qsizetype maxLine = 8 * 1024 * 1024) : m_maxLine(maxLine) {}

    bool feed(QByteArrayView data, QList<QByteArray> &lines);
    // End of stream: a last line without a newline still counts.
    void finish(QList<QByteArray> &lines);
    bool failed() const { return m_failed; }

  private:
    qsizetype m_maxLine;
    QByteArray m_partial;
    bool m_failed = false;
};

} // namespace lightd::docker
