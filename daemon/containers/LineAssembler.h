#pragma once
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace lightd::containers {
// Turns a byte stream (split anywhere, frames of any size) into console lines: "\n" and "\r\n" end
// a line, a lone "\r" (progress bars) ends it too, lines longer than maxLineBytes are cut (at a
// character boundary; a line of exactly maxLineBytes and its end make one line), and bytes that are
// not UTF-8 become U+FFFD instead of breaking anything.
class LineAssembler
{
  public:
    explicit LineAssembler(qsizetype maxLineBytes = 64 * 1024) : m_max(maxLineBytes) {}
    QStringList feed(const QByteArray &bytes);
    // The unterminated rest, as a last line (stream ended).
    QStringList flush();

  private:
    void emitLine(QStringList &out);
    qsizetype m_max;
    QByteArray m_partial;
    bool m_pendingCr = false;
    bool m_justCut = false; // the last byte completed a cut line
};
} // namespace lightd::containers
